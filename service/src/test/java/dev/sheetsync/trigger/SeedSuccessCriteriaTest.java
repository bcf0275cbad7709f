package dev.sheetsync.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.Http;
import dev.sheetsync.IntegrationTest;
import dev.sheetsync.TestData;
import dev.sheetsync.emulator.Faults;
import dev.sheetsync.emulator.ValueRender;
import dev.sheetsync.queue.QueueProperties;
import dev.sheetsync.sheets.SpreadsheetTarget;
import dev.sheetsync.system.CronExpressions;
import dev.sheetsync.users.Role;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The seed's seven success criteria (phase 05), one test each, through the HTTP API. */
@IntegrationTest
class SeedSuccessCriteriaTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired SpreadsheetTarget spreadsheet;
  @Autowired QueueProperties queueProperties;

  @Value("${sheetsync.sync.cron-secret}")
  String secret;

  Http admin;

  @BeforeEach
  void data() {
    new TestData(jdbc).reset().user("admin@example.com", Role.ADMIN);
    admin = new Http(port);
    admin.login("admin@example.com", TestData.PASSWORD);
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

  Http.Response cronTrigger() {
    return new Http(port)
        .send("POST", "/api/sync/write-back", null, "Authorization", "Bearer " + secret);
  }

  String createRequest(String bookingCode) {
    Http.Response created =
        admin.post(
            "/api/requests",
            "{\"bookingCode\":\"" + bookingCode + "\",\"customerName\":\"Ann\",\"pax\":2}");
    assertThat(created.status()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  /** A queued CREATE of a record that does not exist: it fails alone, every time. */
  void queueBrokenItem() {
    jdbc.sql(
            "insert into sync_queue (action, model, record_id, payload)"
                + " values ('CREATE', 'Request', gen_random_uuid(), '{}')")
        .update();
  }

  String sheet() {
    return spreadsheet
        .emulator()
        .values(spreadsheet.spreadsheetId(), "Requests!A:Z", ValueRender.FORMATTED_VALUE)
        .toString();
  }

  @Test
  void successCriterion1_writeBackEndpointProcessesQueueItems() {
    createRequest("BK-SC1-A");
    createRequest("BK-SC1-B");

    Http.Response response = cronTrigger();

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().at("/result/processed").asInt()).isEqualTo(2);
    assertThat(response.json().at("/result/succeeded").asInt()).isEqualTo(2);
    assertThat(sheet()).contains("BK-SC1-A").contains("BK-SC1-B");
  }

  @Test
  void successCriterion2_itemsMarkedCompletedAfterSuccessfulWrite() {
    String id = createRequest("BK-SC2");

    admin.post("/api/sync/write-back", null);

    Map<String, Object> item =
        jdbc.sql("select status, processed_at, last_error from sync_queue").query().singleRow();
    assertThat(item.get("status")).isEqualTo("COMPLETED");
    assertThat(item.get("processed_at")).isNotNull();
    assertThat(item.get("last_error")).isNull();
    assertThat(
            jdbc.sql("select sheet_row_index from requests where id = cast(:id as uuid)")
                .param("id", id)
                .query(Integer.class)
                .single())
        .isGreaterThan(1);
  }

  @Test
  void successCriterion3_itemsMarkedFailedWithRetryCountAfterErrors() {
    createRequest("BK-SC3");
    // Google refuses every call with 400: a permanent error, one attempt per run.
    spreadsheet.emulator().control().faults(Faults.NONE.withErrorRate(1.0, 400, 1L));

    int runs = 0;
    while (!"FAILED".equals(status()) && runs < 2 * queueProperties.maxRetries()) {
      assertThat(cronTrigger().json().at("/result/failed").asInt()).isEqualTo(1);
      runs++;
      // Skip the backoff wait instead of sleeping through it.
      jdbc.sql("update sync_queue set next_attempt_at = now() where status = 'PENDING'").update();
    }

    Map<String, Object> item =
        jdbc.sql("select status, retries, last_error from sync_queue").query().singleRow();
    assertThat(item.get("status")).isEqualTo("FAILED");
    assertThat(item.get("retries")).isEqualTo(queueProperties.maxRetries());
    assertThat((String) item.get("last_error")).isNotBlank();
    assertThat(runs).isEqualTo(queueProperties.maxRetries());
  }

  @Test
  void successCriterion4_cronTriggersEveryFiveMinutes() throws Exception {
    PropertySource<?> yaml =
        new YamlPropertySourceLoader()
            .load("application", new ClassPathResource("application.yml"))
            .get(0);
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(yaml);
    String schedule = environment.getProperty("sheetsync.sync.schedule");
    boolean enabled = environment.getProperty("sheetsync.sync.scheduler-enabled", Boolean.class);

    var cron = CronExpressions.parse("SYNC_SCHEDULE", schedule).orElseThrow();
    LocalDateTime t = LocalDateTime.of(2026, 1, 10, 12, 3, 17);
    List<LocalDateTime> fires =
        List.of(cron.next(t), cron.next(cron.next(t)), cron.next(cron.next(cron.next(t))));

    assertThat(enabled).isTrue();
    assertThat(fires)
        .containsExactly(
            LocalDateTime.of(2026, 1, 10, 12, 5),
            LocalDateTime.of(2026, 1, 10, 12, 10),
            LocalDateTime.of(2026, 1, 10, 12, 15));
    // The seed's vercel.json schedule means the same here.
    assertThat(CronExpressions.parse("SYNC_SCHEDULE", "*/5 * * * *").orElseThrow().next(t))
        .isEqualTo(fires.get(0));
  }

  @Test
  void successCriterion5_cronSecretRequiredForCronRequests() {
    createRequest("BK-SC5");

    Http.Response none = new Http(port).send("POST", "/api/sync/write-back", null);
    Http.Response wrong =
        new Http(port).send("POST", "/api/sync/write-back", null, "Authorization", "Bearer nope");
    assertThat(status()).isEqualTo("PENDING");
    Http.Response right = cronTrigger();

    assertThat(none.status()).isEqualTo(401);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(right.status()).isEqualTo(200);
    assertThat(status()).isEqualTo("COMPLETED");
  }

  @Test
  void successCriterion6_syncLogRecordsBothSuccessAndFailure() {
    String id = createRequest("BK-SC6");
    queueBrokenItem();

    JsonNode result = cronTrigger().json().get("result");

    assertThat(result.get("succeeded").asInt()).isEqualTo(1);
    assertThat(result.get("failed").asInt()).isEqualTo(1);
    List<Map<String, Object>> logs =
        jdbc.sql(
                "select action, status, record_id, error_message from sync_log order by status desc")
            .query()
            .listOfRows();
    assertThat(logs).hasSize(2);
    assertThat(logs.get(0))
        .containsEntry("action", "WRITE_BACK_CREATE")
        .containsEntry("status", "SUCCESS")
        .containsEntry("record_id", id);
    assertThat(logs.get(1)).containsEntry("status", "FAILED");
    assertThat((String) logs.get(1).get("error_message")).isNotBlank();
  }

  @Test
  void successCriterion7_queueStatusApiShowsStatsAndRecentItems() {
    createRequest("BK-SC7");
    queueBrokenItem();
    cronTrigger();
    jdbc.sql("update sync_queue set status = 'FAILED' where status <> 'COMPLETED'").update();
    createRequest("BK-SC7-NEXT");

    JsonNode data = admin.get("/api/sync/queue").json().get("data");

    assertThat(data.at("/stats/completed").asInt()).isEqualTo(1);
    assertThat(data.at("/stats/failed").asInt()).isEqualTo(1);
    assertThat(data.at("/stats/pending").asInt()).isEqualTo(1);
    assertThat(data.at("/stats/total").asInt()).isEqualTo(3);
    assertThat(data.get("recentFailed")).hasSize(1);
    assertThat(data.get("recentLogs")).hasSize(2);
    assertThat(data.get("lastProcessed").isNull()).isFalse();
  }

  String status() {
    return jdbc.sql("select status from sync_queue").query(String.class).single();
  }
}
