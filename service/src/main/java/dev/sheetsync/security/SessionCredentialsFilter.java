package dev.sheetsync.security;

import dev.sheetsync.users.SignedInUser;
import dev.sheetsync.users.Users;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session on its next request once its user was deleted or their role, email or password
 * changed, by comparing the session's {@link SignedInUser#credentialsVersion()} with the stored one
 * (one primary-key read per request). Deleting the user's session rows alone is not enough: a login
 * that read the user before the change committed stores its session after that delete, with the old
 * role, and would keep it for hours.
 */
final class SessionCredentialsFilter extends OncePerRequestFilter {

  private final Users users;

  SessionCredentialsFilter(Users users) {
    this.users = users;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof SignedInUser user) {
      Optional<Long> stored = users.credentialsVersion(user.id());
      if (stored.isEmpty() || stored.get() != user.credentialsVersion()) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
      }
    }
    chain.doFilter(request, response);
  }
}
