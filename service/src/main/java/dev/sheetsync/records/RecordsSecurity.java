package dev.sheetsync.records;

import static dev.sheetsync.security.SecurityRules.anyPermission;
import static dev.sheetsync.security.SecurityRules.permission;

import dev.sheetsync.security.SecurityRules;
import dev.sheetsync.users.Permissions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may read and write which records (the README's roles table). */
@Configuration(proxyBeanMethods = false)
class RecordsSecurity {

  @Bean
  SecurityRules recordRules() {
    return requests ->
        requests
            .requestMatchers(HttpMethod.GET, "/api/requests", "/api/requests/**")
            .access(permission(Permissions.REQUESTS_READ))
            .requestMatchers("/api/requests", "/api/requests/**")
            .access(permission(Permissions.REQUESTS_WRITE))
            .requestMatchers(HttpMethod.GET, "/api/operators", "/api/operators/**")
            .access(permission(Permissions.OPERATORS_READ))
            // Field-level rule for operators:payment in OperatorsController.
            .requestMatchers(HttpMethod.PATCH, "/api/operators/**")
            .access(anyPermission(Permissions.OPERATORS_WRITE, Permissions.OPERATORS_PAYMENT))
            .requestMatchers("/api/operators", "/api/operators/**")
            .access(permission(Permissions.OPERATORS_WRITE))
            .requestMatchers(HttpMethod.GET, "/api/revenues", "/api/revenues/**")
            .access(permission(Permissions.REVENUES_READ))
            .requestMatchers("/api/revenues", "/api/revenues/**")
            .access(permission(Permissions.REVENUES_WRITE));
  }
}
