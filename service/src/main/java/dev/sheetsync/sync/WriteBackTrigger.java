package dev.sheetsync.sync;

import dev.sheetsync.queue.QueueStats;
import dev.sheetsync.queue.SyncQueue;
import dev.sheetsync.sync.ClusterLock.Held;
import dev.sheetsync.writeback.RunResult;
import dev.sheetsync.writeback.WriteBack;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one way to start a write-back run, used by the endpoint, the schedule and the console.
 *
 * <p>It takes the cluster-wide {@link ClusterLock.Name#WRITE_BACK} lock first: two runs at once
 * (two instances' schedules, a cron call during a scheduled run, an impatient admin) would not
 * corrupt anything, since items are claimed with {@code SKIP LOCKED}, but they would compete for
 * the same Google quota, and the seed's contract is "at most one run at a time". A caller who finds
 * the lock held learns it at once ({@link WriteBackOutcome.AlreadyRunning}) and nothing changes.
 * The holder first releases the items earlier (dead) runs left claimed, so a crash costs one run,
 * not {@code sheetsync.queue.stuck-after}.
 *
 * <p>Logs the trigger and the outcome of every run and records metrics: timer {@code
 * sheetsync.writeback.run} (tags {@code trigger}, {@code outcome}) and counters {@code
 * sheetsync.writeback.items.processed|succeeded|failed|skipped}. Thread-safe.
 */
@Component
public class WriteBackTrigger {

  private static final Logger log = LoggerFactory.getLogger(WriteBackTrigger.class);

  private final ClusterLock lock;
  private final WriteBack writeBack;
  private final SyncQueue queue;
  private final MeterRegistry meters;
  private final Counter processed;
  private final Counter succeeded;
  private final Counter failed;
  private final Counter skipped;

  WriteBackTrigger(ClusterLock lock, WriteBack writeBack, SyncQueue queue, MeterRegistry meters) {
    this.lock = lock;
    this.writeBack = writeBack;
    this.queue = queue;
    this.meters = meters;
    this.processed = itemCounter(meters, "processed");
    this.succeeded = itemCounter(meters, "succeeded");
    this.failed = itemCounter(meters, "failed");
    this.skipped = itemCounter(meters, "skipped");
  }

  /**
   * Runs the write-back now on the calling thread, unless a run is already going anywhere.
   *
   * @return never null; {@link WriteBackOutcome.Failed} instead of throwing
   */
  public WriteBackOutcome run(TriggerSource source) {
    Timer.Sample sample = Timer.start(meters);
    WriteBackOutcome outcome = runLocked(source);
    sample.stop(
        Timer.builder("sheetsync.writeback.run")
            .description("Write-back runs, including refused and failed attempts")
            .tag("trigger", source.label())
            .tag("outcome", outcomeTag(outcome))
            .register(meters));
    return outcome;
  }

  private WriteBackOutcome runLocked(TriggerSource source) {
    Optional<Held> held;
    try {
      held = lock.tryAcquire(ClusterLock.Name.WRITE_BACK);
    } catch (RuntimeException e) {
      log.error("Write-back (trigger={}) could not start: lock unavailable", source.label(), e);
      return new WriteBackOutcome.Failed();
    }
    if (held.isEmpty()) {
      if (source == TriggerSource.SCHEDULE) {
        // Normal with several instances: another one's tick won the lock.
        log.debug("Scheduled write-back skipped: a run is already going");
      } else {
        log.info("Write-back (trigger={}) refused: a run is already going", source.label());
      }
      return new WriteBackOutcome.AlreadyRunning();
    }
    try (Held run = held.get()) {
      // Holding the lock proves every earlier run has ended: what they left PROCESSING (a SIGKILL,
      // a lost host) is written by this run instead of waiting out stuck-after.
      int released = queue.releaseAbandoned(run.lockedAt());
      if (released > 0) {
        log.warn(
            "Write-back (trigger={}) released {} items left PROCESSING by an earlier run that"
                + " ended without recording them",
            source.label(),
            released);
      }
      log.info("Write-back started (trigger={})", source.label());
      RunResult result = writeBack.runOnce();
      QueueStats stats = queue.stats();
      processed.increment(result.processed());
      succeeded.increment(result.succeeded());
      failed.increment(result.failed());
      skipped.increment(result.skipped());
      log.info(
          "Write-back finished (trigger={}) in {} ms: processed={} succeeded={} failed={}"
              + " skipped={} released={} batches={} googleRetries={}{}; queue pending={}"
              + " failed={}",
          source.label(),
          result.durationMillis(),
          result.processed(),
          result.succeeded(),
          result.failed(),
          result.skipped(),
          result.released(),
          result.batches(),
          result.googleRetries(),
          result.stoppedBy() == null ? "" : " stoppedBy=" + result.stoppedBy(),
          stats.pending(),
          stats.failed());
      return new WriteBackOutcome.Completed(result, stats);
    } catch (RuntimeException e) {
      log.error("Write-back (trigger={}) failed", source.label(), e);
      return new WriteBackOutcome.Failed();
    }
  }

  private static Counter itemCounter(MeterRegistry meters, String outcome) {
    return Counter.builder("sheetsync.writeback.items." + outcome)
        .description("Queue items " + outcome + " by write-back runs")
        .register(meters);
  }

  private static String outcomeTag(WriteBackOutcome outcome) {
    if (outcome instanceof WriteBackOutcome.Completed) {
      return "completed";
    }
    return outcome instanceof WriteBackOutcome.AlreadyRunning ? "already_running" : "failed";
  }
}
