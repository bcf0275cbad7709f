package dev.sheetsync.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.sheetsync.queue.QueueStats;
import dev.sheetsync.queue.SyncLog;
import dev.sheetsync.queue.SyncQueue;
import dev.sheetsync.runs.RunHistory;
import dev.sheetsync.security.cron.CronAuthentication;
import dev.sheetsync.system.ClusterLock;
import dev.sheetsync.system.ClusterLock.Held;
import dev.sheetsync.writeback.RunResult;
import dev.sheetsync.writeback.WriteBack;
import dev.sheetsync.writeback.WriteBackProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The trigger's decisions with the run and the lock replaced; real ones in the HTTP tests. */
@ExtendWith(OutputCaptureExtension.class)
class WriteBackTriggerTest {

  final ClusterLock lock = mock(ClusterLock.class);
  final WriteBack writeBack = mock(WriteBack.class);
  final SyncQueue queue = mock(SyncQueue.class);
  final Held held = mock(Held.class);
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final RunHistory history = mock(RunHistory.class);
  final WriteBackProperties limits = mock(WriteBackProperties.class);
  final WriteBackTrigger trigger =
      new WriteBackTrigger(lock, writeBack, queue, meters, history, limits, Clock.systemUTC());

  static final QueueStats STATS = new QueueStats(1, 0, 7, 2, 10, 42L, 1);

  @BeforeEach
  void limits() {
    when(limits.maxBatches()).thenReturn(50);
    when(limits.maxRunDuration()).thenReturn(Duration.ofMinutes(3));
  }

  @Test
  void runsUnderTheLockAndCountsTheItems() {
    when(lock.tryAcquire(ClusterLock.Name.WRITE_BACK)).thenReturn(Optional.of(held));
    when(writeBack.runOnce()).thenReturn(new RunResult(9, 6, 2, 1, 0, 1, 0, 0, 12, null));
    when(queue.stats()).thenReturn(STATS);

    WriteBackOutcome outcome = trigger.run(TriggerSource.CRON);

    assertThat(outcome).isInstanceOf(WriteBackOutcome.Completed.class);
    assertThat(((WriteBackOutcome.Completed) outcome).queueStats()).isEqualTo(STATS);
    verify(held).close();
    assertThat(meters.counter("sheetsync.writeback.items.processed").count()).isEqualTo(9);
    assertThat(meters.counter("sheetsync.writeback.items.failed").count()).isEqualTo(2);
    assertThat(meters.counter("sheetsync.writeback.items.skipped").count()).isEqualTo(1);
    assertThat(
            meters
                .timer("sheetsync.writeback.run", "trigger", "cron", "outcome", "completed")
                .count())
        .isEqualTo(1);
  }

  @Test
  void doesNothingWhenTheLockIsTaken() {
    when(lock.tryAcquire(ClusterLock.Name.WRITE_BACK)).thenReturn(Optional.empty());

    assertThat(trigger.run(TriggerSource.MANUAL))
        .isInstanceOf(WriteBackOutcome.AlreadyRunning.class);

    verify(writeBack, never()).runOnce();
  }

  @Test
  void aBrokenRunIsReportedAsFailedAndReleasesTheLock(CapturedOutput output) {
    when(lock.tryAcquire(ClusterLock.Name.WRITE_BACK)).thenReturn(Optional.of(held));
    when(writeBack.runOnce()).thenThrow(new IllegalStateException("detail for the log only"));

    assertThat(trigger.run(TriggerSource.SCHEDULE)).isInstanceOf(WriteBackOutcome.Failed.class);

    verify(held).close();
    assertThat(output)
        .contains("Write-back (trigger=schedule) failed")
        .contains("detail for the log only");
  }

  @Test
  void theEndpointAnswers500WithoutTheDetail() throws Exception {
    WriteBackTrigger failing = mock(WriteBackTrigger.class);
    when(failing.run(TriggerSource.CRON)).thenReturn(new WriteBackOutcome.Failed());
    MockMvc mvc =
        MockMvcBuilders.standaloneSetup(new SyncController(failing, queue, null, null))
            .setControllerAdvice(new SyncErrors())
            .build();

    mvc.perform(
            MockMvcRequestBuilders.post("/api/sync/write-back")
                .principal(new CronAuthentication())
                .accept(MediaType.APPLICATION_JSON))
        .andExpect(MockMvcResultMatchers.status().isInternalServerError())
        .andExpect(
            MockMvcResultMatchers.content()
                .json("{\"success\":false,\"error\":\"Write-back failed\"}", true));
  }

  @Test
  void theQueueStatusAnswers500InTheContractsShapeWhenTheDatabaseFails() throws Exception {
    SyncLog syncLog = mock(SyncLog.class);
    when(syncLog.lastProcessed())
        .thenThrow(new CannotGetJdbcConnectionException("connection refused: db:5432"));
    MockMvc mvc =
        MockMvcBuilders.standaloneSetup(new SyncController(trigger, queue, syncLog, null))
            .setControllerAdvice(new SyncErrors())
            .build();

    mvc.perform(MockMvcRequestBuilders.get("/api/sync/queue").accept(MediaType.APPLICATION_JSON))
        .andExpect(MockMvcResultMatchers.status().isInternalServerError())
        .andExpect(
            MockMvcResultMatchers.content()
                .json("{\"success\":false,\"error\":\"Failed to get queue status\"}", true));
  }
}
