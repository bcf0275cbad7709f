package dev.sheetsync.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.testing.EngineTest;
import dev.sheetsync.testing.SettableClock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@EngineTest
class SyncLogTest {

  @Autowired SyncLog log;
  @Autowired SyncQueue queue;
  @Autowired JdbcClient jdbc;
  @Autowired SettableClock clock;

  @BeforeEach
  void cleanLog() {
    jdbc.sql(
            "truncate sync_queue, sync_log, sync_pauses, sheet_tabs, sync_activity_hours restart identity")
        .update();
    clock.reset();
  }

  @Test
  void lastProcessedIsEmptyBeforeAnyWriteBack() {
    log("OTHER", "SUCCESS", "now()");

    assertThat(log.lastProcessed()).isEmpty();
  }

  @Test
  void recentWriteBackLogsAreNewestFirstAndOnlyWriteBacks() {
    log("WRITE_BACK_CREATE", "SUCCESS", "now() - interval '2 minutes'");
    log("WRITE_BACK_UPDATE", "FAILED", "now() - interval '1 minute'");
    log("READ_SYNC", "SUCCESS", "now()");

    List<SyncLogEntry> recent = log.recentWriteBackLogs(10);

    assertThat(recent).extracting(SyncLogEntry::action).containsExactly("UPDATE", "CREATE");
    assertThat(log.lastProcessed()).contains(recent.get(0).syncedAt());
    assertThat(SyncLog.lastProcessed(recent)).isEqualTo(log.lastProcessed());
    assertThat(SyncLog.lastProcessed(List.of())).isEmpty();
  }

  @Test
  void hourlyActivityHas24BucketsCountingOutcomesPerHour() {
    log("WRITE_BACK_CREATE", "SUCCESS", "now()");
    log("WRITE_BACK_CREATE", "FAILED", "now()");
    log("WRITE_BACK_UPDATE", "SUCCESS", "now() - interval '3 hours'");
    log("WRITE_BACK_UPDATE", "SUCCESS", "now() - interval '25 hours'");

    List<HourlyActivity> hours = queue.hourlyActivity();

    assertThat(hours).hasSize(24);
    assertThat(hours.get(23))
        .extracting(HourlyActivity::processed, HourlyActivity::failed)
        .containsExactly(2L, 1L);
    assertThat(hours.get(20).succeeded()).isEqualTo(1);
    assertThat(hours.stream().mapToLong(HourlyActivity::processed).sum()).isEqualTo(3);
  }

  @Test
  void waitingAtTheEndOfEachHourCountsItemsCreatedBeforeAndCompletedAfterIt() {
    queueItem("COMPLETED", "now() - interval '5 hours'", "now() - interval '2 hours'");
    queueItem("PENDING", "now() - interval '3 hours'", null);
    queueItem("FAILED", "now() - interval '4 hours'", null);

    List<HourlyActivity> hours = queue.hourlyActivity();

    // Hours 18..23 are 5..0 hours ago; index 23 is the current hour.
    assertThat(hours.subList(17, 24))
        .extracting(HourlyActivity::waiting)
        .containsExactly(0L, 1L, 1L, 2L, 1L, 1L, 1L);
  }

  @Test
  void pastHoursAreComputedOnceAndKeptWhileTheCurrentHourStaysLive() {
    log("WRITE_BACK_UPDATE", "SUCCESS", "now() - interval '3 hours'");
    queue.hourlyActivity();
    long stored = jdbc.sql("select count(*) from sync_activity_hours").query(Long.class).single();
    // A row stamped in a stored hour after the fact cannot change it; a new one in the current
    // hour shows at once.
    log("WRITE_BACK_UPDATE", "SUCCESS", "now() - interval '3 hours'");
    log("WRITE_BACK_UPDATE", "FAILED", "now()");

    List<HourlyActivity> hours = queue.hourlyActivity();

    assertThat(stored).isBetween(22L, 23L);
    assertThat(hours.get(20).succeeded()).isEqualTo(1);
    assertThat(hours.get(23).failed()).isEqualTo(1);
  }

  private void queueItem(String status, String createdAt, String processedAt) {
    jdbc.sql(
            """
            insert into sync_queue (action, model, record_id, payload, status, created_at,
                                    processed_at)
            values ('UPDATE', 'Request', gen_random_uuid(), '{}', :status, %s, %s)
            """
                .formatted(createdAt, processedAt == null ? "null" : processedAt))
        .param("status", status)
        .update();
  }

  private void log(String action, String status, String at) {
    jdbc.sql(
            """
            insert into sync_log (sheet_name, action, record_id, status, synced_at)
            values ('Requests', :action, 'r', :status, %s)
            """
                .formatted(at))
        .param("action", action)
        .param("status", status)
        .update();
  }
}
