package dev.sheetsync.users;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Lets Spring Security's form login find users by their canonical {@link LoginName}, the same key
 * the login throttle counts failures against.
 */
@Component
class UserDetailsLookup implements UserDetailsService {

  private final Users users;

  UserDetailsLookup(Users users) {
    this.users = users;
  }

  @Override
  public UserDetails loadUserByUsername(String typed) {
    LoginName name;
    try {
      name = LoginName.of(typed);
    } catch (LoginName.InvalidLoginNameException e) {
      // The login form filter answers 400 before this; any other caller simply finds nobody.
      throw new UsernameNotFoundException("No such user");
    }
    return users
        .findForLogin(name)
        .orElseThrow(() -> new UsernameNotFoundException("No such user"));
  }
}
