package dev.sheetsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.Http;
import dev.sheetsync.IntegrationTest;
import dev.sheetsync.TestData;
import dev.sheetsync.sheets.SpreadsheetTarget;
import dev.sheetsync.users.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What a load balancer, Kubernetes and an admin learn from health while Google refuses the
 * spreadsheet, and which documented meters exist before their first event. The {@code sheets}
 * answer is not cached here, so a change of Google's state shows at once.
 */
@IntegrationTest
@TestPropertySource(properties = "sheetsync.sheets.health-cache-ttl=0s")
class HealthProbesTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired SpreadsheetTarget spreadsheet;

  Http admin;

  @BeforeEach
  void users() {
    new TestData(jdbc).reset().user("admin@example.com", Role.ADMIN);
    admin = new Http(port);
    admin.login("admin@example.com", TestData.PASSWORD);
  }

  @AfterEach
  void shareAgain() {
    spreadsheet.emulator().control().setNotShared(spreadsheet.spreadsheetId(), false);
  }

  @Test
  void healthAndReadinessStayUpWhileGoogleRefusesTheSpreadsheet() {
    spreadsheet.emulator().control().setNotShared(spreadsheet.spreadsheetId(), true);

    Http anonymous = new Http(port);
    Http.Response health = anonymous.get("/actuator/health");
    Http.Response readiness = anonymous.get("/actuator/health/readiness");
    Http.Response liveness = anonymous.get("/actuator/health/liveness");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asString()).isEqualTo("UP");
    // Status only for anonymous callers: no components, no details.
    assertThat(health.json().has("components")).isFalse();
    assertThat(readiness.status()).isEqualTo(200);
    assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
    assertThat(liveness.status()).isEqualTo(200);
    // Admins see Google's state and why.
    JsonNode sheets = admin.get("/actuator/health").json().at("/components/sheets");
    assertThat(sheets.get("status").asString()).isEqualTo("UNREACHABLE");
    assertThat(sheets.at("/details/error").asString()).contains("403");
    assertThat(admin.get("/actuator/prometheus").body()).contains("sheetsync_sheets_reachable 0.0");
  }

  @Test
  void readinessDependsOnTheDatabaseOnlyAndLivenessOnTheProcessOnly() {
    JsonNode readiness = admin.get("/actuator/health/readiness").json().get("components");
    JsonNode liveness = admin.get("/actuator/health/liveness").json().get("components");

    assertThat(OperationsTest.fieldNames(readiness))
        .containsExactlyInAnyOrder("db", "readinessState");
    assertThat(OperationsTest.fieldNames(liveness)).containsExactly("livenessState");
    assertThat(admin.get("/actuator/prometheus").body()).contains("sheetsync_sheets_reachable 1.0");
  }

  @Test
  void documentedCountersAreScrapedAtZeroBeforeTheirFirstEvent() {
    String scrape = admin.get("/actuator/prometheus").body();

    assertThat(scrape)
        .contains("sheets_quota_exceeded_total{method=\"values.batchClear\"} 0.0")
        .contains("sheets_quota_exceeded_total{method=\"values.append\"}")
        .contains(
            "sheetsync_writeback_run_seconds_count{outcome=\"already_running\",trigger=\"cron\"} 0")
        .contains("sheetsync_writeback_run_seconds_count{outcome=\"failed\",trigger=\"schedule\"}")
        .contains("sheetsync_writeback_items_succeeded_total");
  }
}
