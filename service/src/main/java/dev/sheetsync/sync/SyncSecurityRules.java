package dev.sheetsync.sync;

import dev.sheetsync.security.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Access to {@code /api/sync/**}: a login (or, for the write-back, the cron secret) at the URL
 * level; "admin only" is decided in {@link SyncController} so that it can answer with the seed's
 * {@code {"error":"Admin only"}}.
 */
@Configuration(proxyBeanMethods = false)
class SyncSecurityRules {

  @Bean
  SecurityRules syncRules(CronSecret cronSecret) {
    CronBearerFilter bearer = new CronBearerFilter(cronSecret);
    return new SecurityRules() {
      @Override
      public void authorize(
          AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
              requests) {
        requests.requestMatchers("/api/sync/**").authenticated();
      }

      @Override
      public void customize(HttpSecurity http) {
        // Before the anonymous filter, so a matching bearer request is never seen as anonymous.
        http.addFilterBefore(bearer, AnonymousAuthenticationFilter.class);
      }
    };
  }
}
