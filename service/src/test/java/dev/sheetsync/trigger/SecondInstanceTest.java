package dev.sheetsync.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sheetsync.Http;
import dev.sheetsync.IntegrationTest;
import dev.sheetsync.SheetsyncApplication;
import dev.sheetsync.TestData;
import dev.sheetsync.emulator.ValueRender;
import dev.sheetsync.sheets.SpreadsheetTarget;
import dev.sheetsync.system.ClusterLock;
import dev.sheetsync.system.ClusterLock.Held;
import dev.sheetsync.users.Role;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A second instance ("B") on the same database as the shared test context ("A"): B has no {@code
 * CRON_SECRET} and runs the schedule every second. Shows the bearer path closed when the secret is
 * unset, the lock holding across instances, and the schedule firing.
 */
@IntegrationTest
class SecondInstanceTest {

  static ConfigurableApplicationContext instanceB;
  static int portB;

  @LocalServerPort int portA;
  @Autowired JdbcClient jdbc;
  @Autowired ClusterLock lockA;
  @Autowired SyncSchedule scheduleA;

  Http adminOnA;

  @BeforeAll
  static void startInstanceB() {
    instanceB =
        new SpringApplicationBuilder(SheetsyncApplication.class)
            .profiles("test")
            .run(
                "--sheetsync.sync.cron-secret=",
                "--sheetsync.sync.scheduler-enabled=true",
                "--sheetsync.sync.schedule=* * * * * *");
    portB = ((WebServerApplicationContext) instanceB).getWebServer().getPort();
    instanceB.getBean(SpreadsheetTarget.class).emulator().control().quota(0, 0);
  }

  @AfterAll
  static void stopInstanceB() {
    instanceB.close();
  }

  @BeforeEach
  void data() {
    TestData data = new TestData(jdbc).reset();
    data.user("admin@example.com", Role.ADMIN);
    adminOnA = new Http(portA);
    adminOnA.login("admin@example.com", TestData.PASSWORD);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"Bearer ", "Bearer undefined", "Bearer null", "Bearer", ""})
  void withTheSecretUnsetNoAuthorizationHeaderOpensTheWriteBack(String header) {
    Http anonymous = new Http(portB);
    Http.Response response =
        header == null
            ? anonymous.send("POST", "/api/sync/write-back", null)
            : anonymous.send("POST", "/api/sync/write-back", null, "Authorization", header);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"error\":\"Unauthorized\"}");
  }

  @Test
  void aRunOnOneInstanceMakesTheOtherAnswer409() {
    // The session from A works on B: sessions live in PostgreSQL.
    Http adminOnB = new Http(portB).withCookie(adminOnA.sessionCookie());
    // B's schedule takes the lock for a moment every second; wait for a free moment.
    AtomicReference<Held> runOnA = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              Optional<Held> held = lockA.tryAcquire(ClusterLock.Name.WRITE_BACK);
              held.ifPresent(runOnA::set);
              return held.isPresent();
            });

    Http.Response response;
    try (Held held = runOnA.get()) {
      response = adminOnB.send("POST", "/api/sync/write-back", null);
    }

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.body())
        .isEqualTo("{\"success\":false,\"error\":\"Write-back already running\"}");
  }

  @Test
  void theScheduleFiresWithAShortCronAndWritesTheQueuedChange() {
    Http.Response created =
        adminOnA.post(
            "/api/requests", "{\"bookingCode\":\"BK-SCHED\",\"customerName\":\"Ann\",\"pax\":2}");
    assertThat(created.status()).isEqualTo(201);

    // Nobody calls the endpoint: B's every-second schedule picks the item up.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> jdbc.sql("select status from sync_queue").query(String.class).single(),
            "COMPLETED"::equals);
    SpreadsheetTarget sheetOfB = instanceB.getBean(SpreadsheetTarget.class);
    assertThat(
            sheetOfB
                .emulator()
                .values(sheetOfB.spreadsheetId(), "Requests!A:Z", ValueRender.FORMATTED_VALUE)
                .toString())
        .contains("BK-SCHED");
  }

  @Test
  void theScheduleDoesNotFireWhereItIsDisabled() {
    // A runs with SYNC_SCHEDULER_ENABLED=false (the test profile): nothing is scheduled there.
    assertThat(scheduleA.isWriteBackScheduled()).isFalse();
    assertThat(instanceB.getBean(SyncSchedule.class).isWriteBackScheduled()).isTrue();
  }
}
