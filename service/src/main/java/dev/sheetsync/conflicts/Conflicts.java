package dev.sheetsync.conflicts;

import dev.sheetsync.records.SyncModel;
import dev.sheetsync.system.Page;
import dev.sheetsync.system.Paging;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The conflicts ({@code sync_conflicts}). At most one OPEN conflict per record and column: finding
 * the same edit again refreshes it (the person may have typed again) instead of adding one.
 * Thread-safe.
 */
@Component
public class Conflicts {

  private static final String COLUMNS =
      """
      id, model, record_id, tab, column_header, row_index, written_value, sheet_value,
      database_value, message, overwritten, booking_code, customer, detected_at, status, resolution,
      resolved_at, resolved_by
      """;

  private static final String RECORD =
      """
      insert into sync_conflicts (model, record_id, tab, column_header, row_index, written_value,
                                  sheet_value, database_value, message, overwritten, booking_code,
                                  customer)
      values (:model, :recordId, :tab, :column, :rowIndex, :written, :sheet, :database, :message,
              :overwritten, :bookingCode, :customer)
      on conflict (model, record_id, column_header) where status = 'OPEN' and record_id is not null
      do update set row_index = excluded.row_index, sheet_value = excluded.sheet_value,
                    database_value = excluded.database_value, message = excluded.message,
                    overwritten = excluded.overwritten
      returning (xmax = 0) as opened
      """;

  private static final String OPEN_CELLS =
      """
      select record_id, column_header from sync_conflicts
       where status = 'OPEN' and model = :model and record_id = any(cast(:ids as uuid[]))
      """;

  private static final String PAGE =
      "select "
          + COLUMNS
          + " from sync_conflicts where (cast(:status as text) is null or status = cast(:status as text))"
          + " order by id desc limit :limit offset :offset";

  private static final String COUNT =
      "select count(*) from sync_conflicts where (cast(:status as text) is null or status = cast(:status as text))";

  private static final String FIND = "select " + COLUMNS + " from sync_conflicts where id = :id";

  private static final String LOCK =
      "select " + COLUMNS + " from sync_conflicts where id = :id for update";

  private static final String RESOLVE =
      """
      update sync_conflicts set status = 'RESOLVED', resolution = :resolution,
             resolved_at = now(), resolved_by = :by
       where id = :id and status = 'OPEN'
      """;

  private final JdbcClient jdbc;

  Conflicts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores each draft, or refreshes the open conflict of its cell; returns how many are new. */
  public int record(Collection<ConflictDraft> drafts) {
    int opened = 0;
    for (ConflictDraft d : drafts) {
      boolean isNew =
          jdbc.sql(RECORD)
              .param("model", d.model().dbName())
              .param("recordId", d.recordId())
              .param("tab", d.tab())
              .param("column", d.column())
              .param("rowIndex", d.rowIndex())
              .param("written", d.writtenValue())
              .param("sheet", d.sheetValue())
              .param("database", d.databaseValue())
              .param("message", d.message())
              .param("overwritten", d.overwritten())
              .param("bookingCode", d.bookingCode())
              .param("customer", d.customer())
              .query(Boolean.class)
              .single();
      opened += isNew ? 1 : 0;
    }
    return opened;
  }

  /**
   * Opens a conflict that belongs to no record (a typed row refused by {@code import-new-rows}).
   *
   * @return its id
   */
  public long openForRow(ConflictDraft d) {
    if (d.recordId() != null) {
      throw new IllegalArgumentException("a row's conflict has no record");
    }
    return jdbc.sql(
            "insert into sync_conflicts (model, tab, column_header, row_index, sheet_value,"
                + " message, booking_code) values (:model, :tab, :column, :rowIndex, :sheet,"
                + " :message, :bookingCode) returning id")
        .param("model", d.model().dbName())
        .param("tab", d.tab())
        .param("column", d.column())
        .param("rowIndex", d.rowIndex())
        .param("sheet", d.sheetValue())
        .param("message", d.message())
        .param("bookingCode", d.bookingCode())
        .query(Long.class)
        .single();
  }

  /** Resolves an OPEN conflict people settled themselves (they changed or removed the row). */
  public void settled(long id, String resolution, String by) {
    resolve(id, resolution, by);
  }

