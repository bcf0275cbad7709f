package dev.sheetsync.writeback;

import dev.sheetsync.queue.SyncQueue;
import dev.sheetsync.records.RecordRows;
import dev.sheetsync.records.SyncModel;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Where the write-back's records sit in the sheet, stored by {@link RecordRows} (the records' own
 * write path would queue a change for each row number and the write-back would chase its own tail),
 * and which of them the queue deletes. One statement per model.
 */
@Component
class RowIndexes {

  private final RecordRows rows;
  private final SyncQueue queue;

  RowIndexes(RecordRows rows, SyncQueue queue) {
    this.rows = rows;
    this.queue = queue;
  }

  /**
   * Stores the rows of written records whose row changed; one statement per model at most, in the
   * caller's transaction.
   */
  void store(List<RecordWork> written) {
    Map<SyncModel, Map<UUID, Integer>> byModel =
        written.stream()
            .filter(
                r ->
                    r.snapshot != null
                        && !Integer.valueOf(r.row).equals(r.snapshot.sheetRowIndex()))
            .collect(
                Collectors.groupingBy(
                    r -> r.tab.model(),
                    Collectors.toMap(r -> UUID.fromString(r.key()), r -> r.row, (a, b) -> b)));
    byModel.forEach(rows::storeRows);
  }

  /**
   * Forgets these records' rows: their next write finds the row by key and writes it whole. In the
   * caller's transaction.
   */
  void forget(Collection<Repair> records) {
    records.stream()
        .collect(
            Collectors.groupingBy(
                Repair::model, Collectors.mapping(Repair::recordId, Collectors.toSet())))
        .forEach(rows::forgetRows);
  }

  /** The stored sheet row of each of these records that has one (ids as text). */
  Map<String, Integer> stored(SyncModel model, Collection<String> ids) {
    return rows.storedRows(model, ids);
  }

  /** Which of these records have a DELETE in the queue (in any state). */
  Set<UUID> withQueuedDelete(Collection<UUID> ids) {
    return queue.withQueuedDelete(ids);
  }
}
