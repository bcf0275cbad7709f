package dev.sheetsync.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.sheetsync.queue.SyncQueue;
import dev.sheetsync.runs.RunHistory;
import dev.sheetsync.testing.EngineTest;
import dev.sheetsync.testing.SettableClock;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts end to end against a real local HTTP server (the webhook) and a real SMTP server
 * (GreenMail): what is sent, to whom, how often, and the recovery. The monitor is built here with
 * the test's channels; state, conditions and the database are the application's own.
 */
@EngineTest
class AlertsTest {

  @Autowired JdbcClient jdbc;
  @Autowired SettableClock clock;
  @Autowired SyncQueue queue;
  @Autowired RunHistory runs;
  @Autowired AlertState state;
  @Autowired JsonMapper json;
  @Autowired dev.sheetsync.pause.SyncPauses pauses;

  HttpServer webhook;
  List<String> posts = new CopyOnWriteArrayList<>();
  GreenMail smtp;
  AlertMonitor monitor;

  @BeforeEach
  void start() throws IOException {
    jdbc.sql("truncate sync_queue, sync_log, sync_runs, sync_alerts, sync_pauses restart identity")
        .update();
    clock.reset();
    webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    webhook.createContext(
        "/hook",
        exchange -> {
          posts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    webhook.start();
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    JavaMailSenderImpl mail = new JavaMailSenderImpl();
    mail.setHost("127.0.0.1");
    mail.setPort(smtp.getSmtp().getPort());
    AlertsProperties properties =
        new AlertsProperties(
            "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook",
            List.of("ops@agency.example", " owner@agency.example "),
            "sheetsync@agency.example",
            Duration.ofHours(1),
            Duration.ZERO,
            Duration.ofMinutes(30),
            Duration.ofHours(1),
            3);
    AlertChannels channels =
        new AlertChannels(
            properties,
            new StaticListableBeanFactory(Map.of("mail", mail))
                .getBeanProvider(JavaMailSender.class),
            json);
    monitor =
        new AlertMonitor(
            List.of(
                new SyncConditions(queue, runs, properties, clock),
                new dev.sheetsync.pause.PauseAlerts(pauses)),
            state,
            channels,
            properties,
            clock);
  }

  @AfterEach
  void stop() {
    webhook.stop(0);
    smtp.stop();
  }

  @Test
  void failedItemsAreAlertedByWebhookAndMailOncePerRepeatAfterAndAgainWhenRecovered()
      throws Exception {
    item("FAILED", "now()", "now()");

    monitor.checkOnce();
    monitor.checkOnce();

    assertThat(posts).hasSize(1);
    JsonNode body = json.readTree(posts.get(0));
    assertThat(body.get("event").asString()).isEqualTo("failed_items");
    assertThat(body.get("severity").asString()).isEqualTo("critical");
    assertThat(body.get("summary").asString()).startsWith("1 sync item(s) FAILED");
    assertThat(body.get("details").asString()).contains("/admin");
    assertThat(body.get("at").asString()).isNotBlank();
    assertThat(body.get("text").asString()).startsWith("[sheetsync critical] 1 sync item(s)");
    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(mails).hasSize(2); // one per recipient
    assertThat(mails[0].getSubject()).startsWith("[sheetsync critical]");
    assertThat(mails[0].getFrom()[0].toString()).isEqualTo("sheetsync@agency.example");

    clock.advance(Duration.ofMinutes(61));
    monitor.checkOnce();
    assertThat(posts).as("repeated after repeat-after").hasSize(2);

    jdbc.sql("delete from sync_queue").update(); // fixed and written meanwhile
    monitor.checkOnce();
    monitor.checkOnce();

    assertThat(posts).hasSize(3);
    JsonNode recovery = json.readTree(posts.get(2));
    assertThat(recovery.get("event").asString()).isEqualTo("failed_items");
    assertThat(recovery.get("severity").asString()).isEqualTo("resolved");
    assertThat(recovery.get("text").asString()).startsWith("[sheetsync resolved]");
    assertThat(smtp.getReceivedMessages()).hasSize(6);
  }

  @Test
  void aWaitingItemOlderThanTheThresholdIsAlertedEvenWhileItBacksOff() throws Exception {
    item("PENDING", "now() - interval '20 minutes'", "now() + interval '10 minutes'");
    assertThat(monitor.checkOnce()).isEmpty();

    item("PENDING", "now() - interval '45 minutes'", "now() + interval '10 minutes'");
    List<Alert> sent = monitor.checkOnce();

    assertThat(sent).extracting(Alert::event).containsExactly("old_backlog");
    assertThat(json.readTree(posts.get(0)).get("summary").asString())
        .startsWith("The oldest change waiting for the sheet is 45 min old");
  }

  @Test
  void aPausedSpreadsheetIsAlertedWithWhatToDoAndResolvedWhenSyncResumes() throws Exception {
    pauses.pauseSpreadsheet(
        "Google Sheets answered 403 PERMISSION_DENIED",
        "share the spreadsheet with sa@demo.iam.gserviceaccount.com as Editor");

    assertThat(monitor.checkOnce()).extracting(Alert::event).contains("sync_paused:spreadsheet");
    JsonNode alert = json.readTree(posts.get(0));
    assertThat(alert.get("severity").asString()).isEqualTo("critical");
    assertThat(alert.get("summary").asString()).contains("403");
    assertThat(alert.get("details").asString()).contains("share the spreadsheet with sa@demo");

    pauses.resumeSpreadsheet();
    monitor.checkOnce();

    assertThat(json.readTree(posts.get(posts.size() - 1)).get("severity").asString())
        .isEqualTo("resolved");
  }

  @Test
  void repeatedQuotaExhaustionIsAlertedOnceEnoughRunsStoppedOnIt() {
    for (int i = 0; i < 2; i++) {
      quotaStoppedRun();
    }
    assertThat(monitor.checkOnce()).isEmpty();

    quotaStoppedRun();

    assertThat(monitor.checkOnce()).extracting(Alert::event).containsExactly("quota_exhausted");
  }

  @Test
  void aConditionThatCannotBeCheckedNeitherRaisesNorResolves() {
    item("FAILED", "now()", "now()");
    monitor.checkOnce();
    AlertMonitor broken =
        new AlertMonitor(
            List.of(
                () -> {
                  throw new IllegalStateException("database away");
                }),
            state,
            null,
            null,
            clock);

    assertThat(broken.checkOnce()).isEmpty();
    assertThat(
            jdbc.sql("select active from sync_alerts where event = 'failed_items'")
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  private void item(String status, String createdAt, String nextAttemptAt) {
    jdbc.sql(
            """
            insert into sync_queue (action, model, record_id, payload, status, retries,
                                    created_at, next_attempt_at)
            values ('UPDATE', 'Request', gen_random_uuid(), '{}', :status, 1, %s, %s)
            """
                .formatted(createdAt, nextAttemptAt))
        .param("status", status)
        .update();
  }

  private void quotaStoppedRun() {
    jdbc.sql(
            """
            insert into sync_runs (trigger, instance, started_at, duration_ms, outcome, processed,
                                   succeeded, failed, skipped, released, sheets_requests,
                                   stopped_by)
            values ('schedule', 'x', now(), 5, 'COMPLETED', 0, 0, 0, 0, 3, 2,
                    'values.append: 429 RESOURCE_EXHAUSTED: Quota exceeded')
            """)
        .update();
  }
}
