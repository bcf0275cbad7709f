package dev.sheetsync.runs;

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
import tools.jackson.databind.JsonNode;

/** Every write-back run is stored and listed, and the log names what it wrote. */
@IntegrationTest
class RunHistoryTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired SpreadsheetTarget spreadsheet;
  @Autowired RunHistory history;

  Http admin;

  @BeforeEach
  void admin() {
    TestData data = new TestData(jdbc).reset();
    data.user("admin@example.com", Role.ADMIN);
    data.user("seller@example.com", Role.SELLER);
    spreadsheet.emulator().control().quota(0, 0);
    admin = Http.loggedIn(port, "admin@example.com");
  }

  @AfterEach
  void shareAgain() {
    spreadsheet.emulator().control().setNotShared(spreadsheet.spreadsheetId(), false);
    jdbc.sql("truncate sync_pauses").update();
  }

  @Test
  void everyRunIsListedWithTriggerInstanceCountsSheetsRequestsAndWhyItStopped() {
    createRequest("BK-RUN-1", "Ann Lee");
    admin.post("/api/sync/write-back", null);
    createRequest("BK-RUN-2", "Bo Chen");
    spreadsheet.emulator().control().setNotShared(spreadsheet.spreadsheetId(), true);
    admin.post("/api/sync/write-back", null);

    JsonNode page = admin.get("/api/sync/runs?page=0&size=10").json();

    assertThat(page.get("total").asLong()).isEqualTo(2);
    JsonNode latest = page.get("items").get(0);
    JsonNode first = page.get("items").get(1);
    assertThat(first.get("trigger").asString()).isEqualTo("manual");
    assertThat(first.get("instance").asString()).isEqualTo(history.instance());
    assertThat(first.get("outcome").asString()).isEqualTo("COMPLETED");
    assertThat(first.get("processed").asInt()).isEqualTo(1);
    assertThat(first.get("succeeded").asInt()).isEqualTo(1);
    assertThat(first.get("sheetsRequests").asLong()).isPositive();
    assertThat(first.get("stoppedBy").asString()).isEqualTo("nothing due");
    assertThat(first.get("startedAt").asString()).isNotBlank();
    assertThat(latest.get("failed").asInt()).as("a 403 pauses, it fails nothing").isZero();
    assertThat(latest.get("released").asInt())
        .as("the run's first read (the read-in) finds the 403 before anything is claimed")
        .isZero();
    assertThat(latest.get("processed").asInt()).isZero();
    assertThat(latest.get("stoppedBy").asString()).contains("paused").contains("403");
    assertThat(admin.get("/api/sync/runs?size=1").json().get("items")).hasSize(1);
  }

  @Test
  void logRowsNameTheModelActionBookingAndCustomerAsQueueItemsDo() {
    createRequest("BK-LOG-1", "Zoë Log");
    admin.post("/api/sync/write-back", null);

    JsonNode log = admin.get("/api/sync/queue").json().at("/data/recentLogs/0");

    assertThat(log.get("model").asString()).isEqualTo("Request");
    assertThat(log.get("action").asString()).isEqualTo("CREATE");
    assertThat(log.get("bookingCode").asString()).isEqualTo("BK-LOG-1");
    assertThat(log.get("customer").asString()).isEqualTo("Zoë Log");
    assertThat(log.get("sheetName").asString()).isEqualTo("Requests");
  }

  @Test
  void runHistoryIsForAdminsOnly() {
    Http seller = Http.loggedIn(port, "seller@example.com");

    assertThat(seller.get("/api/sync/runs").status()).isEqualTo(403);
    assertThat(new Http(port).get("/api/sync/runs").status()).isEqualTo(401);
    assertThat(admin.get("/api/sync/runs?size=0").status()).isEqualTo(400);
  }

  @Test
  void cleanupDeletesRunsOlderThanTheRetention() {
    jdbc.sql(
            """
            insert into sync_runs (trigger, instance, started_at, duration_ms, outcome, processed,
                                   succeeded, failed, skipped, released, sheets_requests,
                                   stopped_by)
            values ('schedule', 'x', now() - interval '31 days', 5, 'COMPLETED', 0, 0, 0, 0, 0, 0,
                    'nothing due'),
                   ('schedule', 'x', now() - interval '29 days', 5, 'COMPLETED', 0, 0, 0, 0, 0, 0,
                    'nothing due')
            """)
        .update();

    assertThat(history.deleteExpired()).isEqualTo(1);
    assertThat(admin.get("/api/sync/runs").json().get("total").asLong()).isEqualTo(1);
  }

  private void createRequest(String bookingCode, String customer) {
    assertThat(
            admin
                .post(
                    "/api/requests",
                    "{\"bookingCode\":\""
                        + bookingCode
                        + "\",\"customerName\":\""
                        + customer
                        + "\",\"pax\":2}")
                .status())
        .isEqualTo(201);
  }
}
