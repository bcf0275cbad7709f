package dev.sheetsync.conflicts;

import dev.sheetsync.records.SyncModel;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The written-values base ({@code sheet_written_rows}): per record, the value sheetsync last wrote
 * to each cell it owns, as the sheet displays it. The write-back stores it in the transaction that
 * records the items' outcomes; everything that compares the sheet with the database reads it.
 * Thread-safe.
 */
@Component
public class WrittenCells {

  private static final TypeReference<Map<String, String>> CELLS = new TypeReference<>() {};

  private static final String LOAD =
      """
      select record_id, cells, pending, deleted from sheet_written_rows
       where model = :model and record_id = any(cast(:ids as uuid[]))
      """;

  private static final String LOAD_ALL =
      """
      select record_id, cells, pending, deleted from sheet_written_rows where model = :model
      """;

  private static final String STORE =
      """
      insert into sheet_written_rows (model, record_id, cells, deleted)
      select :model, u.id, cast(u.cells as jsonb), u.deleted
        from unnest(cast(:ids as uuid[]), cast(:cells as text[]), cast(:deleted as boolean[]))
             as u(id, cells, deleted)
      on conflict (model, record_id) do update
         set cells = sheet_written_rows.cells || excluded.cells,
             pending = null,
             deleted = excluded.deleted,
             written_at = now()
      """;

  /** Before a write: what it will put in each row, kept until the outcome confirms it. */
  private static final String STAGE =
      """
      insert into sheet_written_rows (model, record_id, cells, pending)
      select :model, u.id, '{}', cast(u.cells as jsonb)
        from unnest(cast(:ids as uuid[]), cast(:cells as text[])) as u(id, cells)
      on conflict (model, record_id) do update
         set pending = coalesce(sheet_written_rows.pending, '{}') || excluded.pending
      """;

  private static final String ACKNOWLEDGE =
      """
      insert into sheet_written_rows (model, record_id, cells)
      values (:model, :id, jsonb_build_object(cast(:header as text), cast(:shown as text)))
      on conflict (model, record_id) do update
         set cells = sheet_written_rows.cells || excluded.cells
      """;

  /** Only some cells of every live row: PostgreSQL trims the json, Java parses little. */
  private static final String CELLS_OF =
      """
      select record_id,
             (select coalesce(jsonb_object_agg(key, value), '{}')
                from jsonb_each_text(cells) where key = any(cast(:headers as text[]))) as cells,
             (select coalesce(jsonb_object_agg(key, value), '{}')
                from jsonb_each_text(coalesce(pending, '{}'))
               where key = any(cast(:headers as text[]))) as pending
        from sheet_written_rows
       where model = :model and not deleted
      """;

  private final JdbcClient jdbc;
  private final JsonMapper json;

  WrittenCells(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The base of these records; a record sheetsync never wrote is absent. */
  public Map<UUID, WrittenRow> load(SyncModel model, Collection<UUID> ids) {
    Map<UUID, WrittenRow> rows = new HashMap<>();
    if (ids.isEmpty()) {
      return rows;
    }
    jdbc.sql(LOAD)
        .param("model", model.dbName())
        .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
        .query(
            rs -> {
              rows.put(rs.getObject("record_id", UUID.class), row(rs));
            });
    return rows;
  }

  /** Every base row of {@code model}, streamed (for reading a whole tab). */
  public void forEach(SyncModel model, BiConsumer<UUID, WrittenRow> each) {
    jdbc.sql(LOAD_ALL)
        .param("model", model.dbName())
        .query(
            rs -> {
              each.accept(rs.getObject("record_id", UUID.class), row(rs));
            });
  }

  /** The base of {@code headers} for every live record of {@code model} sheetsync wrote. */
  public Map<UUID, WrittenRow> cellsOf(SyncModel model, Collection<String> headers) {
    Map<UUID, WrittenRow> rows = new HashMap<>();
    jdbc.sql(CELLS_OF)
        .param("model", model.dbName())
        .param("headers", headers.toArray(String[]::new))
        .query(
            rs -> {
              rows.put(
                  rs.getObject("record_id", UUID.class),
                  new WrittenRow(
                      json.readValue(rs.getString("cells"), CELLS),
                      json.readValue(rs.getString("pending"), CELLS),
                      false));
            });
    return rows;
  }

  /**
   * Stages what a batch is about to write, before it writes (its own transaction): if the process
   * dies after the write and before {@link #store}, the next run knows those values are its own.
   */
  public void stage(List<Written> writing) {
    byModel(writing.stream().filter(w -> !w.cells().isEmpty()).toList())
        .forEach(
            (model, rows) ->
                jdbc.sql(STAGE)
                    .param("model", model.dbName())
                    .param("ids", ids(rows))
                    .param("cells", cells(rows))
                    .update());
  }

  private WrittenRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
    String pending = rs.getString("pending");
    return new WrittenRow(
        json.readValue(rs.getString("cells"), CELLS),
        pending == null ? Map.of() : json.readValue(pending, CELLS),
        rs.getBoolean("deleted"));
  }

  /** Merges what a batch wrote, one statement per model; in the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void store(List<Written> written) {
    byModel(written)
        .forEach(
            (model, rows) ->
                jdbc.sql(STORE)
                    .param("model", model.dbName())
                    .param("ids", ids(rows))
                    .param("cells", cells(rows))
                    .param("deleted", rows.stream().map(Written::deleted).toArray(Boolean[]::new))
                    .update());
  }

  /** One statement per model: the rows grouped by model, in order. */
  private static Map<SyncModel, List<Written>> byModel(List<Written> rows) {
    Map<SyncModel, List<Written>> byModel = new LinkedHashMap<>();
    rows.forEach(w -> byModel.computeIfAbsent(w.model(), m -> new java.util.ArrayList<>()).add(w));
    return byModel;
  }

  private static String[] ids(List<Written> rows) {
    return rows.stream().map(w -> w.recordId().toString()).toArray(String[]::new);
  }

  private String[] cells(List<Written> rows) {
    return rows.stream().map(w -> json.writeValueAsString(w.cells())).toArray(String[]::new);
  }

  /**
   * Takes {@code shown} as what sheetsync last wrote under {@code header}: a person's edit that was
   * dealt with (a resolved conflict, an adopted row) is no longer a difference.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void acknowledge(SyncModel model, UUID recordId, String header, String shown) {
    jdbc.sql(ACKNOWLEDGE)
        .param("model", model.dbName())
        .param("id", recordId)
        .param("header", header)
        .param("shown", shown == null ? "" : shown)
        .update();
  }
}
