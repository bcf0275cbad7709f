package dev.sheetsync.security;

import dev.sheetsync.system.JsonErrors;
import dev.sheetsync.users.LoginName;
import dev.sheetsync.users.Passwords;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login form whose username cannot be a login name ({@link LoginName}: a control
 * character such as NUL, CR or LF, or too long) or whose password is longer than bcrypt reads
 * ({@link Passwords#MAX_BYTES}), with 400 and before the throttle or the password check: such input
 * names no account, and would otherwise reach the database, the logs or bcrypt's truncation.
 */
final class LoginInputFilter extends OncePerRequestFilter {

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !SecurityRules.LOGIN.matches(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      LoginName.of(request.getParameter("username"));
    } catch (LoginName.InvalidLoginNameException e) {
      JsonErrors.write(response, HttpStatus.BAD_REQUEST, e.getMessage());
      return;
    }
    String password = request.getParameter("password");
    if (password != null && !Passwords.withinLimit(password)) {
      JsonErrors.write(
          response,
          HttpStatus.BAD_REQUEST,
          "password must be at most " + Passwords.MAX_BYTES + " bytes in UTF-8");
      return;
    }
    chain.doFilter(request, response);
  }
}
