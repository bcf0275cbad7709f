package dev.sheetsync.queue;

import dev.sheetsync.records.SyncAction;
import dev.sheetsync.records.SyncModel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Claims due items. Each claim is one statement that commits on its own. */
@Component
class QueueClaims {

  /**
   * Locks the oldest due PENDING rows that no one else holds (SKIP LOCKED: concurrent claimers take
   * disjoint sets instead of waiting for each other) and marks them PROCESSING in the same
   * statement. The CTE is MATERIALIZED so the LIMIT is evaluated exactly once. "Due" is judged by
   * the database's clock, the one that stamped {@code next_attempt_at} (column default) and the one
   * every instance shares: a service whose clock drifts behind would otherwise leave new changes
   * waiting for the drift, answering success with nothing processed.
   */
  private static final String CLAIM =
      """
      with due as materialized (
          select id from sync_queue
           where status = 'PENDING' and next_attempt_at <= now()
             and model <> all(cast(:waiting as text[]))
           order by next_attempt_at, id
           limit :n
             for update skip locked)
      update sync_queue q
         set status = 'PROCESSING', claimed_at = now()
        from due
       where q.id = due.id
      returning q.id, q.action, q.model, q.record_id, q.sheet_row_index, q.payload::text as payload,
                q.retries, q.created_at, q.claimed_at
      """;

  private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  QueueClaims(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  List<QueueItem> claim(int n, Set<SyncModel> waiting) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be positive: " + n);
    }
    return jdbc
        .sql(CLAIM)
        .param("n", n)
        .param("waiting", waiting.stream().map(SyncModel::dbName).toArray(String[]::new))
        .query(this::map)
        .list()
        .stream()
        .sorted(Comparator.comparingLong(QueueItem::id))
        .toList();
  }

  private QueueItem map(ResultSet rs, int row) throws SQLException {
    int sheetRow = rs.getInt("sheet_row_index");
    Integer sheetRowIndex = rs.wasNull() ? null : sheetRow;
    return new QueueItem(
        rs.getLong("id"),
        SyncAction.valueOf(rs.getString("action")),
        SyncModel.fromDbName(rs.getString("model")),
        rs.getObject("record_id", UUID.class),
        sheetRowIndex,
        json.readValue(rs.getString("payload"), PAYLOAD),
        rs.getInt("retries"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("claimed_at", OffsetDateTime.class));
  }

  /**
   * The service clock's now at the database's precision, for reports that bucket by the service's
   * hours (the console's chart); queue comparisons use the database's {@code now()}.
   */
  static OffsetDateTime now(Clock clock) {
    return OffsetDateTime.now(clock)
        .withOffsetSameInstant(ZoneOffset.UTC)
        .truncatedTo(ChronoUnit.MICROS);
  }
}