  /** The cells of these records with an OPEN conflict, as {@code recordId + "/" + header}. */
  public Set<String> openCells(SyncModel model, Collection<UUID> ids) {
    Set<String> cells = new HashSet<>();
    if (ids.isEmpty()) {
      return cells;
    }
    jdbc.sql(OPEN_CELLS)
        .param("model", model.dbName())
        .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
        .query(
            rs -> {
              cells.add(cell(rs.getObject("record_id", UUID.class), rs.getString("column_header")));
            });
    return cells;
  }

  /** Every cell of {@code model} with an OPEN conflict, as {@code recordId + "/" + header}. */
  public Set<String> openCells(SyncModel model) {
    Set<String> cells = new HashSet<>();
    jdbc.sql(
            "select record_id, column_header from sync_conflicts"
                + " where status = 'OPEN' and model = :model and record_id is not null")
        .param("model", model.dbName())
        .query(
            rs -> {
              cells.add(cell(rs.getObject("record_id", UUID.class), rs.getString("column_header")));
            });
    return cells;
  }

  /** People typed again into a cell an OPEN conflict holds: it shows their latest value. */
  public void retyped(SyncModel model, UUID recordId, String header, String shown) {
    jdbc.sql(
            "update sync_conflicts set sheet_value = :shown, message = null"
                + " where status = 'OPEN' and model = :model and record_id = :id"
                + " and column_header = :header and sheet_value is distinct from :shown")
        .param("shown", shown)
        .param("model", model.dbName())
        .param("id", recordId)
        .param("header", header)
        .update();
  }

  /** The key of a cell in {@link #openCells}. */
  public static String cell(UUID recordId, String header) {
    return recordId + "/" + header;
  }

  /** The id of the OPEN conflict of a record's cell. */
  public long openId(SyncModel model, UUID recordId, String header) {
    return jdbc.sql(
            "select id from sync_conflicts where status = 'OPEN' and model = :model"
                + " and record_id = :id and column_header = :header")
        .param("model", model.dbName())
        .param("id", recordId)
        .param("header", header)
        .query(Long.class)
        .single();
  }

  /** Newest first; {@code status} null = all. */
  public Page<Conflict> page(String status, Paging paging) {
    List<Conflict> items =
        jdbc.sql(PAGE)
            .param("status", status)
            .param("limit", paging.size())
            .param("offset", paging.offset())
            .query(Conflicts::map)
            .list();
    long total = jdbc.sql(COUNT).param("status", status).query(Long.class).single();
    return Page.of(items, paging, total);
  }

  public Optional<Conflict> find(long id) {
    return jdbc.sql(FIND).param("id", id).query(Conflicts::map).optional();
  }

  /** The conflict, locked until the caller's transaction ends. */
  Optional<Conflict> lock(long id) {
    return jdbc.sql(LOCK).param("id", id).query(Conflicts::map).optional();
  }

  /**
   * Resolves the OPEN conflict of a record's cell, if any, as {@code resolution} by {@code by}:
   * people settled it themselves (the value they typed since was applied, or matches the record).
   */
  public void settled(SyncModel model, UUID recordId, String header, String resolution, String by) {
    jdbc.sql(
            "update sync_conflicts set status = 'RESOLVED', resolution = :resolution,"
                + " resolved_at = now(), resolved_by = :by"
                + " where status = 'OPEN' and model = :model and record_id = :id"
                + " and column_header = :header")
        .param("resolution", resolution)
        .param("by", by)
        .param("model", model.dbName())
        .param("id", recordId)
        .param("header", header)
        .update();
  }

  /** Marks an OPEN conflict resolved; false when it was not open. */
  boolean resolve(long id, String resolution, String by) {
    return jdbc.sql(RESOLVE)
            .param("id", id)
            .param("resolution", resolution)
            .param("by", by)
            .update()
        == 1;
  }

  private static Conflict map(ResultSet rs, int n) throws SQLException {
    int row = rs.getInt("row_index");
    Integer rowIndex = rs.wasNull() ? null : row;
    return new Conflict(
        rs.getLong("id"),
        rs.getString("model"),
        rs.getObject("record_id", UUID.class),
        rs.getString("tab"),
        rs.getString("column_header"),
        rowIndex,
        rs.getString("written_value"),
        rs.getString("sheet_value"),
        rs.getString("database_value"),
        rs.getString("message"),
        rs.getBoolean("overwritten"),
        rs.getString("booking_code"),
        rs.getString("customer"),
        rs.getObject("detected_at", OffsetDateTime.class),
        rs.getString("status"),
        rs.getString("resolution"),
        rs.getObject("resolved_at", OffsetDateTime.class),
        rs.getString("resolved_by"));
  }
}
