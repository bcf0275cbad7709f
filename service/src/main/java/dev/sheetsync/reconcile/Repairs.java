package dev.sheetsync.reconcile;

import dev.sheetsync.conflicts.ConflictDraft;
import dev.sheetsync.conflicts.Conflicts;
import dev.sheetsync.queue.Outbox;
import dev.sheetsync.reconcile.ReconcileReport.Cell;
import dev.sheetsync.reconcile.ReconcileReport.Finding;
import dev.sheetsync.reconcile.ReconcileReport.Repaired;
import dev.sheetsync.records.Change;
import dev.sheetsync.records.SyncAction;
import dev.sheetsync.records.SyncModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Repairs what a reconcile found, only through the normal write path and in one transaction: an
 * UPDATE queued for each missing, stale or copied record (the write-back makes the missing row,
 * rewrites the stale cells, and removes the copies of a record id, keeping the first row, whenever
 * it touches a tab that has some), a DELETE for each orphan of a deleted record (the write-back
 * applies the tab's delete policy to its row again), and a conflict for each edited cell. Ids that
 * never belonged to a record and rows without an id are never touched.
 */
@Component
class Repairs {

  private final Outbox outbox;
  private final Conflicts conflicts;
  private final TransactionTemplate transactions;

  Repairs(Outbox outbox, Conflicts conflicts, TransactionTemplate transactions) {
    this.outbox = outbox;
    this.conflicts = conflicts;
    this.transactions = transactions;
  }

  Repaired apply(Findings found) {
    Map<String, Change> updates = new LinkedHashMap<>();
    Stream.of(found.missing, found.stale, found.duplicates)
        .flatMap(List::stream)
        .forEach(
            f -> updates.putIfAbsent(f.model() + "/" + f.recordId(), change(SyncAction.UPDATE, f)));
    List<Change> deletes =
        found.orphansOfDeletedRecords().stream().map(f -> change(SyncAction.DELETE, f)).toList();
    List<ConflictDraft> drafts = new ArrayList<>();
    for (Finding f : found.edited) {
      for (Cell cell : f.cells()) {
        drafts.add(
            new ConflictDraft(
                SyncModel.fromDbName(f.model()),
                f.recordId(),
                f.tab(),
                cell.column(),
                f.rows().get(0),
                cell.writtenValue(),
                cell.sheetValue(),
                cell.databaseValue(),
                null,
                f.bookingCode(),
                f.customer()));
      }
    }
    transactions.executeWithoutResult(
        tx -> {
          outbox.record(List.copyOf(updates.values()));
          outbox.record(deletes);
          conflicts.record(drafts);
        });
    return new Repaired(updates.size(), deletes.size(), drafts.size());
  }

  private static Change change(SyncAction action, Finding f) {
    Integer row = f.rows().isEmpty() ? null : f.rows().get(0);
    return new Change(action, SyncModel.fromDbName(f.model()), f.recordId(), row, Map.of());
  }
}
