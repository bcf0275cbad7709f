package dev.sheetsync.writeback;

import dev.sheetsync.records.SyncModel;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores where records were written, with plain SQL: the records' own write path would queue a
 * change for each row number and the write-back would chase its own tail. One statement per model.
 */
@Component
class RowIndexes {

  private static final Map<SyncModel, String> STORE =
      Map.of(
          SyncModel.REQUEST, store(table(SyncModel.REQUEST)),
          SyncModel.OPERATOR, store(table(SyncModel.OPERATOR)),
          SyncModel.REVENUE, store(table(SyncModel.REVENUE)));

  private static final String QUEUED_DELETES =
      """
      select distinct record_id from sync_queue
       where action = 'DELETE' and record_id = any(cast(:ids as uuid[]))
      """;

  private final JdbcClient jdbc;

  RowIndexes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static String store(String table) {
    return """
        update %s t set sheet_row_index = u.row_index
          from unnest(cast(:ids as uuid[]), cast(:rows as integer[])) as u(id, row_index)
         where t.id = u.id and t.sheet_row_index is distinct from u.row_index
        """
        .formatted(table);
  }

  /** Stores the rows of written records whose row changed; one statement per model at most. */
  void store(List<RecordWork> written) {
    Map<SyncModel, List<RecordWork>> byModel =
        written.stream()
            .filter(
                r ->
                    r.snapshot != null
                        && !Integer.valueOf(r.row).equals(r.snapshot.sheetRowIndex()))
            .collect(Collectors.groupingBy(r -> r.tab.model()));
    byModel.forEach(
        (model, records) ->
            jdbc.sql(STORE.get(model))
                .param("ids", records.stream().map(RecordWork::key).toArray(String[]::new))
                .param("rows", records.stream().map(r -> r.row).toArray(Integer[]::new))
                .update());
  }

  /** Forgets these records' rows: their next write finds the row by key and writes it whole. */
  void forget(Collection<Repair> records) {
    Map<SyncModel, List<String>> byModel =
        records.stream()
            .collect(
                Collectors.groupingBy(
                    Repair::model,
                    Collectors.mapping(r -> r.recordId().toString(), Collectors.toList())));
    byModel.forEach(
        (model, ids) ->
            jdbc.sql(
                    "update "
                        + table(model)
                        + " set sheet_row_index = null"
                        + " where id = any(cast(:ids as uuid[]))")
                .param("ids", ids.toArray(String[]::new))
                .update());
  }

  private static String table(SyncModel model) {
    return switch (model) {
      case REQUEST -> "requests";
      case OPERATOR -> "operators";
      case REVENUE -> "revenues";
    };
  }

  /** The stored sheet row of each of these records that has one (ids as text). */
  Map<String, Integer> stored(SyncModel model, Collection<String> ids) {
    Map<String, Integer> rows = new java.util.HashMap<>();
    if (ids.isEmpty()) {
      return rows;
    }
    jdbc.sql(
            "select id::text as id, sheet_row_index from "
                + table(model)
                + " where id = any(cast(:ids as uuid[])) and sheet_row_index is not null")
        .param("ids", ids.toArray(String[]::new))
        .query(
            rs -> {
              rows.put(rs.getString("id"), rs.getInt("sheet_row_index"));
            });
    return rows;
  }

  /** Which of these records have a DELETE in the queue (in any state). */
  Set<UUID> withQueuedDelete(Collection<UUID> ids) {
    return new HashSet<>(
        jdbc.sql(QUEUED_DELETES)
            .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
            .query(UUID.class)
            .list());
  }
}
