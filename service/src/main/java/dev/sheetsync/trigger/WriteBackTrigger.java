package dev.sheetsync.trigger;

import dev.sheetsync.queue.QueueStats;
import dev.sheetsync.queue.SyncQueue;
import dev.sheetsync.runs.Run;
import dev.sheetsync.runs.RunHistory;
import dev.sheetsync.system.ClusterLock;
import dev.sheetsync.system.ClusterLock.Held;
import dev.sheetsync.writeback.RunResult;
import dev.sheetsync.writeback.WriteBack;
import dev.sheetsync.writeback.WriteBackProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
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
 * the same Google quota, and the original contract (docs/api-contract.md: 409) is "at most one run
 * at a time". A caller who finds the lock held learns it at once ({@link
 * WriteBackOutcome.AlreadyRunning}) and nothing changes. The holder first releases the items
 * earlier (dead) runs left claimed, so a crash costs one run, not {@code sheetsync.queue.lease}.
 *
 * <p>Logs the trigger and the outcome of every run and records metrics: timer {@code
 * sheetsync.writeback.run} (tags {@code trigger}, {@code outcome}) and counters {@code
 * sheetsync.writeback.items.processed|succeeded|failed|skipped}. Every run that started is stored
 * in the {@link RunHistory}, with why it stopped. Thread-safe.
 */
@Component
public class WriteBackTrigger {

  private static final Logger log = LoggerFactory.getLogger(WriteBackTrigger.class);

  /** The Sheets client's request timer ({@code dev.sheetsync.sheets.SheetsRequestInitializer}). */
  static final String SHEETS_REQUESTS = "sheets.requests";

  /** Why a run that drained everything due stopped. */
  static final String NOTHING_DUE = "nothing due";

  private static final List<String> OUTCOMES = List.of("completed", "already_running", "failed");

  private final ClusterLock lock;
  private final WriteBack writeBack;
  private final SyncQueue queue;
  private final MeterRegistry meters;
  private final Counter processed;
  private final Counter succeeded;
  private final Counter failed;
  private final Counter skipped;
  private final RunHistory history;
  private final WriteBackProperties limits;
  private final Clock clock;

  WriteBackTrigger(
      ClusterLock lock,
      WriteBack writeBack,
      SyncQueue queue,
      MeterRegistry meters,
      RunHistory history,
      WriteBackProperties limits,
      Clock clock) {
    this.lock = lock;
    this.writeBack = writeBack;
    this.queue = queue;
    this.meters = meters;
    this.history = history;
    this.limits = limits;
    this.clock = clock;
    this.processed = itemCounter(meters, "processed");
    this.succeeded = itemCounter(meters, "succeeded");
    this.failed = itemCounter(meters, "failed");
    this.skipped = itemCounter(meters, "skipped");
    // Every trigger and outcome at 0 from the start: an alert on failed runs must see the first
    // one.
    for (TriggerSource source : TriggerSource.values()) {
      for (String outcome : OUTCOMES) {
        runTimer(source, outcome);
      }
    }
  }

  /**
   * Runs the write-back now on the calling thread, unless a run is already going anywhere.
   *
   * @return never null; {@link WriteBackOutcome.Failed} instead of throwing
   */
  public WriteBackOutcome run(TriggerSource source) {
    Timer.Sample sample = Timer.start(meters);
    WriteBackOutcome outcome = runLocked(source);
    sample.stop(runTimer(source, outcomeTag(outcome)));
    return outcome;
  }

  private Timer runTimer(TriggerSource source, String outcome) {
    return Timer.builder("sheetsync.writeback.run")
        .description("Write-back runs, including refused and failed attempts")
        .tag("trigger", source.label())
        .tag("outcome", outcome)
        .register(meters);
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
    OffsetDateTime startedAt = OffsetDateTime.now(clock);
    long sheetsRequestsBefore = sheetsRequests();
    try (Held run = held.get()) {
      // Holding the lock proves every earlier run has ended: what they left PROCESSING (a SIGKILL,
      // a lost host) is written by this run instead of waiting for its lease to expire.
      int released = queue.releaseAbandoned(run.lockedAt());
      if (released > 0) {
        log.warn(
            "Write-back (trigger={}) released {} items left PROCESSING by an earlier run that"
                + " ended without recording them",
            source.label(),
            released);
      }
      log.info("Write-back started (trigger={})", source.label());
      RunResult result;
      try {
        result = writeBack.runOnce();
      } catch (RuntimeException e) {
        remember(
            source,
            startedAt,
            Duration.between(startedAt, OffsetDateTime.now(clock)).toMillis(),
            Run.FAILED,
            null,
            sheetsRequestsBefore,
            "error: " + e.getClass().getSimpleName());
        throw e;
      }
      remember(
          source,
          startedAt,
          result.durationMillis(),
          Run.COMPLETED,
          result,
          sheetsRequestsBefore,
          whyStopped(result));
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

  /**
   * Stores the run in the history. A history that cannot be written is logged and the run's own
   * outcome stands: the items were written (or not) whatever happens to this row.
   */
  private void remember(
      TriggerSource source,
      OffsetDateTime startedAt,
      long durationMillis,
      String outcome,
      RunResult result,
      long sheetsRequestsBefore,
      String stoppedBy) {
    try {
      history.record(
          new Run(
              null,
              source.label(),
              history.instance(),
              startedAt,
              Math.max(0, durationMillis),
              outcome,
              result == null ? 0 : result.processed(),
              result == null ? 0 : result.succeeded(),
              result == null ? 0 : result.failed(),
              result == null ? 0 : result.skipped(),
              result == null ? 0 : result.released(),
              Math.max(0, sheetsRequests() - sheetsRequestsBefore),
              stoppedBy));
    } catch (RuntimeException e) {
      log.warn("Write-back run (trigger={}) not stored in the run history", source.label(), e);
    }
  }

  /**
   * Google's error when one ended the run early; otherwise which limit ended it, or that nothing
   * due was left. Read from the outside: the run itself reports only Google's error.
   */
  private String whyStopped(RunResult result) {
    if (result.stoppedBy() != null) {
      return result.stoppedBy();
    }
    if (result.batches() >= limits.maxBatches()) {
      return "batch limit (" + limits.maxBatches() + " batches)";
    }
    if (result.durationMillis() >= limits.maxRunDuration().toMillis()) {
      return "time limit (" + limits.maxRunDuration() + ")";
    }
    return NOTHING_DUE;
  }

  /**
   * Sheets requests this instance made so far (the Sheets client's timer, all methods and
   * statuses); the difference over a run is that run's requests, since runs do not overlap.
   */
  private long sheetsRequests() {
    return meters.find(SHEETS_REQUESTS).timers().stream().mapToLong(Timer::count).sum();
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
