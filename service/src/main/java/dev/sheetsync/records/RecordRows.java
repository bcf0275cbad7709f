package dev.sheetsync.records;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whole-tab facts about the records, for the tools that work on a tab at once (resync, adopting an
 * existing sheet, the write-back): which records exist, in creation order, and where they sit in
 * the sheet (stored, forgotten, read). Row numbers are stored with plain SQL, as the write-back
 * stores its own: they are hints the write-back checks by key, and a change queued for each would
 * make the write-back chase its own tail. Thread-safe.
 */
@Component
public class RecordRows {

  private static final String IDS = "select id from %s order by created_at, id";

  private static final String STORE =
      """
      update %s t set sheet_row_index = u.row_index
        from unnest(cast(:ids as uuid[]), cast(:rows as integer[])) as u(id, row_index)
       where t.id = u.id and t.sheet_row_index is distinct from u.row_index
      """;

  private static final String FORGET =
      "update %s set sheet_row_index = null where id = any(cast(:ids as uuid[]))";

  private static final String STORED =
      """
      select id::text as id, sheet_row_index from %s
       where id = any(cast(:ids as uuid[])) and sheet_row_index is not null
      """;

  private final JdbcClient jdbc;

  RecordRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every record of {@code model}, oldest first (ties by id, so the order is stable). */
  public List<UUID> idsInCreationOrder(SyncModel model) {
    return jdbc.sql(IDS.formatted(table(model))).query(UUID.class).list();
  }

  /** Stores each record's sheet row (1-based); one statement, in the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void storeRows(SyncModel model, Map<UUID, Integer> rows) {
    if (rows.isEmpty()) {
      return;
    }
    List<Map.Entry<UUID, Integer>> entries = List.copyOf(rows.entrySet());
    jdbc.sql(STORE.formatted(table(model)))
        .param("ids", entries.stream().map(e -> e.getKey().toString()).toArray(String[]::new))
        .param("rows", entries.stream().map(Map.Entry::getValue).toArray(Integer[]::new))
        .update();
  }

  /**
   * Forgets these records' sheet rows, so that their next write finds the row by key; in the
   * caller's transaction.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void forgetRows(SyncModel model, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.sql(FORGET.formatted(table(model)))
        .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
        .update();
  }

  /**
   * The stored sheet row of each of these records that has one. Ids as text, as a sheet's key
   * column holds them; each must be a UUID.
   */
  public Map<String, Integer> storedRows(SyncModel model, Collection<String> ids) {
    Map<String, Integer> rows = new HashMap<>();
    if (ids.isEmpty()) {
      return rows;
    }
    jdbc.sql(STORED.formatted(table(model)))
        .param("ids", ids.toArray(String[]::new))
        .query(
            rs -> {
              rows.put(rs.getString("id"), rs.getInt("sheet_row_index"));
            });
    return rows;
  }

  private static String table(SyncModel model) {
    return switch (model) {
      case REQUEST -> "requests";
      case OPERATOR -> "operators";
      case REVENUE -> "revenues";
    };
  }
}
