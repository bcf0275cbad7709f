package dev.sheetsync.reconcile;

import dev.sheetsync.reconcile.ReconcileReport.Finding;
import dev.sheetsync.reconcile.ReconcileReport.PausedTab;
import dev.sheetsync.reconcile.ReconcileReport.Summary;
import java.util.ArrayList;
import java.util.List;

/** Everything one reconcile found, all of it (the report lists a bounded part). Not thread-safe. */
final class Findings {

  int rows;
  int foreignRows;
  final List<Finding> missing = new ArrayList<>();
  final List<Finding> duplicates = new ArrayList<>();
  final List<Finding> stale = new ArrayList<>();
  final List<Finding> orphans = new ArrayList<>();
  final List<Finding> edited = new ArrayList<>();
  final List<PausedTab> paused = new ArrayList<>();

  Summary summary() {
    return new Summary(
        rows,
        missing.size(),
        duplicates.size(),
        stale.size(),
        orphans.size(),
        edited.size(),
        foreignRows);
  }

  /** Orphans that were records sheetsync wrote: the ones a repair deletes again. */
  List<Finding> orphansOfDeletedRecords() {
    return orphans.stream().filter(f -> TabCheck.DELETED_RECORD.equals(f.origin())).toList();
  }
}
