package dev.sheetsync.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sheetsync.Http;
import dev.sheetsync.IntegrationTest;
import dev.sheetsync.TestData;
import dev.sheetsync.emulator.Faults;
import dev.sheetsync.sheets.SpreadsheetTarget;
import dev.sheetsync.system.ClusterLock;
import dev.sheetsync.system.ClusterLock.Held;
import dev.sheetsync.users.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/sync/write-back} over real HTTP: every way in, every answer, the lock. */
@IntegrationTest
class WriteBackEndpointTest {

  static final String PATH = "/api/sync/write-back";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ClusterLock lock;
  @Autowired SpreadsheetTarget spreadsheet;

  @Value("${sheetsync.sync.cron-secret}")
  String secret;

  TestData data;
  Http admin;
  Http seller;

  @BeforeEach
  void users() {
    data = new TestData(jdbc).reset();
    data.user("admin@example.com", Role.ADMIN);
    data.user("seller@example.com", Role.SELLER);
    admin = new Http(port);
    assertThat(admin.login("admin@example.com", TestData.PASSWORD).status()).isEqualTo(200);
    seller = new Http(port);
    assertThat(seller.login("seller@example.com", TestData.PASSWORD).status()).isEqualTo(200);
  }

  @BeforeEach
  void unlimitedQuota() {
    // Google's 60 requests per minute per user would make the shared context's tests flaky.
    spreadsheet.emulator().control().quota(0, 0);
  }

  @AfterEach
  void noFaults() {
    spreadsheet.emulator().control().clearFaults();
  }

  Http.Response cron(String authorization) {
    return new Http(port).send("POST", PATH, null, "Authorization", authorization);
  }

