package dev.sheetsync.security.throttle;

import dev.sheetsync.security.SecurityRules;
import dev.sheetsync.system.JsonErrors;
import dev.sheetsync.users.LoginName;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every {@code POST /login} before its password is checked, against the canonical {@link
 * LoginName} (the key the login finds the account by) and the client address; refuses it with 429
 * and {@code Retry-After} while either must wait. The password is not even checked then, so a
 * locked account cannot be probed.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

  private final LoginThrottle throttle;

  LoginThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !SecurityRules.LOGIN.matches(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // LoginInputFilter has refused a username that is no login name (400) before this.
    Optional<Duration> wait =
        throttle.attempt(LoginName.of(request.getParameter("username")), request.getRemoteAddr());
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
      JsonErrors.write(
          response,
          HttpStatus.TOO_MANY_REQUESTS,
          "Too many failed logins; try again in " + seconds + " seconds");
      return;
    }
    chain.doFilter(request, response);
  }
}
