package dev.sheetsync.reconcile;

import dev.sheetsync.conflicts.WrittenCells;
import dev.sheetsync.pause.Pause;
import dev.sheetsync.pause.SyncPauses;
import dev.sheetsync.queue.QueuedRecords;
import dev.sheetsync.reconcile.ReconcileReport.PausedTab;
import dev.sheetsync.reconcile.ReconcileReport.Repaired;
import dev.sheetsync.records.RecordSnapshots;
import dev.sheetsync.records.SyncModel;
import dev.sheetsync.sheets.LiveTab;
import dev.sheetsync.sheets.RowMapper;
import dev.sheetsync.sheets.SheetLayouts;
import dev.sheetsync.sheets.TabLayout;
import dev.sheetsync.sheets.TabRef;
import dev.sheetsync.sheets.TabStructureException;
import dev.sheetsync.system.ClusterLock;
import dev.sheetsync.system.ClusterLock.Held;
import dev.sheetsync.writeback.TabReads;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compares every layout tab, read whole, with the database and the written-values base, and
 * optionally repairs what it found through the normal write path ({@link Repairs}).
 *
 * <p>It holds the write-back's cluster lock throughout, so a batch half-written by a run is never
 * judged (and no run writes while it reads). Sheets reads: one {@code spreadsheets.get} and one
 * {@code values.get} per tab compared; the sheet is read before any database transaction opens, and
 * each model's records and base rows are streamed in one read-only transaction. Memory holds one
 * tab's cells and a few bits per row. Thread-safe.
 */
@Service
public class Reconciler {

  /** Entries listed per kind in a report; the summary counts all. */
  public static final int LISTED = 1_000;

  /** What became of one reconcile. */
  public sealed interface Outcome {
    record Done(ReconcileReport report) implements Outcome {}

    /** A write-back run or another reconcile holds the lock; nothing was read or changed. */
    record Busy() implements Outcome {}

    /** Google refused a read for good; nothing was changed. */
    record Failed(String error) implements Outcome {}
  }

  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

  private final ClusterLock lock;
  private final TabReads reads;
  private final SheetLayouts layouts;
  private final SyncPauses pauses;
  private final QueuedRecords queued;
  private final WrittenCells written;
  private final RecordSnapshots snapshots;
  private final RowMapper mapper;
  private final Repairs repairs;
  private final ReconcileReports reports;
  private final TransactionTemplate readOnly;
  private final Clock clock;

  Reconciler(
      ClusterLock lock,
      TabReads reads,
      SheetLayouts layouts,
      SyncPauses pauses,
      QueuedRecords queued,
      WrittenCells written,
      RecordSnapshots snapshots,
      RowMapper mapper,
      Repairs repairs,
      ReconcileReports reports,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.lock = lock;
    this.reads = reads;
    this.layouts = layouts;
    this.pauses = pauses;
    this.queued = queued;
    this.written = written;
    this.snapshots = snapshots;
    this.mapper = mapper;
    this.repairs = repairs;
    this.reports = reports;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.clock = clock;
  }

  /**
   * Reconciles now on the calling thread; with {@code dryRun} false, also queues the repairs. The
   * report is stored ({@link ReconcileReports#last()}) and logged.
   *
   * @param trigger {@code manual}, {@code cron} or {@code schedule}, for the report and the log
   */
  public Outcome run(boolean dryRun, String trigger) {
    Optional<Held> held = lock.tryAcquire(ClusterLock.Name.WRITE_BACK);
    if (held.isEmpty()) {
      log.info("Reconcile (trigger={}) refused: a write-back run is going", trigger);
      return new Outcome.Busy();
    }
    try (Held ignored = held.get()) {
      OffsetDateTime startedAt = OffsetDateTime.now(clock);
      long start = System.nanoTime();
      Findings found = new Findings();
      int sheetsReads = compare(found);
      Repaired repaired = dryRun ? null : repairs.apply(found);
      ReconcileReport report =
          new ReconcileReport(
              found.summary(),
              listed(found.missing),
              listed(found.duplicates),
              listed(found.stale),
              listed(found.orphans),
              listed(found.edited),
              List.copyOf(found.paused),
              dryRun,
              repaired,
              trigger,
              startedAt,
              Duration.ofNanos(System.nanoTime() - start).toMillis(),
              sheetsReads);
      reports.store(report);
      log.info(
          "Reconcile (trigger={}, dryRun={}) in {} ms: {}{}{}",
          trigger,
          dryRun,
          report.durationMillis(),
          report.summary(),
          report.paused().isEmpty() ? "" : " paused=" + report.paused(),
          repaired == null ? "" : " repaired=" + repaired);
      return new Outcome.Done(report);
    } catch (TabReads.ReadFailed e) {
      log.warn("Reconcile (trigger={}) stopped: {}", trigger, e.getMessage());
      return new Outcome.Failed("Google Sheets: " + e.getMessage());
    }
  }

  /** Compares every tab that is not paused; returns the Sheets reads made. */
  private int compare(Findings found) throws TabReads.ReadFailed {
    List<TabLayout> wanted = new ArrayList<>();
    Map<SyncModel, String> paused = pausedTabs();
    for (TabLayout tab : layouts.tabs()) {
      String reason = paused.get(tab.model());
      if (reason == null) {
        wanted.add(tab);
      } else {
        found.paused.add(new PausedTab(tab.tabName(), reason));
      }
    }
    if (wanted.isEmpty()) {
      return 0;
    }
    Map<TabLayout, TabRef> refs = reads.tabs(wanted);
    int sheetsReads = 1;
    for (TabLayout layout : wanted) {
      TabRef ref = refs.get(layout);
      if (ref == null) {
        found.paused.add(
            new PausedTab(layout.tabName(), TabStructureException.missingTab(layout).getMessage()));
        continue;
      }
      List<List<Object>> sheet = reads.whole(ref);
      sheetsReads++;
      LiveTab tab;
      try {
        List<Object> header =
            sheet.size() >= layout.headerRow() ? sheet.get(layout.headerRow() - 1) : List.of();
        tab = LiveTab.locate(layout, ref.sheetId(), ref.title(), header);
      } catch (TabStructureException e) {
        found.paused.add(new PausedTab(layout.tabName(), e.getMessage()));
        continue;
      }
      compare(tab, sheet, found);
    }
    return sheetsReads;
  }

  /** Why each paused model's tab is left alone; every model while the spreadsheet is paused. */
  private Map<SyncModel, String> pausedTabs() {
    Map<SyncModel, String> paused = new EnumMap<>(SyncModel.class);
    for (Pause pause : pauses.open()) {
      if (pause.spreadsheetWide()) {
        for (SyncModel model : SyncModel.values()) {
          paused.put(model, "spreadsheet paused: " + pause.reason());
        }
      } else {
        paused.putIfAbsent(pause.model(), pause.reason());
      }
    }
    return paused;
  }

  private void compare(LiveTab tab, List<List<Object>> sheet, Findings found) {
    SyncModel model = tab.layout().model();
    Set<UUID> pending = queued.of(model);
    TabCheck check = new TabCheck(tab, sheet, pending, mapper, found);
    readOnly.executeWithoutResult(
        tx -> {
          written.forEach(model, check::base);
          snapshots.forEach(model, check::record);
        });
    check.finish();
  }

  private static <T> List<T> listed(List<T> all) {
    return List.copyOf(all.size() > LISTED ? all.subList(0, LISTED) : all);
  }
}
