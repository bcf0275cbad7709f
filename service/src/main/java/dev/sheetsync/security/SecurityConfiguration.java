package dev.sheetsync.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import dev.sheetsync.users.Permissions;
import dev.sheetsync.users.Users;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one filter chain. Built-in rules come first, then every {@link SecurityRules} bean, then "any
 * other request needs a login". API clients get JSON 401/403; browsers asking for HTML pages are
 * sent to the login form.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http, JsonMapper json, Users users, ObjectProvider<SecurityRules> contributed)
      throws Exception {
    List<SecurityRules> rules = contributed.orderedStream().toList();
    RequestMatcher browserPage = JsonSecurityResponses::isBrowserPage;
    // Only page navigations are replayed after login, and the page to return to is kept in a
    // cookie: no anonymous request creates a session (500 anonymous page views were 500 session
    // rows of 8 hours each).
    CookieRequestCache requestCache = new CookieRequestCache();
    requestCache.setRequestMatcher(
        request -> "GET".equals(request.getMethod()) && browserPage.matches(request));
    http.requestCache(cache -> cache.requestCache(requestCache));
    JsonSecurityResponses responses = new JsonSecurityResponses(json, requestCache);

    http.authorizeHttpRequests(
        requests -> {
          requests
              .dispatcherTypeMatchers(DispatcherType.ERROR)
              .permitAll()
              .requestMatchers("/error", "/login")
              .permitAll()
              .requestMatchers("/actuator/health", "/actuator/health/**")
              .permitAll()
              .requestMatchers("/actuator/**")
              .access(SecurityRules.permission(Permissions.ALL))
              .requestMatchers("/api/users", "/api/users/**")
              .access(SecurityRules.permission(Permissions.USERS_MANAGE));
          rules.forEach(r -> r.authorize(requests));
          requests.anyRequest().authenticated();
        });

    http.formLogin(
        form ->
            form.loginPage("/login")
                .loginProcessingUrl("/login")
                .usernameParameter("username")
                .passwordParameter("password")
                .successHandler(responses.loginSucceeded())
                .failureHandler(responses.loginFailed())
                .permitAll());
    http.logout(
        logout ->
            logout
                .logoutRequestMatcher(pathPattern(HttpMethod.POST, "/logout"))
                .logoutSuccessHandler(responses.loggedOut())
                .invalidateHttpSession(true)
                .deleteCookies("SESSION"));

    http.exceptionHandling(
        errors ->
            errors
                .defaultAuthenticationEntryPointFor(
                    new LoginUrlAuthenticationEntryPoint("/login"), browserPage)
                .defaultAuthenticationEntryPointFor(responses.unauthorized(), request -> true)
                .accessDeniedHandler(responses.forbidden()));

    // Token CSRF would break curl and scripts with a session cookie: the API and login/logout are
    // protected by the cross-site filter instead. Server-rendered forms elsewhere keep tokens.
    http.csrf(
        csrf ->
            csrf.ignoringRequestMatchers(
                pathPattern("/api/**"), pathPattern("/login"), pathPattern("/logout")));
    http.addFilterBefore(new CrossSiteRequestFilter(), CsrfFilter.class);
    http.addFilterBefore(new LoginInputFilter(), CsrfFilter.class);
    http.addFilterAfter(new SessionCredentialsFilter(users), SecurityContextHolderFilter.class);

    for (SecurityRules rule : rules) {
      rule.customize(http);
    }
    return http.build();
  }
}
