package dev.sheetsync.writeback;

import dev.sheetsync.conflicts.Conflicts;
import dev.sheetsync.conflicts.WrittenCells;
import dev.sheetsync.conflicts.WrittenRow;
import dev.sheetsync.queue.QueueItem;
import dev.sheetsync.records.RecordSnapshot;
import dev.sheetsync.records.RecordSnapshots;
import dev.sheetsync.records.SyncAction;
import dev.sheetsync.records.SyncModel;
import dev.sheetsync.sheets.ColumnLayout;
import dev.sheetsync.sheets.DeletePolicy;
import dev.sheetsync.sheets.OnEdit;
import dev.sheetsync.sheets.RowMapper;
import dev.sheetsync.sheets.RowMappingException;
import dev.sheetsync.sheets.RowMode;
import dev.sheetsync.sheets.SheetLayouts;
import dev.sheetsync.sheets.TabLayout;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The database side of a batch: coalesces the items per record, loads every record it needs with
 * one query per model, and settles what needs no sheet (moot items, deleted records, values that
 * cannot be written, tabs that ignore deletes). Also loads what sheetsync last wrote into each row
 * (the base people's edits are found against) and which cells it must leave alone (an OPEN conflict
 * in an {@code on-edit: keep} column). A constant number of queries per batch.
 */
@Component
class BatchPlanner {

  private final SheetLayouts layouts;
  private final RecordSnapshots snapshots;
  private final RowIndexes rowIndexes;
  private final RowMapper mapper;
  private final WrittenCells base;
  private final Conflicts conflicts;

  BatchPlanner(
      SheetLayouts layouts,
      RecordSnapshots snapshots,
      RowIndexes rowIndexes,
      RowMapper mapper,
      WrittenCells base,
      Conflicts conflicts) {
    this.layouts = layouts;
    this.snapshots = snapshots;
    this.rowIndexes = rowIndexes;
    this.mapper = mapper;
    this.base = base;
    this.conflicts = conflicts;
  }

  List<RecordWork> plan(List<QueueItem> items) {
    Map<SyncModel, Map<UUID, List<QueueItem>>> grouped = new EnumMap<>(SyncModel.class);
    for (QueueItem item : items) {
      grouped
          .computeIfAbsent(item.model(), m -> new LinkedHashMap<>())
          .computeIfAbsent(item.recordId(), id -> new ArrayList<>())
          .add(item);
    }
    List<RecordWork> work = new ArrayList<>();
    List<RecordWork> missing = new ArrayList<>();
    grouped.forEach(
        (model, byRecord) -> {
          List<RecordWork> records = new ArrayList<>();
          byRecord.forEach(
              (id, list) -> records.add(new RecordWork(layouts.forModel(model), id, list)));
          Set<UUID> toLoad =
              records.stream().filter(r -> !r.deletes()).map(r -> r.id).collect(Collectors.toSet());
          Map<UUID, RecordSnapshot> loaded = snapshots.load(model, toLoad);
          Map<UUID, WrittenRow> written = base.load(model, byRecord.keySet());
          Set<String> kept = keptCells(records.get(0).tab, toLoad);
          for (RecordWork record : records) {
            record.snapshot = loaded.get(record.id);
            record.base = written.get(record.id);
            for (ColumnLayout column : record.tab.columns()) {
              if ((column.onEdit() == OnEdit.KEEP || column.readsIn())
                  && kept.contains(Conflicts.cell(record.id, column.header()))) {
                record.held.add(column.header());
              }
            }
            if (!record.deletes() && record.snapshot == null) {
              missing.add(record);
            }
          }
          work.addAll(records);
        });
    settleMissing(missing);
    work.forEach(this::settleWithoutSheet);
    return work;
  }

  /**
   * Cells of OPEN conflicts in on-edit keep columns and in two-way columns (a dispute holds the
   * cell as people left it): not written until resolved.
   */
  private Set<String> keptCells(TabLayout tab, Set<UUID> ids) {
    boolean anyKeep =
        tab.columns().stream().anyMatch(c -> c.onEdit() == OnEdit.KEEP || c.readsIn());
    return anyKeep ? conflicts.openCells(tab.model(), ids) : Set.of();
  }

  /**
   * A record that is gone although its last change is not a DELETE: with its DELETE among this
   * batch's items (a rewrite queued after it by a repair), the row is deleted; with its DELETE
   * queued behind (possibly claimed by another batch), the change is moot; without one, an error.
   */
  private void settleMissing(List<RecordWork> missing) {
    if (missing.isEmpty()) {
      return;
    }
    Set<UUID> deleted = rowIndexes.withQueuedDelete(missing.stream().map(r -> r.id).toList());
    for (RecordWork record : missing) {
      if (record.items.stream().anyMatch(i -> i.action() == SyncAction.DELETE)) {
        record.deletedInBatch = true; // its DELETE is here, followed by a rewrite: delete the row
      } else if (deleted.contains(record.id)) {
        record.skip("record deleted since; its DELETE is queued");
      } else {
        record.fail(record.tab.model().dbName() + " " + record.id + " not found", true);
      }
    }
  }

  private void settleWithoutSheet(RecordWork record) {
    if (!record.open()) {
      return;
    }
    if (record.deletes()) {
      if (record.tab.deletePolicy() == DeletePolicy.IGNORE) {
        record.skip("tab " + record.tab.tabName() + " ignores deletes");
      }
      return;
    }
    try {
      // Every source cell is formatted on append, so this finds any value that cannot be written.
      mapper.toRow(record.tab, record.snapshot, RowMapper.UNKNOWN_ROW, RowMode.APPEND);
    } catch (RowMappingException e) {
      record.fail(e.getMessage(), true);
    }
  }
}
