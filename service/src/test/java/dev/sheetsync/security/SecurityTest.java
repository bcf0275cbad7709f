package dev.sheetsync.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.Http;
import dev.sheetsync.IntegrationTest;
import dev.sheetsync.TestData;
import dev.sheetsync.users.Role;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The security filters over real HTTP, as curl and browsers meet them: what a MockMvc request
 * cannot show. Session cookies and their attributes, the login form and its throttle, logout ending
 * the stored session, the Origin check against the server's own host and port, Tomcat's proxy valve
 * and its decoding of encoded paths, redirects and error pages all live in the servlet container or
 * need a client that keeps cookies between requests. Who may call which endpoint (the 401/403
 * matrices) is checked without a socket in {@link AccessRulesTest}.
 */
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
        new Http(port).postForm("/login", form, "X-Forwarded-For", "203.0.113.7");
    Http.Response redirect =
        new Http(port)
            .send("GET", "/admin", null, "Accept", "text/html", "X-Forwarded-Host", "evil.example");
    jdbc.sql("truncate login_attempts").update();
    Http.Response https = new Http(port).postForm("/login", form, "X-Forwarded-Proto", "https");

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
        admin.post("/api/requests", REQUEST_BODY, "Sec-Fetch-Site", "cross-site");
    Http.Response sameSite =
        admin.send("DELETE", "/api/requests/x", null, "Sec-Fetch-Site", "same-site");
    Http.Response origin = admin.post("/api/requests", REQUEST_BODY, "Origin", "https://evil.test");
    Http.Response otherPort =
        admin.post("/api/requests", REQUEST_BODY, "Origin", "http://localhost:1");
    assertThat(List.of(fetchSite, sameSite, origin, otherPort))
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(403);
              assertThat(r.body()).isEqualTo("{\"error\":\"Cross-site request refused\"}");
            });
    assertThat(data.queueSize()).isZero();

    assertThat(admin.post("/api/requests", REQUEST_BODY, "Origin", own).status()).isEqualTo(201);
    assertThat(admin.get("/api/requests").status()).isEqualTo(200);
  }

  /** Also at a percent-encoded path, which Tomcat decodes before the servlet matches it. */
  @ParameterizedTest
  @ValueSource(strings = {"/login", "/%6Cogin"})
  void aLoginFormPostedFromAnotherSiteIsRefused(String path) {
    Http.Response login =
        new Http(port)
            .postForm(
                path, "username=seller@example.com&password=x", "Origin", "https://evil.test");
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
        browser.postForm(
            "/login", "username=admin@example.com&password=nope", "Accept", "text/html");
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
        browser.postForm(
            "/login",
            "username=admin@example.com&password=" + TestData.PASSWORD.replace(' ', '+'),
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
    return Http.loggedIn(port, email);
  }

  private long sessions() {
    return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
  }
}
