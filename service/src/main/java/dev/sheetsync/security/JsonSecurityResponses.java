package dev.sheetsync.security;

import dev.sheetsync.system.JsonErrors;
import dev.sheetsync.users.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import tools.jackson.databind.json.JsonMapper;

/**
 * How security answers: JSON for API clients (curl, scripts, fetch), redirects only for a browser
 * submitting the HTML login form ({@link #isBrowserPage}).
 */
final class JsonSecurityResponses {

  static final String ADMIN_HOME = "/admin";

  private final JsonMapper json;
  private final RequestCache requestCache;

  JsonSecurityResponses(JsonMapper json, RequestCache requestCache) {
    this.json = json;
    this.requestCache = requestCache;
  }

  /** A browser navigating (it asks for HTML), as opposed to an API client. */
  static boolean isBrowserPage(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    String uri = request.getRequestURI();
    return accept != null
        && accept.contains(MediaType.TEXT_HTML_VALUE)
        && !uri.startsWith(request.getContextPath() + "/api/")
        && !uri.startsWith(request.getContextPath() + "/actuator");
  }

  AuthenticationEntryPoint unauthorized() {
    return (request, response, e) ->
        JsonErrors.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized");
  }

  AccessDeniedHandler forbidden() {
    return (request, response, e) -> {
      String reason = "access denied";
      if (e instanceof AuthorizationDeniedException denied
          && denied.getAuthorizationResult()
              instanceof PermissionAuthorizationManager.Decision decision) {
        reason = decision.describe();
      }
      JsonErrors.write(response, HttpStatus.FORBIDDEN, "Forbidden: " + reason);
    };
  }

  AuthenticationSuccessHandler loginSucceeded() {
    SavedRequestAwareAuthenticationSuccessHandler browser =
        new SavedRequestAwareAuthenticationSuccessHandler();
    browser.setDefaultTargetUrl(ADMIN_HOME);
    browser.setRequestCache(requestCache);
    return (request, response, authentication) -> {
      if (isBrowserPage(request)) {
        browser.onAuthenticationSuccess(request, response, authentication);
        return;
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("success", true);
      body.put("user", userOf(authentication));
      writeJson(response, HttpStatus.OK, body);
    };
  }

  AuthenticationFailureHandler loginFailed() {
    return (request, response, e) -> {
      if (isBrowserPage(request)) {
        response.sendRedirect(request.getContextPath() + "/login?error");
        return;
      }
      JsonErrors.write(response, HttpStatus.UNAUTHORIZED, "Invalid email or password");
    };
  }

  LogoutSuccessHandler loggedOut() {
    return (request, response, authentication) -> {
      if (isBrowserPage(request)) {
        response.sendRedirect(request.getContextPath() + "/login?logout");
        return;
      }
      writeJson(response, HttpStatus.OK, Map.of("success", true));
    };
  }

  private static Map<String, Object> userOf(Authentication authentication) {
    Map<String, Object> user = new LinkedHashMap<>();
    if (authentication.getPrincipal() instanceof SignedInUser u) {
      user.put("id", u.id().toString());
      user.put("email", u.email());
      user.put("name", u.name());
      user.put("role", u.role().name());
    }
    return user;
  }

  private void writeJson(HttpServletResponse response, HttpStatus status, Object body)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(json.writeValueAsString(body));
  }
}
