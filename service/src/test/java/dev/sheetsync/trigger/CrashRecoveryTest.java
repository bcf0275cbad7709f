package dev.sheetsync.trigger;

import static dev.sheetsync.testing.RequestBuilder.aRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.queue.SyncQueue;
import dev.sheetsync.records.RecordChanges;
import dev.sheetsync.records.RequestInput;
import dev.sheetsync.testing.EngineTest;
import dev.sheetsync.writeback.RunResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A run killed mid-write leaves its claim PROCESSING; the next run must write it, not wait. */
@EngineTest
class CrashRecoveryTest {

  @Autowired WriteBackTrigger trigger;
  @Autowired SyncQueue queue;
  @Autowired RecordChanges records;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void cleanQueue() {
    jdbc.sql(
            "truncate sync_queue, sync_log, revenues, operators, requests restart identity cascade")
        .update();
  }

  @Test
  void nextRunWritesItemsADeadRunLeftClaimedWithoutWaitingForStuckAfter() {
    records.createRequest(request("BK-CRASH-1"));
    records.createRequest(request("BK-CRASH-2"));
    assertThat(queue.claim(10)).hasSize(2); // the run that claimed them was SIGKILLed

    WriteBackOutcome outcome = trigger.run(TriggerSource.MANUAL);

    assertThat(outcome).isInstanceOf(WriteBackOutcome.Completed.class);
    RunResult result = ((WriteBackOutcome.Completed) outcome).result();
    assertThat(result.succeeded()).isEqualTo(2);
    assertThat(queue.stats().processing()).isZero();
    assertThat(queue.stats().completed()).isEqualTo(2);
  }

  private static RequestInput request(String bookingCode) {
    return aRequest().bookingCode(bookingCode).totalPrice("100.00").build();
  }
}
