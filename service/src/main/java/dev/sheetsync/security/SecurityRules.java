package dev.sheetsync.security;

import dev.sheetsync.users.Permissions;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The extension point for access rules: a feature declares a {@code @Bean SecurityRules} (ordered
 * with {@code @Order} when it matters) and {@link SecurityConfiguration} applies it after the
 * built-in rules (login, health, actuator, users) and before the catch-all "any other request needs
 * a login". Rules match first-wins, so put specific matchers before broad ones.
 *
 * <pre>{@code
 * @Bean
 * SecurityRules syncRules() {
 *   return requests -> requests
 *       .requestMatchers(HttpMethod.POST, "/api/sync/queue/**").access(SecurityRules.permission("*"));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface SecurityRules {

  /**
   * The login form post, matched on the decoded path as Spring Security matches the login itself:
   * filters guarding the login (cross-site refusal, throttling) must use this, so that {@code POST
   * /%6Cogin} cannot reach the login while slipping past them.
   */
  RequestMatcher LOGIN =
      PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

  /** Adds matchers; called once while the filter chain is built. */
  void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests);

  /**
   * Further changes to the chain, e.g. {@code http.addFilterBefore(bearerFilter,
   * AuthorizationFilter.class)} for a bearer-token path or login throttling. Default: none.
   */
  default void customize(HttpSecurity http) throws Exception {}

  /**
   * Grants when the logged-in user's role has {@code permission} ({@link
   * Permissions#hasPermission}, so ADMIN's {@code *} grants everything). Anonymous callers get 401,
   * logged-in callers without it 403 {@code {"error":"Forbidden: requires permission '…'"}}.
   */
  static AuthorizationManager<RequestAuthorizationContext> permission(String permission) {
    return new PermissionAuthorizationManager(permission);
  }

  /** Grants when the user has any of the permissions. */
  static AuthorizationManager<RequestAuthorizationContext> anyPermission(String... permissions) {
    return new PermissionAuthorizationManager(permissions);
  }
}
