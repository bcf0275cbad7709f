package dev.sheetsync.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.Http;
import dev.sheetsync.IntegrationTest;
import dev.sheetsync.TestData;
import dev.sheetsync.users.Role;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Access rules over real HTTP, as curl and browsers meet them. */
@IntegrationTest
class SecurityTest {

  private static final String REQUEST_BODY =
      """
      {"bookingCode":"BK-1","customerName":"Ann","pax":2}""";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  TestData data;

  @BeforeEach
  void users() {
    data = new TestData(jdbc).reset();
    data.user("admin@example.com", Role.ADMIN);
    data.user("seller@example.com", Role.SELLER);
    data.user("accountant@example.com", Role.ACCOUNTANT);
  }

  @Test
  void everyProtectedFamilyAnswers401JsonWithoutASession() {
    Http anonymous = new Http(port);
    List<Http.Response> responses =
        List.of(
            anonymous.get("/api/requests"),
            anonymous.post("/api/requests", REQUEST_BODY),
            anonymous.get("/api/operators/00000000-0000-0000-0000-000000000001"),
            anonymous.delete("/api/revenues/00000000-0000-0000-0000-000000000001"),
            anonymous.get("/api/users"),
            anonymous.get("/api/anything-else"),
            anonymous.get("/actuator/metrics"));
    assertThat(responses)
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(401);
              assertThat(r.body()).isEqualTo("{\"error\":\"Unauthorized\"}");
              assertThat(r.header("Set-Cookie")).isNull();
            });
  }

  @Test
  void rolesWithoutThePermissionGet403NamingIt() {
    Http seller = loggedIn("seller@example.com");
    Http accountant = loggedIn("accountant@example.com");
    String someId = "/00000000-0000-0000-0000-000000000001";

    assertForbidden(seller.post("/api/revenues", "{}"), "revenues:write");
    assertForbidden(seller.get("/api/users"), "users:manage");
    assertForbidden(seller.get("/actuator/metrics"), "*");
    assertForbidden(accountant.post("/api/requests", REQUEST_BODY), "requests:write");
    assertForbidden(accountant.post("/api/operators", "{}"), "operators:write");
    assertForbidden(accountant.delete("/api/operators" + someId), "operators:write");
    assertForbidden(accountant.patch("/api/operators" + someId, "{\"cost\":1}"), "operators:write");
    assertForbidden(accountant.patch("/api/users" + someId, "{}"), "users:manage");

    assertThat(seller.get("/api/revenues").status()).isEqualTo(200);
    assertThat(accountant.get("/api/requests").status()).isEqualTo(200);
    // Allowed to try (paymentStatus only), so the unknown id is what answers.
    assertThat(accountant.patch("/api/operators" + someId, "{\"paymentStatus\":\"PAID\"}").status())
        .isEqualTo(404);
  }

  @Test
  void adminMayUseEveryFamily() {
    Http admin = loggedIn("admin@example.com");
    assertThat(admin.get("/api/users").status()).isEqualTo(200);
    assertThat(admin.get("/api/operators").status()).isEqualTo(200);
    assertThat(admin.post("/api/requests", REQUEST_BODY).status()).isEqualTo(201);
    assertThat(admin.get("/actuator/metrics").status()).isEqualTo(200);
  }

  @Test
  void loginAnswersJsonWithTheUserAndAnHttpOnlyLaxSessionCookie() {
    Http client = new Http(port);
    Http.Response login = client.login("Seller@Example.com", TestData.PASSWORD);

    assertThat(login.status()).isEqualTo(200);
    assertThat(login.json().get("success").asBoolean()).isTrue();
    assertThat(login.json().get("user").get("email").asString()).isEqualTo("seller@example.com");
    assertThat(login.json().get("user").get("role").asString()).isEqualTo("SELLER");
    assertThat(login.json().get("user").has("passwordHash")).isFalse();
    String cookie = login.header("Set-Cookie");
    assertThat(cookie).startsWith("SESSION=").contains("HttpOnly").contains("SameSite=Lax");
    assertThat(cookie).doesNotContain("Secure");
    assertThat(client.get("/api/requests").status()).isEqualTo(200);
  }

  @Test
  void forwardedHeadersFromAnUntrustedClientAreIgnored() {
    jdbc.sql(
            "insert into login_attempts (subject, failures, last_failure_at, blocked_until)"
                + " values ('address:127.0.0.1', 50, now(), now() + interval '15 minutes')")
        .update();
    String form = "username=seller@example.com&password=" + TestData.PASSWORD.replace(' ', '+');

    Http.Response rotated =
        new Http(port)
            .send(
                "POST",
                "/login",
                form,
                "Content-Type",
                "application/x-www-form-urlencoded",
                "X-Forwarded-For",
                "203.0.113.7");
    Http.Response redirect =
        new Http(port)
            .send("GET", "/admin", null, "Accept", "text/html", "X-Forwarded-Host", "evil.example");
    jdbc.sql("truncate login_attempts").update();
    Http.Response https =
        new Http(port)
            .send(
                "POST",
                "/login",
                form,
                "Content-Type",
                "application/x-www-form-urlencoded",
                "X-Forwarded-Proto",
                "https");

    assertThat(rotated.status()).isEqualTo(429);
    assertThat(redirect.header("Location")).doesNotContain("evil.example");
    assertThat(https.status()).isEqualTo(200);
    assertThat(https.header("Set-Cookie")).doesNotContain("Secure");
  }

  @Test
  void wrongPasswordIs401JsonWithoutASession() {
    Http.Response login = new Http(port).login("seller@example.com", "wrong password");
    assertThat(login.status()).isEqualTo(401);
    assertThat(login.json().get("error").asString()).isEqualTo("Invalid email or password");
    assertThat(login.header("Set-Cookie")).isNull();
  }

  @Test
  void logoutEndsTheSessionInTheDatabase() {
    Http client = loggedIn("seller@example.com");
    String cookie = client.sessionCookie();
    assertThat(sessions()).isOne();

    Http.Response logout = client.send("POST", "/logout", null);

    assertThat(logout.status()).isEqualTo(200);
    assertThat(logout.json().get("success").asBoolean()).isTrue();
    assertThat(sessions()).isZero();
    assertThat(new Http(port).withCookie(cookie).get("/api/requests").status()).isEqualTo(401);
  }

  @Test
  void healthAndItsProbesArePublicWithTheStatusOnlyAndAdminsSeeTheDatabase() {
    Http.Response health = new Http(port).get("/actuator/health");
    Http.Response readiness = new Http(port).get("/actuator/health/readiness");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asString()).isEqualTo("UP");
    assertThat(health.json().has("components")).isFalse();
    assertThat(readiness.status()).isEqualTo(200);
    assertThat(readiness.json().has("components")).isFalse();
    assertThat(health.body()).doesNotContain("sheets", "db");

    Http.Response seller = loggedIn("seller@example.com").get("/actuator/health");
    assertThat(seller.json().has("components")).isFalse();

    Http.Response admin = loggedIn("admin@example.com").get("/actuator/health");
    assertThat(admin.json().get("components").get("db").get("status").asString()).isEqualTo("UP");
  }

  @Test
  void crossSiteCookieRequestsAreRefusedAndCurlStylePasses() {
    Http admin = loggedIn("admin@example.com");
    String own = "http://localhost:" + port;

    Http.Response fetchSite =
        admin.send(
            "POST",
            "/api/requests",
            REQUEST_BODY,
            "Content-Type",
            "application/json",
            "Sec-Fetch-Site",
            "cross-site");
    Http.Response sameSite =
        admin.send("DELETE", "/api/requests/x", null, "Sec-Fetch-Site", "same-site");
    Http.Response origin =
        admin.send(
            "POST",
            "/api/requests",
            REQUEST_BODY,
            "Content-Type",
            "application/json",
            "Origin",
            "https://evil.test");
    Http.Response otherPort =
        admin.send(
            "POST",
            "/api/requests",
            REQUEST_BODY,
            "Content-Type",
            "application/json",
            "Origin",
            "http://localhost:1");
    assertThat(List.of(fetchSite, sameSite, origin, otherPort))
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(403);
              assertThat(r.body()).isEqualTo("{\"error\":\"Cross-site request refused\"}");
            });
    assertThat(data.queueSize()).isZero();

    assertThat(
            admin
                .send(
                    "POST",
                    "/api/requests",
                    REQUEST_BODY,
                    "Content-Type",
                    "application/json",
                    "Origin",
                    own)
                .status())
        .isEqualTo(201);
    assertThat(admin.get("/api/requests").status()).isEqualTo(200);
  }

  @Test
  void aLoginFormPostedFromAnotherSiteIsRefused() {
    Http.Response login =
        new Http(port)
            .send(
                "POST",
                "/login",
                "username=seller@example.com&password=x",
                "Content-Type",
                "application/x-www-form-urlencoded",
                "Origin",
                "https://evil.test");
    assertThat(login.status()).isEqualTo(403);
    assertThat(login.header("Set-Cookie")).isNull();
  }

  @Test
  void aLoginFormPostedFromAnotherSiteToAnEncodedLoginPathIsRefused() {
    Http.Response login =
        new Http(port)
            .send(
                "POST",
                "/%6Cogin",
                "username=seller@example.com&password=x",
                "Content-Type",
                "application/x-www-form-urlencoded",
                "Origin",
                "https://evil.test");
    assertThat(login.status()).isEqualTo(403);
    assertThat(login.header("Set-Cookie")).isNull();
  }

  @Test
  void browsersGetTheHtmlLoginPageAndAreRedirectedToIt() {
    Http browser = new Http(port);
    Http.Response page = browser.send("GET", "/login", null, "Accept", "text/html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("<form method=\"post\" action=\"/login\">", "name=\"password\"");

    Http.Response console = browser.send("GET", "/admin", null, "Accept", "text/html");
    assertThat(console.status()).isEqualTo(302);
    assertThat(console.header("Location")).endsWith("/login");

    Http.Response formLogin =
        browser.send(
            "POST",
            "/login",
            "username=admin@example.com&password=nope",
            "Content-Type",
            "application/x-www-form-urlencoded",
            "Accept",
            "text/html");
    assertThat(formLogin.status()).isEqualTo(302);
    assertThat(formLogin.header("Location")).endsWith("/login?error");
  }

  @Test
  void anonymousPageViewsCreateNoSessionAndTheFormLoginStillLandsOnTheConsole() {
    Http browser = new Http(port);
    for (int i = 0; i < 20; i++) {
      Http.Response console = browser.send("GET", "/admin", null, "Accept", "text/html");
      assertThat(console.status()).isEqualTo(302);
      assertThat(console.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION"));
    }
    browser.send("GET", "/login", null, "Accept", "text/html");
    assertThat(sessions()).isZero();

    Http.Response formLogin =
        browser.send(
            "POST",
            "/login",
            "username=admin@example.com&password=" + TestData.PASSWORD.replace(' ', '+'),
            "Content-Type",
            "application/x-www-form-urlencoded",
            "Accept",
            "text/html");
    assertThat(formLogin.status()).isEqualTo(302);
    assertThat(formLogin.header("Location")).endsWith("/admin");
    assertThat(sessions()).isOne();
  }

  @Test
  void apiErrorsAreJsonEvenForBrowsers() {
    Http admin = loggedIn("admin@example.com");
    Http.Response missing = admin.send("GET", "/api/nothing-here", null, "Accept", "text/html");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("Content-Type")).startsWith("application/json");
    assertThat(missing.body()).isEqualTo("{\"error\":\"Not found\"}");
  }

  private Http loggedIn(String email) {
    Http client = new Http(port);
    assertThat(client.login(email, TestData.PASSWORD).status()).isEqualTo(200);
    return client;
  }

  private static void assertForbidden(Http.Response response, String permission) {
    assertThat(response.status()).isEqualTo(403);
    assertThat(response.json().get("error").asString())
        .startsWith("Forbidden: ")
        .contains("'" + permission + "'");
  }

  private long sessions() {
    return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
  }
}