  @Test
  void withoutCredentialsAnswers401() {
    Http.Response response = new Http(port).send("POST", PATH, null);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"error\":\"Unauthorized\"}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Bearer wrong",
        "Bearer ",
        "Bearer undefined",
        "Bearer null",
        "bearer SECRET",
        "Bearer SECRETx",
        "Bearer  SECRET",
        "SECRET",
        "Basic SECRET"
      })
  void wrongSecretAnswers401(String header) {
    Http.Response response = cron(header.replace("SECRET", secret));

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"error\":\"Unauthorized\"}").doesNotContain(secret);
  }

  @Test
  void anEncodedPathGetsTheSameJudgement() {
    Http.Response response =
        admin.send("POST", "/api/sync/%77rite-back", null, "Authorization", "Bearer wrong");

    assertThat(response.status()).isEqualTo(401);
  }

  @Test
  void wrongSecretAnswers401EvenWithAnAdminSessionCookie() {
    Http.Response response = admin.send("POST", PATH, null, "Authorization", "Bearer wrong");

    assertThat(response.status()).isEqualTo(401);
  }

  @Test
  void rightSecretRunsTheWriteBack() {
    Http.Response response = cron("Bearer " + secret);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("success").asBoolean()).isTrue();
    assertThat(response.header("Set-Cookie")).as("bearer calls create no session").isNull();
  }

  @Test
  void getWorksForTheBearerSecretOnlyAsVercelsCronCallsIt() {
    Http.Response cron =
        new Http(port).send("GET", PATH, null, "Authorization", "Bearer " + secret);
    Http.Response session = admin.send("GET", PATH, null);
    Http.Response anonymous = new Http(port).send("GET", PATH, null);

    assertThat(cron.status()).isEqualTo(200);
    assertThat(cron.json().get("success").asBoolean()).isTrue();
    assertThat(session.status()).isEqualTo(405);
    assertThat(anonymous.status()).isEqualTo(401);
  }

  @Test
  void adminSessionRunsTheWriteBack() {
    assertThat(admin.send("POST", PATH, null).status()).isEqualTo(200);
  }

  @Test
  void nonAdminSessionGets403AdminOnly() {
    Http.Response response = seller.send("POST", PATH, null);

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"error\":\"Admin only\"}");
  }

  @Test
  void answersWithTheRunsCountsAndTheQueueStatsFieldByField() {
    createRequest("BK-SHAPE");

    JsonNode body = cron("Bearer " + secret).json();

    assertThat(names(body)).containsExactly("success", "result", "queueStats");
    assertThat(body.get("success").isBoolean()).isTrue();
    JsonNode result = body.get("result");
    assertThat(names(result))
        .containsExactlyInAnyOrder("processed", "succeeded", "failed", "skipped");
    assertThat(result.get("processed").asInt()).isEqualTo(1);
    assertThat(result.get("succeeded").asInt()).isEqualTo(1);
    assertThat(result.get("failed").asInt()).isZero();
    assertThat(result.get("skipped").asInt()).isZero();
    JsonNode stats = body.get("queueStats");
    assertThat(names(stats))
        .containsExactlyInAnyOrder(
            "pending",
            "processing",
            "completed",
            "failed",
            "total",
            "oldestPendingAgeSeconds",
            "retrying");
    assertThat(stats.get("pending").asInt()).isZero();
    assertThat(stats.get("completed").asInt()).isEqualTo(1);
    assertThat(stats.get("total").asInt()).isEqualTo(1);
    assertThat(stats.get("oldestPendingAgeSeconds").isNull()).isTrue();
  }

  @Test
  void crossSiteBrowserPostWithTheAdminCookieIsRefused() {
    Http.Response foreignOrigin = admin.send("POST", PATH, null, "Origin", "https://evil.example");
    Http.Response crossSite = admin.send("POST", PATH, null, "Sec-Fetch-Site", "cross-site");

    assertThat(foreignOrigin.status()).isEqualTo(403);
    assertThat(crossSite.status()).isEqualTo(403);
    assertThat(foreignOrigin.body()).doesNotContain("success");
  }

  @Test
  void sameOriginBrowserPostAndCurlWithTheAdminCookieAreAccepted() {
    Http.Response browser =
        admin.send(
            "POST",
            PATH,
            null,
            "Origin",
            "http://localhost:" + port,
            "Sec-Fetch-Site",
            "same-origin");
    Http.Response curl = new Http(port).withCookie(admin.sessionCookie()).send("POST", PATH, null);

    assertThat(browser.status()).isEqualTo(200);
    assertThat(curl.status()).isEqualTo(200);
  }

  @Test
  void bearerCallsAreNotJudgedByOrigin() {
    Http.Response response =
        new Http(port)
            .send(
                "POST",
                PATH,
                null,
                "Authorization",
                "Bearer " + secret,
                "Origin",
                "https://cron.example");

    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void answers409AndChangesNothingWhileARunHoldsTheLock() {
    createRequest("BK-WAIT");

    Http.Response response;
    try (Held run = lock.tryAcquire(ClusterLock.Name.WRITE_BACK).orElseThrow()) {
      response = cron("Bearer " + secret);
    }

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.body())
        .isEqualTo("{\"success\":false,\"error\":\"Write-back already running\"}");
    assertThat(statuses()).containsExactly("PENDING");
  }

  @Test
  void ofTwoConcurrentTriggersOneRunsAndTheOtherGets409() throws Exception {
    createRequest("BK-SLOW");
    // Every Sheets call takes 1.5 s, so the first run is surely still going when the second asks.
    spreadsheet.emulator().control().faults(Faults.NONE.withLatencyMs(1500));

    CompletableFuture<Http.Response> first =
        CompletableFuture.supplyAsync(() -> cron("Bearer " + secret));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> lock.isHeldAnywhere(ClusterLock.Name.WRITE_BACK));
    Http.Response second = admin.send("POST", PATH, null);

    assertThat(second.status()).isEqualTo(409);
    Http.Response done = first.get();
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.json().at("/result/succeeded").asInt()).isEqualTo(1);
    assertThat(statuses()).containsExactly("COMPLETED");
  }

  void createRequest(String bookingCode) {
    Http.Response created =
        admin.post(
            "/api/requests",
            "{\"bookingCode\":\"" + bookingCode + "\",\"customerName\":\"Ann\",\"pax\":2}");
    assertThat(created.status()).isEqualTo(201);
  }

  List<String> statuses() {
    return jdbc.sql("select status from sync_queue order by id").query(String.class).list();
  }

  static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.propertyNames().forEach(names::add);
    return names;
  }
}
