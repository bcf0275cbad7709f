package dev.sheetsync.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.sheetsync.queue.CleanupResult;
import dev.sheetsync.queue.QueueProperties;
import dev.sheetsync.queue.SyncQueue;
import dev.sheetsync.runs.RunHistory;
import dev.sheetsync.system.ClusterLock;
import dev.sheetsync.system.ClusterLock.Held;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The schedule's wiring with a real task scheduler; the run itself is a mock here. */
class SyncScheduleTest {

  final WriteBackTrigger trigger = mock(WriteBackTrigger.class);
  final SyncQueue queue = mock(SyncQueue.class);
  final ClusterLock lock = mock(ClusterLock.class);
  final QueueProperties retention =
      new QueueProperties(
          5,
          Duration.ofSeconds(30),
          Duration.ofHours(1),
          Duration.ofMinutes(10),
          null,
          Duration.ofDays(7),
          Duration.ofDays(30),
          5000);
  SyncSchedule schedule;

  @AfterEach
  void stop() {
    if (schedule != null) {
      schedule.stop();
    }
  }

  SyncSchedule schedule(String cron, boolean enabled, String cleanup) {
    schedule =
        new SyncSchedule(
            new SyncProperties(cron, enabled, cleanup),
            trigger,
            queue,
            retention,
            lock,
            mock(RunHistory.class));
    return schedule;
  }

  @Test
  void firesTheWriteBackOnAShortCron() {
    when(trigger.run(TriggerSource.SCHEDULE)).thenReturn(new WriteBackOutcome.AlreadyRunning());

    schedule("* * * * * *", true, "-").start();

    assertThat(schedule.isWriteBackScheduled()).isTrue();
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> verify(trigger, atLeast(2)).run(TriggerSource.SCHEDULE));
  }

  @Test
  void doesNotFireWhenDisabled() {
    schedule("* * * * * *", false, "-").start();

    // No task scheduler was even created, so nothing can fire (no need to wait and see).
    assertThat(schedule.isWriteBackScheduled()).isFalse();
    assertThat(schedule.isRunning()).isFalse();
    verify(trigger, never()).run(any());
  }

  @Test
  void cleanupStillRunsWhenTheWriteBackScheduleIsOff() {
    Held held = mock(Held.class);
    when(lock.tryAcquire(ClusterLock.Name.CLEANUP)).thenReturn(Optional.of(held));
    when(queue.cleanupCompleted(Duration.ofDays(7), Duration.ofDays(30)))
        .thenReturn(new CleanupResult(3, 4));

    schedule("* * * * * *", false, "* * * * * *").start();

    assertThat(schedule.isRunning()).isTrue();
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                verify(queue, atLeast(1))
                    .cleanupCompleted(Duration.ofDays(7), Duration.ofDays(30)));
    verify(held, atLeast(1)).close();
    verify(trigger, never()).run(any());
  }

  @Test
  void cleanupSkipsWhenAnotherInstanceHoldsItsLock() {
    when(lock.tryAcquire(ClusterLock.Name.CLEANUP)).thenReturn(Optional.empty());

    assertThat(schedule("-", true, "-").runCleanupOnce()).isEmpty();

    verify(queue, never()).cleanupCompleted(any(), any());
  }

  @Test
  void runOnceUsesTheScheduleTrigger() {
    when(trigger.run(TriggerSource.SCHEDULE)).thenReturn(new WriteBackOutcome.Failed());

    assertThat(schedule("*/5 * * * *", true, "-").runWriteBackOnce())
        .isInstanceOf(WriteBackOutcome.Failed.class);
  }

  @Test
  void refusesAMalformedScheduleEvenWhenDisabled() {
    assertThatThrownBy(() -> schedule("every 5 minutes", false, "-"))
        .hasMessageContaining("SYNC_SCHEDULE");
    assertThatThrownBy(() -> schedule("-", true, "3:30 daily"))
        .hasMessageContaining("SYNC_CLEANUP_SCHEDULE");
  }
}
