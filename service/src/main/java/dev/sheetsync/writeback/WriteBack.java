package dev.sheetsync.writeback;

import dev.sheetsync.conflicts.WrittenCells;
import dev.sheetsync.pause.Pause;
import dev.sheetsync.pause.SyncPauses;
import dev.sheetsync.queue.Outbox;
import dev.sheetsync.queue.Outcome;
import dev.sheetsync.queue.QueueItem;
import dev.sheetsync.queue.QueueProperties;
import dev.sheetsync.queue.SyncQueue;
import dev.sheetsync.records.Change;
import dev.sheetsync.records.SyncAction;
import dev.sheetsync.records.SyncModel;
import dev.sheetsync.sheets.SheetsProperties;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes queued changes to the spreadsheet: {@link #runOnce()} releases items whose lease expired,
 * then claims and writes batches until the queue has nothing due or the run's limits are reached.
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
  private final SheetReader reader;
  private final Pausing pausing;
  private final ReadIn readIn;
  private final SyncPauses pauses;
  private final RowIndexes rowIndexes;
  private final WrittenCells base;
  private final Outbox outbox;
  private final GoogleCalls calls;
  private final RunClock time;
  private final TransactionTemplate transactions;
  private final WriteBackProperties properties;
  private final QueueProperties queueProperties;

  WriteBack(
      SyncQueue queue,
      BatchPlanner planner,
      SheetWriter writer,
      SheetReader reader,
      Pausing pausing,
      ReadIn readIn,
      SyncPauses pauses,
      RowIndexes rowIndexes,
      WrittenCells base,
      Outbox outbox,
      GoogleCalls calls,
      RunClock time,
      TransactionTemplate transactions,
      WriteBackProperties properties,
      QueueProperties queueProperties,
      SheetsProperties sheetsProperties) {
    this.queue = queue;
    this.planner = planner;
    this.writer = writer;
    this.reader = reader;
    this.pausing = pausing;
    this.readIn = readIn;
    this.pauses = pauses;
    this.rowIndexes = rowIndexes;
    this.base = base;
    this.outbox = outbox;
    this.calls = calls;
    this.time = time;
    this.transactions = transactions;
    this.properties = properties;
    this.queueProperties = queueProperties;
    checkLimits(properties, queueProperties, sheetsProperties);
  }

  /**
   * A run can last {@code max-run-duration} plus one call in flight (retries and quota waits end at
   * the deadline); its leases must not expire meanwhile, or another instance would release and
   * write them a second time. The defaults keep a wide margin (3m + 40s against 10m).
   */
  static void checkLimits(WriteBackProperties run, QueueProperties queue, SheetsProperties sheets) {
    Duration longest =
        run.maxRunDuration().plus(sheets.connectTimeout()).plus(sheets.readTimeout());
    if (longest.compareTo(queue.lease()) >= 0) {
      throw new IllegalStateException(
          "sheetsync.writeback.max-run-duration ("
              + run.maxRunDuration()
              + ") plus one Sheets call's timeouts ("
              + sheets.connectTimeout().plus(sheets.readTimeout())
              + ") must stay below sheetsync.queue.lease ("
              + queue.lease()
              + "), so that a live run's leases never expire");
    }
  }

  /**
   * One run; returns when the queue has nothing due or a limit is reached. Never throws for
   * Google's errors.
   */
  public RunResult runOnce() {
    long start = time.nanos();
    long deadline = time.deadline(properties.maxRunDuration());
    long retriesBefore = calls.retries();
    int reset = queue.releaseExpiredLeases(queueProperties.lease());
    Map<Outcome.Kind, Integer> counts = new EnumMap<>(Outcome.Kind.class);
    int batches = 0;
    String stoppedBy = null;
    Tabs tabs = null;
    Set<SyncModel> waiting = new HashSet<>();
    List<Pause> openAtStart = pauses.open();
    boolean pausesOpen = !openAtStart.isEmpty();
    try {
      if (pausesOpen) {
        // Something was wrong last time: look before claiming, so a fixed sheet resumes now and an
        // unfixed one costs two reads and no claims.
        tabs = reader.look(deadline);
        pausing.seen(reader.read(tabs, List.of(), deadline));
      }
    } catch (GoogleCallException e) {
      stoppedBy = stop(e);
    }
    waiting.addAll(pauses.waitingModels(pausesOpen ? pauses.open() : openAtStart));
    if (stoppedBy == null && waiting.size() < SyncModel.values().length) {
      try {
        // People's edits first: what they typed reaches the records (and the queue) before the
        // write-back writes, so it is never overwritten by an older value.
        tabs = tabs == null ? reader.look(deadline) : tabs;
        readIn.run(tabs, waiting, deadline);
      } catch (GoogleCallException e) {
        if (e.pausesSpreadsheet() || e.outOfBudget()) {
          stoppedBy = stop(e);
        } else {
          // Writing stays safe without it: the write's edit check holds two-way cells people
          // changed, and the next run reads them in.
          log.warn("Read-in from the sheet skipped this run: {}", e.getMessage());
        }
      }
      // A record imported from a typed row waits for its id to be in that row (a later run writes
      // it), so its CREATE finds the row instead of appending a copy.
      waiting.addAll(readIn.waitingForImports());
    }
    while (stoppedBy == null && batches < properties.maxBatches() && time.nanos() < deadline) {
      List<QueueItem> items = queue.claim(properties.claimSize(batches), waiting);
      if (items.isEmpty()) {
        break;
      }
      batches++;
      List<RecordWork> work = planner.plan(items);
      BatchWrite written;
      try {
        tabs = tabs == null ? reader.look(deadline) : tabs;
        written = writer.write(work, tabs, deadline);
      } catch (GoogleCallException e) {
        List<RecordWork> open = work.stream().filter(RecordWork::open).toList();
        written = SheetWriter.stopOrFail(open, open, e, null);
      }
      if (written.sheet() != null) {
        tabs = written.sheet().tabs();
        // Pause bookkeeping costs statements only while something is or was paused this run.
        pausesOpen |= !written.sheet().problems().isEmpty();
        if (pausesOpen) {
          pausing.seen(written.sheet());
        }
        written.sheet().problems().keySet().forEach(t -> waiting.add(t.model()));
      }
      List<Outcome> outcomes = work.stream().flatMap(r -> r.outcomes().stream()).toList();
      record(work, outcomes, written);
      outcomes.forEach(o -> counts.merge(o.kind(), 1, Integer::sum));
      if (written.stop() != null) {
        stoppedBy = stop(written.stop());
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
            Duration.ofNanos(time.nanos() - start).toMillis(),
            stoppedBy);
    if (batches > 0 || reset > 0) {
      log.info("Write-back run: {}", result);
    }
    return result;
  }

  /** Why the run stopped; a spreadsheet-level error pauses the spreadsheet. */
  private String stop(GoogleCallException e) {
    if (e.pausesSpreadsheet()) {
      pausing.spreadsheetUnusable(e);
    }
    log.warn("Write-back stopped early: {}", e.getMessage());
    return e.pausesSpreadsheet() ? "paused: " + e.getMessage() : e.getMessage();
  }

  /**
   * Outcomes, row numbers, the written-values base and repairs commit together, in a transaction of
   * their own.
   */
  private void record(List<RecordWork> work, List<Outcome> outcomes, BatchWrite written) {
    transactions.executeWithoutResult(
        tx -> {
          rowIndexes.store(work.stream().filter(r -> r.written() && !r.deletes()).toList());
          base.store(work.stream().filter(RecordWork::written).map(RecordWork::newBase).toList());
          queue.record(outcomes);
          if (!written.repairs().isEmpty()) {
            log.warn(
                "Rewriting {} records whose rows were moved during the run",
                written.repairs().size());
            // Written whole next time (formulas included): their row may be a copy of ours, or
            // hold values of another record.
            rowIndexes.forget(written.repairs());
            outbox.record(
                written.repairs().stream()
                    .map(
                        r -> new Change(SyncAction.UPDATE, r.model(), r.recordId(), null, Map.of()))
                    .toList());
          }
        });
  }
}
