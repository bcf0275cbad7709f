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
  @Autowired JdbcClient jdbc;
  @Autowired SettableClock clock;

  @BeforeEach
  void cleanLog() {
    jdbc.sql("truncate sync_queue, sync_log, sync_pauses, sheet_tabs restart identity").update();
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

    assertThat(recent)
        .extracting(SyncLogEntry::action)
        .containsExactly("WRITE_BACK_UPDATE", "WRITE_BACK_CREATE");
    assertThat(log.lastProcessed()).contains(recent.get(0).syncedAt());
  }

  @Test
  void hourlyActivityHas24BucketsCountingOutcomesPerHour() {
    log("WRITE_BACK_CREATE", "SUCCESS", "now()");
    log("WRITE_BACK_CREATE", "FAILED", "now()");
    log("WRITE_BACK_UPDATE", "SUCCESS", "now() - interval '3 hours'");
    log("WRITE_BACK_UPDATE", "SUCCESS", "now() - interval '25 hours'");

    List<HourlyActivity> hours = log.hourlyActivity();

    assertThat(hours).hasSize(24);
    assertThat(hours.get(23))
        .extracting(HourlyActivity::processed, HourlyActivity::failed)
        .containsExactly(2L, 1L);
    assertThat(hours.get(20).succeeded()).isEqualTo(1);
    assertThat(hours.stream().mapToLong(HourlyActivity::processed).sum()).isEqualTo(3);
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
