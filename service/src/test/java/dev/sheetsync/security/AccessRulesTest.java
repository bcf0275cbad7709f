package dev.sheetsync.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.sheetsync.IntegrationTest;
import dev.sheetsync.TestData;
import dev.sheetsync.users.Role;
import dev.sheetsync.users.SignedInUser;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Who may call what: the answers of the URL and permission rules for each endpoint family and role.
 * Through {@link MockMvcTester}: the application's whole filter chain (Spring Security, the session
 * and credentials filters) runs, but without a socket and without a login per user, the signed-in
 * user being put into the security context. What only a real client shows stays over HTTP in {@link
 * SecurityTest}.
 */
@IntegrationTest
class AccessRulesTest {

  private static final String REQUEST_BODY =
      """
      {"bookingCode":"BK-1","customerName":"Ann","pax":2}""";
  private static final String SOME_ID = "/00000000-0000-0000-0000-000000000001";

  @Autowired MockMvcTester mvc;
  @Autowired JdbcClient jdbc;

  SignedInUser admin;
  SignedInUser seller;
  SignedInUser accountant;

  @BeforeEach
  void users() {
    TestData data = new TestData(jdbc).reset();
    admin = data.user("admin@example.com", Role.ADMIN);
    seller = data.user("seller@example.com", Role.SELLER);
    accountant = data.user("accountant@example.com", Role.ACCOUNTANT);
  }

  @Test
  void everyProtectedFamilyAnswers401JsonWithoutASession() {
    List<MockMvcRequestBuilder> anonymous =
        List.of(
            mvc.get().uri("/api/requests"),
            json(mvc.post().uri("/api/requests"), REQUEST_BODY),
            mvc.get().uri("/api/operators" + SOME_ID),
            mvc.delete().uri("/api/revenues" + SOME_ID),
            mvc.get().uri("/api/users"),
            mvc.get().uri("/api/anything-else"),
            mvc.get().uri("/actuator/metrics"));

    assertThat(anonymous)
        .allSatisfy(
            request ->
                assertThat(request.exchange())
                    .hasStatus(401)
                    .hasBodyTextEqualTo("{\"error\":\"Unauthorized\"}")
                    .headers()
                    .doesNotContainHeader("Set-Cookie"));
  }

  @Test
  void rolesWithoutThePermissionGet403NamingIt() {
    assertForbidden(as(seller, json(mvc.post().uri("/api/revenues"), "{}")), "revenues:write");
    assertForbidden(as(seller, mvc.get().uri("/api/users")), "users:manage");
    assertForbidden(as(seller, mvc.get().uri("/actuator/metrics")), "*");
    assertForbidden(
        as(accountant, json(mvc.post().uri("/api/requests"), REQUEST_BODY)), "requests:write");
    assertForbidden(
        as(accountant, json(mvc.post().uri("/api/operators"), "{}")), "operators:write");
    assertForbidden(
        as(accountant, mvc.delete().uri("/api/operators" + SOME_ID)), "operators:write");
    assertForbidden(
        as(accountant, json(mvc.patch().uri("/api/operators" + SOME_ID), "{\"cost\":1}")),
        "operators:write");
    assertForbidden(
        as(accountant, json(mvc.patch().uri("/api/users" + SOME_ID), "{}")), "users:manage");

    assertThat(as(seller, mvc.get().uri("/api/revenues"))).hasStatus(200);
    assertThat(as(accountant, mvc.get().uri("/api/requests"))).hasStatus(200);
    // Allowed to try (paymentStatus only), so the unknown id is what answers.
    assertThat(
            as(
                accountant,
                json(mvc.patch().uri("/api/operators" + SOME_ID), "{\"paymentStatus\":\"PAID\"}")))
        .hasStatus(404);
  }

  @Test
  void adminMayUseEveryFamily() {
    assertThat(as(admin, mvc.get().uri("/api/users"))).hasStatus(200);
    assertThat(as(admin, mvc.get().uri("/api/operators"))).hasStatus(200);
    assertThat(as(admin, json(mvc.post().uri("/api/requests"), REQUEST_BODY))).hasStatus(201);
    assertThat(as(admin, mvc.get().uri("/actuator/metrics"))).hasStatus(200);
  }

  private static MvcTestResult as(SignedInUser who, MockMvcRequestBuilder request) {
    return request.with(user(who)).exchange();
  }

  private static MockMvcRequestBuilder json(MockMvcRequestBuilder request, String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  private static void assertForbidden(MvcTestResult response, String permission) {
    assertThat(response)
        .hasStatus(403)
        .bodyJson()
        .extractingPath("$.error")
        .asString()
        .startsWith("Forbidden: ")
        .contains("'" + permission + "'");
  }
}
