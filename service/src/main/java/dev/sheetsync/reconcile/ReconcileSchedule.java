package dev.sheetsync.reconcile;

import dev.sheetsync.system.CronExpressions;
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
 * The in-process reconcile ({@code SYNC_RECONCILE_SCHEDULE}, daily at 04:00 by default): a dry run,
 * logged and stored, then, if it found anything to repair, a repair. Every instance ticks; the
 * write-back lock lets one of them work (the others find it held and skip). {@link #runOnce()} is
 * what a tick does.
 */
@Component
class ReconcileSchedule implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ReconcileSchedule.class);

  private final Reconciler reconciler;
  private final Optional<CronExpression> cron;
  private volatile ThreadPoolTaskScheduler scheduler;
  private volatile ScheduledFuture<?> tick;

  ReconcileSchedule(Reconciler reconciler, ReconcileProperties properties) {
    this.reconciler = reconciler;
    this.cron = CronExpressions.parse("SYNC_RECONCILE_SCHEDULE", properties.reconcileSchedule());
  }

  /** One tick: the dry run, then the repair when the dry run found something to repair. */
  Optional<ReconcileReport> runOnce() {
    Reconciler.Outcome dry = reconciler.run(true, "schedule");
    if (!(dry instanceof Reconciler.Outcome.Done done)) {
      log.info("Scheduled reconcile skipped: {}", dry);
      return Optional.empty();
    }
    if (!done.report().summary().repairable()) {
      return Optional.of(done.report());
    }
    Reconciler.Outcome repair = reconciler.run(false, "schedule");
    return repair instanceof Reconciler.Outcome.Done repaired
        ? Optional.of(repaired.report())
        : Optional.empty();
  }

  @Override
  public synchronized void start() {
    if (scheduler != null || cron.isEmpty()) {
      return;
    }
    ThreadPoolTaskScheduler tasks = new ThreadPoolTaskScheduler();
    tasks.setPoolSize(1);
    tasks.setThreadNamePrefix("sheetsync-reconcile-");
    tasks.initialize();
    tick =
        tasks.schedule(
            () -> {
              try {
                runOnce();
              } catch (RuntimeException e) {
                log.error("Scheduled reconcile failed", e);
              }
            },
            new CronTrigger(cron.get().toString()));
    log.info("Reconcile scheduled: {}", cron.get());
    scheduler = tasks;
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      tick.cancel(false);
      scheduler.shutdown();
      scheduler = null;
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }
}
