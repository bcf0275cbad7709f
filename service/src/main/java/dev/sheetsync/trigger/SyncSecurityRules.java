package dev.sheetsync.trigger;

import dev.sheetsync.security.SecurityRules;
import dev.sheetsync.security.cron.CronBearerFilter;
import dev.sheetsync.security.cron.CronSecret;
import dev.sheetsync.users.Permissions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Access to {@code /api/sync/**}: a login (or, for the write-back, the cron secret) at the URL
 * level; "admin only" is decided in {@link SyncController} so that it can answer with {@code
 * {"error":"Admin only"}} ({@link SyncError#ADMIN_ONLY}, as {@code docs/api-contract.md} has it).
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
        // Admin-only endpoints with typed bodies: judged before the body is read, so a seller
        // gets 403 whatever the body, not a 400 about it.
        requests
            .requestMatchers(
                HttpMethod.POST,
                "/api/sync/resync",
                "/api/sync/adopt",
                "/api/sync/conflicts/*/resolve")
            .access(SecurityRules.permission(Permissions.ALL));
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
