package dev.sheetsync.console;

import dev.sheetsync.security.SecurityRules;
import dev.sheetsync.users.Permissions;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}), readable
 * by admins only: it lists admin operations, and issue 2's rule is that nothing but health leaks
 * without a login. Two security schemes: the session cookie (every endpoint unless it says
 * otherwise) and the cron bearer secret (the write-back only). Login and logout are servlet
 * filters, invisible to springdoc's scan, so they are added by hand.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String SESSION = "session";
  static final String CRON_BEARER = "cronBearer";

  @Bean
  OpenAPI sheetsyncOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("sheetsync")
                .version("v1")
                .description(
                    "Booking records kept in step with Google Sheets through a transactional"
                        + " outbox. Log in with POST /login; the SESSION cookie authorises"
                        + " everything else."))
        .components(
            new Components()
                .addSecuritySchemes(
                    SESSION,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.COOKIE)
                        .name("SESSION")
                        .description("Session cookie from POST /login"))
                .addSecuritySchemes(
                    CRON_BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("Authorization: Bearer <CRON_SECRET>; write-back only")))
        .addSecurityItem(new SecurityRequirement().addList(SESSION));
  }

  @Bean
  OpenApiCustomizer loginAndLogout() {
    return openApi -> {
      RequestBody form =
          new RequestBody()
              .required(true)
              .content(
                  new Content()
                      .addMediaType(
                          "application/x-www-form-urlencoded",
                          new MediaType()
                              .schema(
                                  new ObjectSchema()
                                      .addProperty("username", new StringSchema())
                                      .addProperty("password", new StringSchema())
                                      .required(List.of("username", "password")))));
      openApi.path(
          "/login",
          new PathItem()
              .post(
                  new Operation()
                      .addTagsItem("Session")
                      .summary("Log in; answers with the SESSION cookie")
                      .requestBody(form)
                      .security(List.of())
                      .responses(
                          new ApiResponses()
                              .addApiResponse("200", new ApiResponse().description("Logged in"))
                              .addApiResponse(
                                  "401", new ApiResponse().description("Wrong e-mail or password"))
                              .addApiResponse(
                                  "429",
                                  new ApiResponse()
                                      .description(
                                          "Too many failed logins for this account or address;"
                                              + " see Retry-After")))));
      openApi.path(
          "/logout",
          new PathItem()
              .post(
                  new Operation()
                      .addTagsItem("Session")
                      .summary("Log out; ends the session")
                      .responses(
                          new ApiResponses()
                              .addApiResponse(
                                  "200", new ApiResponse().description("Logged out")))));
    };
  }

  @Bean
  SecurityRules apiDocsRules() {
    return requests ->
        requests
            .requestMatchers(
                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
            .access(SecurityRules.permission(Permissions.ALL));
  }
}
