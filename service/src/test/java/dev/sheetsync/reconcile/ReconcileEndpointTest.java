package dev.sheetsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.Http;
import dev.sheetsync.IntegrationTest;
import dev.sheetsync.TestData;
import dev.sheetsync.sheets.SheetLayouts;
import dev.sheetsync.sheets.SpreadsheetTarget;
import dev.sheetsync.system.ClusterLock;
import dev.sheetsync.system.ClusterLock.Held;
import dev.sheetsync.testing.EmptySpreadsheet;
import dev.sheetsync.users.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/sync/reconcile} over real HTTP: who may call it, what it answers. */
@IntegrationTest
class ReconcileEndpointTest {

  static final String PATH = "/api/sync/reconcile";
  static final String DRY_RUN = "{\"dryRun\":true}";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ClusterLock lock;
  @Autowired SpreadsheetTarget spreadsheet;
  @Autowired SheetLayouts layouts;

  @Value("${sheetsync.sync.cron-secret}")
  String secret;

  Http admin;
  Http seller;

  @BeforeEach
  void usersAndAnEmptySheet() {
    TestData data = new TestData(jdbc).reset();
    jdbc.sql("truncate sync_reconcile_reports").update();
    data.user("admin@example.com", Role.ADMIN);
    data.user("seller@example.com", Role.SELLER);
    admin = Http.loggedIn(port, "admin@example.com");
    seller = Http.loggedIn(port, "seller@example.com");
    EmptySpreadsheet.create(spreadsheet, layouts).quota(0, 0);
  }

  Http.Response post(Http who, String body, String... headers) {
    List<String> all = new ArrayList<>(List.of("Content-Type", "application/json"));
    all.addAll(List.of(headers));
    return who.send("POST", PATH, body, all.toArray(String[]::new));
  }

  @Test
  void withoutSessionOrBearerAnswers401() {
    Http.Response response = post(new Http(port), DRY_RUN);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"error\":\"Unauthorized\"}");
  }

  @Test
  void sellerGets403() {
    Http.Response response = post(seller, DRY_RUN);

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.body()).contains("Admin only");
  }

  @Test
  void wrongBearerAnswers401EvenWithAnAdminSession() {
    assertThat(post(admin, DRY_RUN, "Authorization", "Bearer wrong").status()).isEqualTo(401);
  }

  @Test
  void bearerSecretReconcilesAndAnswersTheReport() {
    Http.Response response = post(new Http(port), DRY_RUN, "Authorization", "Bearer " + secret);

    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.get("summary").propertyNames())
        .containsExactly(
            "rows", "missing", "duplicates", "stale", "orphans", "edited", "foreignRows");
    for (String list : List.of("missing", "duplicates", "stale", "orphans", "edited", "paused")) {
      assertThat(body.get(list).isArray()).as(list).isTrue();
    }
    assertThat(body.get("dryRun").asBoolean()).isTrue();
    assertThat(body.get("trigger").asString()).isEqualTo("cron");
    assertThat(response.header("Set-Cookie")).as("bearer calls create no session").isNull();
  }

  @Test
  void adminSessionRepairs() {
    Http.Response response = post(admin, "{\"dryRun\":false}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("dryRun").asBoolean()).isFalse();
    assertThat(response.json().get("repaired").get("updates").asInt()).isZero();
    assertThat(response.json().get("trigger").asString()).isEqualTo("manual");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"dryRun\":\"yes\"}",
        "{\"dryRun\":\"false\"}",
        "{\"dryRun\":0}",
        "{\"dryRun\":null}",
        "{}",
        "{\"dryRun\":true,\"force\":true}",
        "[true]",
        "{\"dryrun\":false}"
      })
  void badBodyAnswers400AndChangesNothing(String body) {
    Http.Response response = post(admin, body);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().has("error")).isTrue();
    assertThat(jdbc.sql("select count(*) from sync_reconcile_reports").query(Long.class).single())
        .isZero();
  }

  @Test
  void consoleShowsTheLastReport() {
    Http.Response before = admin.get("/admin");
    post(admin, DRY_RUN);
    Http.Response after = admin.get("/admin");

    assertThat(before.body()).contains("No reconcile has run yet");
    assertThat(after.status()).isEqualTo(200);
    assertThat(after.body())
        .contains("Last reconcile")
        .contains("id=\"reconcile-counts\"")
        .contains("Dry run")
        .doesNotContain("No reconcile has run yet");
  }

  @Test
  void whileAWriteBackRunsAnswers409() {
    try (Held run = lock.tryAcquire(ClusterLock.Name.WRITE_BACK).orElseThrow()) {
      Http.Response response = post(admin, DRY_RUN);

      assertThat(response.status()).isEqualTo(409);
      assertThat(response.json().get("success").asBoolean()).isFalse();
    }
  }
}
