package dev.sheetsync.writeback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.emulator.Faults;
import dev.sheetsync.emulator.ValueRender;
import dev.sheetsync.queue.DeadLetter;
import dev.sheetsync.queue.QueueProperties;
import dev.sheetsync.testing.QueueTime;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class GoogleFailuresTest extends WriteBackTestSupport {

  @Autowired QueueProperties queueProperties;
  @Autowired dev.sheetsync.pause.SyncPauses pauses;

  @Test
  void burstOf429sIsWaitedOutWithinTheRun() {
    newRequest("Ada");
    sheet.control().faults(Faults.NONE.withFailNext(3, 429));

    RunResult result = writeBack.runOnce();

    assertThat(result.succeeded()).isEqualTo(1);
    assertThat(result.googleRetries()).isEqualTo(3);
    assertThat(sheet.rows(requestsTab, ValueRender.FORMATTED_VALUE)).hasSize(1);
  }

  @Test
  void revokedSharingPausesTheSpreadsheetWithoutChargingAnAttemptAndResumesWhenSharedAgain() {
    newRequest("Ada");
    newRequest("Grace");
    sheet.control().setNotShared(target.spreadsheetId(), true);

    RunResult paused = writeBack.runOnce();
    RunResult stillPaused = writeBack.runOnce();

    assertThat(paused.failed()).isZero();
    assertThat(stillPaused.failed()).isZero();
    assertThat(paused.googleRetries()).isZero();
    assertThat(paused.stoppedBy()).contains("paused").contains("403");
    assertThat(count("select count(*) from sync_queue where status = 'PENDING' and retries = 0"))
        .isEqualTo(2);
    assertThat(count("select count(*) from sync_log where status = 'FAILED'")).isZero();
    assertThat(pauses.open())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.scope()).isEqualTo("spreadsheet");
              assertThat(p.reason()).contains("403");
              assertThat(p.hint()).contains("share");
            });

    sheet.control().setNotShared(target.spreadsheetId(), false);
    RunResult resumed = writeBack.runOnce();

    assertThat(resumed.succeeded()).isEqualTo(2);
    assertThat(pauses.open()).isEmpty();
    assertThat(sheet.rows(requestsTab, ValueRender.FORMATTED_VALUE)).hasSize(2);
  }

  @Test
  void itemThatKeepsFailingEndsFailedWithItsLastErrorAndAFailedLogRow() {
    UUID id = newRequest("Ada");
    sheet.control().faults(Faults.NONE.withErrorRate(1.0, 500, 1L));

    for (int run = 0; run < queueProperties.maxRetries(); run++) {
      assertThat(writeBack.runOnce().failed()).isEqualTo(1);
      new QueueTime(jdbc).pass(queueProperties.backoffMax().plusSeconds(1));
    }

    sheet.control().clearFaults();
    assertThat(writeBack.runOnce().processed()).isZero();
    assertThat(queue.recentDeadLetters(10))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.recordId()).isEqualTo(id);
              assertThat(f.lastError()).contains("500");
              assertThat(f.retries()).isEqualTo(queueProperties.maxRetries());
            })
        .extracting(DeadLetter::id)
        .isNotNull();
    assertThat(count("select count(*) from sync_log where status = 'FAILED'"))
        .isEqualTo(queueProperties.maxRetries());
  }

  @Test
  void runResetsItemsAbandonedByADeadWorkerAndWritesThem() {
    newRequest("Ada");
    queue.claim(10); // a worker claimed it and died
    new QueueTime(jdbc).pass(queueProperties.lease().plus(Duration.ofMinutes(1)));

    RunResult result = writeBack.runOnce();

    assertThat(result.expiredLeases()).isEqualTo(1);
    assertThat(result.succeeded()).isEqualTo(1);
    assertThat(sheet.rows(requestsTab, ValueRender.FORMATTED_VALUE)).hasSize(1);
  }

  @Test
  void valueThatCannotBeWrittenFailsOnlyItsOwnItem() {
    UUID bad = newRequest("Ada");
    newRequest("Grace");
    jdbc.sql("update requests set notes = repeat('x', 60000) where id = :id")
        .param("id", bad)
        .update();

    RunResult result = writeBack.runOnce();

    assertThat(result).extracting(RunResult::succeeded, RunResult::failed).containsExactly(1, 1);
    assertThat(queue.recentDeadLetters(10))
        .singleElement()
        .satisfies(f -> assertThat(f.lastError()).contains("Notes"));
    assertThat(sheet.rows(requestsTab, ValueRender.FORMATTED_VALUE))
        .singleElement()
        .satisfies(r -> assertThat(r.get(2)).isEqualTo("Grace"));
  }

  @Test
  void createOfARecordThatNeverExistedFailsAtOnce() {
    jdbc.sql(
            """
            insert into sync_queue (action, model, record_id, payload)
            values ('CREATE', 'Request', gen_random_uuid(), '{}')
            """)
        .update();

    RunResult result = writeBack.runOnce();

    assertThat(result.failed()).isEqualTo(1);
    assertThat(queue.stats().failed()).isEqualTo(1);
    assertThat(queue.recentDeadLetters(1).get(0).lastError()).contains("not found");
  }
}
