package dev.sheetsync.writeback;

import dev.sheetsync.records.SyncModel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows people typed into an {@code import-new-rows} tab that sheetsync imported or refused
 * ({@code sheet_row_imports}): found again by the tab's sheetId and the row's fingerprint, so that
 * a run that died after creating a record writes its id instead of creating a second one.
 */
@Repository
class SheetImports {

  /** What became of a typed row; see V53 for each status. */
  enum Status {
    PENDING,
    WRITTEN,
    REFUSED,
    GONE
  }

  /**
   * One import.
   *
   * @param recordId the created record; null for a refused row
   * @param conflictId the refused row's conflict; null otherwise
   * @param rowIndex 1-based row the typed row was read at
   */
  record Import(
      long id,
      SyncModel model,
      int sheetId,
      String fingerprint,
      Status status,
      UUID recordId,
      Long conflictId,
      int rowIndex) {}

  // The partial unique index makes a second insert of a live row a no-op: the caller rolls back the
  // record it created in the same transaction.
  private static final String INSERT =
      """
      insert into sheet_row_imports (model, sheet_id, fingerprint, status, record_id, conflict_id,
                                     row_index)
      values (:model, :sheetId, :fingerprint, :status, :recordId, :conflictId, :rowIndex)
      on conflict (sheet_id, fingerprint) where status in ('PENDING', 'REFUSED') do nothing
      """;

  private static final String LIVE =
      """
      select id, model, sheet_id, fingerprint, status, record_id, conflict_id, row_index
        from sheet_row_imports
       where sheet_id = :sheetId and status in ('PENDING', 'REFUSED')
      """;

  private static final String MOVE =
      """
      update sheet_row_imports set status = :status, row_index = :rowIndex, updated_at = now()
       where id = :id
      """;

  private static final String PENDING_MODELS =
      "select distinct model from sheet_row_imports where status = 'PENDING'";

  private final JdbcClient jdbc;

  SheetImports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a live import; false when the row was already imported or refused (by another run). */
  boolean insert(
      SyncModel model,
      int sheetId,
      String fingerprint,
      Status status,
      UUID recordId,
      Long conflictId,
      int rowIndex) {
    return jdbc.sql(INSERT)
            .param("model", model.dbName())
            .param("sheetId", sheetId)
            .param("fingerprint", fingerprint)
            .param("status", status.name())
            .param("recordId", recordId)
            .param("conflictId", conflictId)
            .param("rowIndex", rowIndex)
            .update()
        == 1;
  }

  /** The tab's PENDING and REFUSED imports. */
  List<Import> live(int sheetId) {
    return jdbc.sql(LIVE).param("sheetId", sheetId).query(SheetImports::map).list();
  }

  /** Sets an import's status and row. */
  void move(long id, Status status, int rowIndex) {
    jdbc.sql(MOVE)
        .param("id", id)
        .param("status", status.name())
        .param("rowIndex", rowIndex)
        .update();
  }

  /** Models with a record whose id is not yet in its typed row: their queue waits for it. */
  Set<SyncModel> pendingModels() {
    return jdbc.sql(PENDING_MODELS).query(String.class).list().stream()
        .map(SyncModel::fromDbName)
        .collect(Collectors.toSet());
  }

  static Set<String> fingerprints(Collection<Import> imports) {
    return imports.stream().map(Import::fingerprint).collect(Collectors.toSet());
  }

  private static Import map(ResultSet rs, int n) throws SQLException {
    long conflict = rs.getLong("conflict_id");
    Long conflictId = rs.wasNull() ? null : conflict;
    return new Import(
        rs.getLong("id"),
        SyncModel.fromDbName(rs.getString("model")),
        rs.getInt("sheet_id"),
        rs.getString("fingerprint"),
        Status.valueOf(rs.getString("status")),
        rs.getObject("record_id", UUID.class),
        conflictId,
        rs.getInt("row_index"));
  }
}
