package dev.sheetsync.security.throttle;

import dev.sheetsync.security.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/** Puts the {@link LoginThrottleFilter} in front of the form login. Adds no access rules. */
@Configuration(proxyBeanMethods = false)
class LoginThrottleRules {

  @Bean
  SecurityRules loginThrottleFilterRule(LoginThrottle throttle) {
    LoginThrottleFilter filter = new LoginThrottleFilter(throttle);
    return new SecurityRules() {
      @Override
      public void authorize(
          org.springframework.security.config.annotation.web.configurers
                          .AuthorizeHttpRequestsConfigurer<
                      HttpSecurity>
                  .AuthorizationManagerRequestMatcherRegistry
              requests) {}

      @Override
      public void customize(HttpSecurity http) {
        http.addFilterBefore(filter, UsernamePasswordAuthenticationFilter.class);
      }
    };
  }
}
