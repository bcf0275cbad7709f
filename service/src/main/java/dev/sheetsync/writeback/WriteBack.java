package dev.sheetsync.writeback;

import dev.sheetsync.queue.Change;
import dev.sheetsync.queue.Outbox;
import dev.sheetsync.queue.Outcome;
import dev.sheetsync.queue.QueueItem;
import dev.sheetsync.queue.QueueProperties;
import dev.sheetsync.queue.SyncAction;
import dev.sheetsync.queue.SyncQueue;
import dev.sheetsync.sheets.SheetsProperties;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes queued changes to the spreadsheet: {@link #runOnce()} resets stuck items, then claims and
 * writes batches until the queue has nothing due or the run's limits are reached.
 *
 * <p>No cross-instance lock here (callers hold one), yet two concurrent runs are safe: claims are
 * disjoint ({@code FOR UPDATE SKIP LOCKED}), rows are found by key, and outcomes only apply to
 * claims still held. No database transaction is open during a Google call.
 */
@Service
public class WriteBack {

  private static final Logger log = LoggerFactory.getLogger(WriteBack.class);

  private final SyncQueue queue;
  private final BatchPlanner planner;
  private final SheetWriter writer;
  private final RowIndexes rowIndexes;
  private final Outbox outbox;
  private final GoogleCalls calls;
  private final TransactionTemplate transactions;
  private final WriteBackProperties properties;
  private final QueueProperties queueProperties;

  WriteBack(
      SyncQueue queue,
      BatchPlanner planner,
      SheetWriter writer,
      RowIndexes rowIndexes,
      Outbox outbox,
      GoogleCalls calls,
      TransactionTemplate transactions,
      WriteBackProperties properties,
      QueueProperties queueProperties,
      SheetsProperties sheetsProperties) {
    this.queue = queue;
    this.planner = planner;
    this.writer = writer;
    this.rowIndexes = rowIndexes;
    this.outbox = outbox;
    this.calls = calls;
    this.transactions = transactions;
    this.properties = properties;
    this.queueProperties = queueProperties;
    checkLimits(properties, queueProperties, sheetsProperties);
  }

  /**
   * A run can last {@code max-run-duration} plus one call in flight (retries and quota waits end at
   * the deadline); its claims must not look stuck meanwhile, or another instance would reset and
   * write them a second time. The defaults keep a wide margin (3m + 40s against 10m).
   */
  static void checkLimits(WriteBackProperties run, QueueProperties queue, SheetsProperties sheets) {
    Duration longest =
        run.maxRunDuration().plus(sheets.connectTimeout()).plus(sheets.readTimeout());
    if (longest.compareTo(queue.stuckAfter()) >= 0) {
      throw new IllegalStateException(
          "sheetsync.writeback.max-run-duration ("
              + run.maxRunDuration()
              + ") plus one Sheets call's timeouts ("
              + sheets.connectTimeout().plus(sheets.readTimeout())
              + ") must stay below sheetsync.queue.stuck-after ("
              + queue.stuckAfter()
              + "), so that a live run's items are never reset as stuck");
    }
  }

  /**
   * One run; returns when the queue has nothing due or a limit is reached. Never throws for
   * Google's errors.
   */
  public RunResult runOnce() {
    long start = System.nanoTime();
    long deadline = start + properties.maxRunDuration().toNanos();
    long retriesBefore = calls.retries();
    int reset = queue.resetStuck(queueProperties.stuckAfter());
    Map<Outcome.Kind, Integer> counts = new EnumMap<>(Outcome.Kind.class);
    int batches = 0;
    String stoppedBy = null;
    while (batches < properties.maxBatches() && System.nanoTime() < deadline) {
      List<QueueItem> items = queue.dequeue(properties.batchSize());
      if (items.isEmpty()) {
        break;
      }
      batches++;
      List<RecordWork> work = planner.plan(items);
      BatchWrite written = writer.write(work, deadline);
      List<Outcome> outcomes = work.stream().flatMap(r -> r.outcomes().stream()).toList();
      record(work, outcomes, written);
      outcomes.forEach(o -> counts.merge(o.kind(), 1, Integer::sum));
      if (written.stop() != null) {
        stoppedBy = written.stop().getMessage();
        log.warn("Write-back stopped early: {}", stoppedBy);
        break;
      }
    }
    int succeeded = counts.getOrDefault(Outcome.Kind.WRITTEN, 0);
    int skipped = counts.getOrDefault(Outcome.Kind.SKIPPED, 0);
    int failed =
        counts.getOrDefault(Outcome.Kind.FAILED, 0)
            + counts.getOrDefault(Outcome.Kind.FAILED_PERMANENTLY, 0);
    RunResult result =
        new RunResult(
            succeeded + failed + skipped,
            succeeded,
            failed,
            skipped,
            counts.getOrDefault(Outcome.Kind.RELEASED, 0),
            batches,
            calls.retries() - retriesBefore,
            reset,
            Duration.ofNanos(System.nanoTime() - start).toMillis(),
            stoppedBy);
    if (batches > 0 || reset > 0) {
      log.info("Write-back run: {}", result);
    }
    return result;
  }

  /** Outcomes, row numbers and repairs commit together, in a transaction of their own. */
  private void record(List<RecordWork> work, List<Outcome> outcomes, BatchWrite written) {
    transactions.executeWithoutResult(
        tx -> {
          rowIndexes.store(work.stream().filter(r -> r.written() && !r.deletes()).toList());
          queue.record(outcomes);
          if (!written.repairs().isEmpty()) {
            log.warn(
                "Rewriting {} records whose rows were moved during the run",
                written.repairs().size());
            outbox.record(
                written.repairs().stream()
                    .map(
                        r -> new Change(SyncAction.UPDATE, r.model(), r.recordId(), null, Map.of()))
                    .toList());
          }
        });
  }
}
