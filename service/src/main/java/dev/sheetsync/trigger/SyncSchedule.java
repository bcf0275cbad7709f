package dev.sheetsync.trigger;

import dev.sheetsync.queue.CleanupResult;
import dev.sheetsync.queue.QueueProperties;
import dev.sheetsync.queue.SyncQueue;
import dev.sheetsync.runs.RunHistory;
import dev.sheetsync.system.ClusterLock;
import dev.sheetsync.system.ClusterLock.Held;
import dev.sheetsync.system.CronExpressions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * The in-process schedules: the write-back ({@code SYNC_SCHEDULE}, every 5 minutes by default,
 * unless {@code SYNC_SCHEDULER_ENABLED=false}) and the daily cleanup ({@code
 * SYNC_CLEANUP_SCHEDULE}).
 *
 * <p>Every instance ticks; the cluster lock decides which one works. A tick that finds the lock
 * held skips silently (debug log): with three instances, two of three ticks are expected to skip.
 * The cleanup runs even when the write-back schedule is off, because a deployment driven by an
 * outside cron still needs its completed items and old log rows removed, and it no longer depends
 * on a run happening to fall on Sunday at 3 a.m. as in the original app.
 *
 * <p>{@link #runWriteBackOnce()} and {@link #runCleanupOnce()} are what a tick does, callable from
 * tests without waiting for the clock.
 */
@Component
class SyncSchedule implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SyncSchedule.class);

  private final WriteBackTrigger trigger;
  private final SyncQueue queue;
  private final QueueProperties queueProperties;
  private final ClusterLock lock;
  private final RunHistory runs;
  private final Optional<CronExpression> writeBackCron;
  private final Optional<CronExpression> cleanupCron;
  private volatile ThreadPoolTaskScheduler scheduler;
  private final List<ScheduledFuture<?>> ticks = new ArrayList<>();

  SyncSchedule(
      SyncProperties properties,
      WriteBackTrigger trigger,
      SyncQueue queue,
      QueueProperties queueProperties,
      ClusterLock lock,
      RunHistory runs) {
    this.trigger = trigger;
    this.runs = runs;
    this.queue = queue;
    this.queueProperties = queueProperties;
    this.lock = lock;
    // Parsed even when disabled: a typo should fail at startup, not when someone re-enables it.
    Optional<CronExpression> schedule =
        CronExpressions.parse("SYNC_SCHEDULE", properties.schedule());
    this.writeBackCron = properties.schedulerEnabled() ? schedule : Optional.empty();
    this.cleanupCron = CronExpressions.parse("SYNC_CLEANUP_SCHEDULE", properties.cleanupSchedule());
  }

  /** One scheduled write-back tick: runs unless another run holds the lock. */
  WriteBackOutcome runWriteBackOnce() {
    return trigger.run(TriggerSource.SCHEDULE);
  }

  /**
   * One cleanup tick: deletes COMPLETED items and sync-log rows older than {@code
   * sheetsync.queue.completed-retention} / {@code log-retention}, and runs older than {@code
   * sheetsync.runs.retention}, on one instance at a time.
   *
   * @return what was deleted, or empty when another instance was cleaning up
   */
  Optional<CleanupResult> runCleanupOnce() {
    Optional<Held> held = lock.tryAcquire(ClusterLock.Name.CLEANUP);
    if (held.isEmpty()) {
      log.debug("Cleanup skipped: another instance is cleaning up");
      return Optional.empty();
    }
    try (Held ignored = held.get()) {
      CleanupResult result =
          queue.cleanupCompleted(
              queueProperties.completedRetention(), queueProperties.logRetention());
      int runsDeleted = runs.deleteExpired();
      log.info(
          "Cleanup removed {} completed queue items, {} sync-log rows and {} runs",
          result.queueItemsDeleted(),
          result.logRowsDeleted(),
          runsDeleted);
      return Optional.of(result);
    }
  }

  boolean isWriteBackScheduled() {
    return scheduler != null && writeBackCron.isPresent();
  }

  @Override
  public synchronized void start() {
    if (scheduler != null || (writeBackCron.isEmpty() && cleanupCron.isEmpty())) {
      return;
    }
    ThreadPoolTaskScheduler tasks = new ThreadPoolTaskScheduler();
    // Two threads: a long write-back run must not delay the cleanup, nor the other way round.
    tasks.setPoolSize(2);
    tasks.setThreadNamePrefix("sheetsync-schedule-");
    // On shutdown a run in progress finishes its batch (ShutdownDrain stops further claims) and
    // records its outcomes; anything cut off after 30 s is released when its lease expires.
    tasks.setWaitForTasksToCompleteOnShutdown(true);
    tasks.setAwaitTerminationSeconds(30);
    tasks.initialize();
    writeBackCron.ifPresent(
        cron -> {
          ticks.add(
              tasks.schedule(
                  guarded("write-back", this::runWriteBackOnce), new CronTrigger(cron.toString())));
          log.info("Write-back scheduled: {}", cron);
        });
    cleanupCron.ifPresent(
        cron -> {
          ticks.add(
              tasks.schedule(
                  guarded("cleanup", this::runCleanupOnce), new CronTrigger(cron.toString())));
          log.info("Cleanup scheduled: {}", cron);
        });
    if (writeBackCron.isEmpty()) {
      log.info("In-process write-back schedule is off; an outside cron must call the endpoint");
    }
    scheduler = tasks;
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      // Cancel the next ticks first: a pending tick is a delayed task, and the executor would wait
      // for it (up to the 30 s below) although nothing runs, which made every stop take 30 s.
      ticks.forEach(tick -> tick.cancel(false));
      ticks.clear();
      scheduler.shutdown();
      scheduler = null;
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }

  /** Logs a failed tick with its name and keeps the schedule going. */
  private static Runnable guarded(String name, Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.error("Scheduled {} failed", name, e);
      }
    };
  }
}
