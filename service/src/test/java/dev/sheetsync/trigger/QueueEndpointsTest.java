package dev.sheetsync.trigger;

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
import tools.jackson.databind.JsonNode;

/** {@code GET /api/sync/queue} and the retry endpoints over real HTTP. */
@IntegrationTest
class QueueEndpointsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired dev.sheetsync.pause.SyncPauses pauses;

  Http admin;
  Http seller;

  @BeforeEach
  void data() {
    TestData data = new TestData(jdbc).reset();
    data.user("admin@example.com", Role.ADMIN);
    data.user("seller@example.com", Role.SELLER);
    admin = Http.loggedIn(port, "admin@example.com");
    seller = Http.loggedIn(port, "seller@example.com");
  }

  long item(String status, int retries, String error, String createdAgo) {
    return jdbc.sql(
            """
            insert into sync_queue (action, model, record_id, payload, status, retries, last_error,
                                    created_at)
            values ('UPDATE', 'Request', gen_random_uuid(), '{}', :status, :retries, :error,
                    now() - cast(:ago as interval))
            returning id
            """)
        .param("status", status)
        .param("retries", retries)
        .param("error", error)
        .param("ago", createdAgo)
        .query(Long.class)
        .single();
  }

  void logRow(String action, String status, String ago) {
    jdbc.sql(
            """
            insert into sync_log (sheet_name, action, record_id, row_index, status, error_message,
                                  synced_at)
            values ('Request', :action, 'r', 2, :status, null, now() - cast(:ago as interval))
            """)
        .param("action", action)
        .param("status", status)
        .param("ago", ago)
        .update();
  }

  @Test
  void queueStatusShowsEachPauseWithItsReasonHintAndSinceAndAnEmptyListWhenAllIsWell() {
    assertThat(admin.get("/api/sync/queue").json().path("data").path("paused").isArray()).isTrue();
    assertThat(admin.get("/api/sync/queue").json().path("data").path("paused")).isEmpty();
    pauses.pauseTab(
        dev.sheetsync.records.SyncModel.REQUEST,
        "Requests",
        "column \"Balance\" is missing from tab 'Requests'",
        "restore the header text in row 1, or change the layout");

    JsonNode paused = seller.get("/api/sync/queue").json().path("data").path("paused");

    assertThat(paused).hasSize(1);
    assertThat(paused.get(0).path("scope").asText()).isEqualTo("tab");
    assertThat(paused.get(0).path("tab").asText()).isEqualTo("Requests");
    assertThat(paused.get(0).path("reason").asText()).contains("Balance");
    assertThat(paused.get(0).path("hint").asText()).startsWith("restore");
    assertThat(paused.get(0).path("since").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
    assertThat(paused.get(0).has("model")).isFalse();
    assertThat(admin.get("/admin").body()).contains("Sync is paused").contains("Balance");
  }

  @Test
  void withoutASessionAnswers401() {
    Http.Response response = new Http(port).get("/api/sync/queue");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"error\":\"Unauthorized\"}");
  }

  @Test
  void theCronSecretDoesNotOpenTheQueueStatus() {
    Http.Response response =
        new Http(port)
            .send(
                "GET",
                "/api/sync/queue",
                null,
                "Authorization",
                "Bearer test-cron-secret-not-for-production-0001");

    assertThat(response.status()).isEqualTo(401);
  }

  @Test
  void nonAdminsGetTheStatsButEmptyLists() {
    item("FAILED", 5, "boom", "1 minute");
    item("PENDING", 0, null, "2 minutes");
    logRow("WRITE_BACK_UPDATE", "SUCCESS", "30 seconds");

    JsonNode body = seller.get("/api/sync/queue").json();

    assertThat(WriteBackEndpointTest.names(body)).containsExactly("success", "data");
    JsonNode data = body.get("data");
    assertThat(WriteBackEndpointTest.names(data))
        .containsExactly(
            "stats", "recentFailed", "waiting", "recentLogs", "lastProcessed", "paused");
    assertThat(data.at("/stats/failed").asInt()).isEqualTo(1);
    assertThat(data.at("/stats/pending").asInt()).isEqualTo(1);
    assertThat(data.at("/stats/total").asInt()).isEqualTo(2);
    assertThat(data.at("/stats/oldestPendingAgeSeconds").asLong()).isBetween(100L, 200L);
    assertThat(data.get("recentFailed").isArray()).isTrue();
    assertThat(data.get("recentFailed")).isEmpty();
    assertThat(data.get("recentLogs")).isEmpty();
    assertThat(data.get("waiting")).isEmpty();
    assertThat(data.get("lastProcessed").isString()).isTrue();
  }

  @Test
  void adminsGetTheLast10FailedAndTheLast20WriteBackLogsNewestFirst() {
    for (int i = 1; i <= 12; i++) {
      item("FAILED", 5, "error " + i, (20 - i) + " minutes");
    }
    for (int i = 1; i <= 22; i++) {
      logRow("WRITE_BACK_CREATE", i % 2 == 0 ? "SUCCESS" : "FAILED", (30 - i) + " minutes");
    }
    logRow("PULL_FROM_SHEET", "SUCCESS", "1 second");

    JsonNode data = admin.get("/api/sync/queue").json().get("data");

    JsonNode failed = data.get("recentFailed");
    assertThat(failed).hasSize(10);
    assertThat(failed.get(0).get("lastError").asString()).isEqualTo("error 12");
    assertThat(WriteBackEndpointTest.names(failed.get(0)))
        .containsExactly(
            "id",
            "model",
            "action",
            "recordId",
            "bookingCode",
            "customer",
            "lastError",
            "retries",
            "createdAt");
    assertThat(failed.get(0).get("model").asString()).isEqualTo("Request");
    assertThat(failed.get(0).get("action").asString()).isEqualTo("UPDATE");
    assertThat(failed.get(0).get("retries").asInt()).isEqualTo(5);
    JsonNode logs = data.get("recentLogs");
    assertThat(logs).hasSize(20);
    // One vocabulary for items and log rows: CREATE, not WRITE_BACK_CREATE.
    assertThat(logs.get(0).get("action").asString()).isEqualTo("CREATE");
    assertThat(logs.get(0).get("syncedAt").asString())
        .isGreaterThan(logs.get(1).get("syncedAt").asString());
    assertThat(WriteBackEndpointTest.names(logs.get(0)))
        .contains(
            "sheetName", "action", "recordId", "rowIndex", "status", "errorMessage", "syncedAt");
    // lastProcessed is the newest write-back log row, not the newer PULL row.
    assertThat(data.get("lastProcessed").asString())
        .isEqualTo(logs.get(0).get("syncedAt").asString());
  }

  @Test
  void lastProcessedIsNullBeforeAnyWriteBack() {
    assertThat(admin.get("/api/sync/queue").json().at("/data/lastProcessed").isNull()).isTrue();
  }

  @Test
  void retryPutsOneFailedItemBackToPendingWithRetriesReset() {
    long failed = item("FAILED", 5, "boom", "1 minute");

    Http.Response response = admin.post("/api/sync/queue/" + failed + "/retry", null);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"success\":true,\"retried\":1}");
    assertThat(row(failed)).containsExactly("PENDING", "0");
  }

  @Test
  void retryOfAnUnknownItemAnswers404AndOfANonFailedItem409() {
    long pending = item("PENDING", 1, null, "1 minute");

    Http.Response unknown = admin.post("/api/sync/queue/999999/retry", null);
    Http.Response notFailed = admin.post("/api/sync/queue/" + pending + "/retry", null);

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("success").asBoolean()).isFalse();
    assertThat(notFailed.status()).isEqualTo(409);
    assertThat(notFailed.json().get("error").asString())
        .isEqualTo("Queue item is neither FAILED nor waiting for a retry");
    assertThat(row(pending)).containsExactly("PENDING", "1");
  }

  @Test
  void retryFailedRetriesEveryFailedItemAndNothingElse() {
    long a = item("FAILED", 5, "a", "3 minutes");
    long b = item("FAILED", 2, "b", "2 minutes");
    long done = item("COMPLETED", 0, null, "1 minute");

    Http.Response response = admin.post("/api/sync/queue/retry-failed", null);

    assertThat(response.body()).isEqualTo("{\"success\":true,\"retried\":2}");
    assertThat(row(a)).containsExactly("PENDING", "0");
    assertThat(row(b)).containsExactly("PENDING", "0");
    assertThat(row(done)).containsExactly("COMPLETED", "0");
  }

  @Test
  void retryEndpointsAreForAdminsOnly() {
    long failed = item("FAILED", 5, "boom", "1 minute");

    assertThat(seller.post("/api/sync/queue/" + failed + "/retry", null).status()).isEqualTo(403);
    assertThat(seller.post("/api/sync/queue/retry-failed", null).body())
        .isEqualTo("{\"error\":\"Admin only\"}");
    assertThat(new Http(port).post("/api/sync/queue/retry-failed", null).status()).isEqualTo(401);
    assertThat(row(failed)).containsExactly("FAILED", "5");
  }

  @Test
  void adminsSeeWaitingItemsWithAttemptNextAttemptLastErrorAndBooking() {
    long waiting = waitingItem(2, "Google answered 403: The caller does not have permission");
    item("PENDING", 0, null, "1 minute");

    JsonNode data = admin.get("/api/sync/queue").json().get("data");

    assertThat(data.at("/stats/pending").asInt()).isEqualTo(2);
    assertThat(data.at("/stats/retrying").asInt()).isEqualTo(1);
    // The oldest waiting item is 10 minutes old even though it is not due yet.
    assertThat(data.at("/stats/oldestPendingAgeSeconds").asLong()).isBetween(599L, 700L);
    JsonNode item = data.get("waiting").get(0);
    assertThat(data.get("waiting")).hasSize(1);
    assertThat(item.get("id").asLong()).isEqualTo(waiting);
    assertThat(item.get("attempt").asInt()).isEqualTo(3);
    assertThat(item.get("maxAttempts").asInt()).isEqualTo(5);
    assertThat(item.get("nextAttemptAt").asString()).isNotBlank();
    assertThat(item.get("lastError").asString()).startsWith("Google answered 403");
    assertThat(item.get("bookingCode").asString()).isEqualTo("BK-42");
    assertThat(item.get("customer").asString()).isEqualTo("Ann Lee");
    assertThat(item.get("model").asString()).isEqualTo("Request");
  }

  @Test
  void retryNowMakesAWaitingItemDueAndRetryWaitingMakesThemAllDue() {
    long first = waitingItem(1, "503");
    long second = waitingItem(3, "503");

    Http.Response one = admin.post("/api/sync/queue/" + first + "/retry", null);
    Http.Response all = admin.post("/api/sync/queue/retry-waiting", null);

    assertThat(one.body()).isEqualTo("{\"success\":true,\"retried\":1}");
    assertThat(all.body()).isEqualTo("{\"success\":true,\"retried\":1}");
    assertThat(row(first)).containsExactly("PENDING", "1");
    assertThat(row(second)).containsExactly("PENDING", "3");
    assertThat(
            jdbc.sql("select count(*) from sync_queue where next_attempt_at <= now()")
                .query(Long.class)
                .single())
        .isEqualTo(2);
    assertThat(seller.post("/api/sync/queue/retry-waiting", null).status()).isEqualTo(403);
  }

  /** A PENDING item that failed {@code retries} times and is due in 20 minutes. */
  long waitingItem(int retries, String error) {
    return jdbc.sql(
            """
            insert into sync_queue (action, model, record_id, payload, status, retries, last_error,
                                    next_attempt_at, created_at)
            values ('UPDATE', 'Request', gen_random_uuid(),
                    '{"bookingCode":"BK-42","customerName":"Ann Lee"}', 'PENDING', :retries,
                    :error, now() + interval '20 minutes', now() - interval '10 minutes')
            returning id
            """)
        .param("retries", retries)
        .param("error", error)
        .query(Long.class)
        .single();
  }

  List<String> row(long id) {
    return jdbc.sql("select status, retries from sync_queue where id = :id")
        .param("id", id)
        .query((rs, n) -> List.of(rs.getString(1), Integer.toString(rs.getInt(2))))
        .single();
  }
}
