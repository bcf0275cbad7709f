package dev.sheetsync.users;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Lets Spring Security's form login find users by email, case-insensitively. */
@Component
class UserDetailsLookup implements UserDetailsService {

  private final Users users;

  UserDetailsLookup(Users users) {
    this.users = users;
  }

  @Override
  public UserDetails loadUserByUsername(String email) {
    return users
        .findForLogin(email == null ? "" : email.trim())
        .orElseThrow(() -> new UsernameNotFoundException("No such user"));
  }
}
