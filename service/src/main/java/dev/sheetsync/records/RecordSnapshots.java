package dev.sheetsync.records;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads records with their related fields in one query per model, whatever the number of ids.
 * Column aliases are the snapshot's field names, so adding a field is one line of SQL.
 */
@Component
public class RecordSnapshots {

  private static final String REQUESTS =
      """
      select r.id as record_uuid, r.sheet_row_index as record_row,
             r.id::text          as "id",
             r.booking_code      as "bookingCode",
             r.customer_name     as "customerName",
             r.customer_phone    as "customerPhone",
             r.customer_email    as "customerEmail",
             r.destination       as "destination",
             r.start_date        as "startDate",
             r.end_date          as "endDate",
             r.pax               as "pax",
             r.total_price       as "totalPrice",
             r.currency          as "currency",
             r.status            as "status",
             r.seller_id::text   as "sellerId",
             u.name              as "seller.name",
             u.email             as "seller.email",
             r.notes             as "notes",
             r.staff_notes       as "staffNotes",
             r.created_at        as "createdAt",
             r.updated_at        as "updatedAt"
        from requests r
        left join users u on u.id = r.seller_id
      """;

  private static final String OPERATORS =
      """
      select o.id as record_uuid, o.sheet_row_index as record_row,
             o.id::text          as "id",
             o.request_id::text  as "requestId",
             r.booking_code      as "request.bookingCode",
             r.customer_name     as "request.customerName",
             o.service_date      as "serviceDate",
             o.service_type      as "serviceType",
             o.supplier_name     as "supplierName",
             o.description       as "description",
             o.cost              as "cost",
             o.payment_status    as "paymentStatus",
             o.notes             as "notes",
             o.created_at        as "createdAt",
             o.updated_at        as "updatedAt"
        from operators o
        join requests r on r.id = o.request_id
      """;

  private static final String REVENUES =
      """
      select v.id as record_uuid, v.sheet_row_index as record_row,
             v.id::text          as "id",
             v.request_id::text  as "requestId",
             r.booking_code      as "request.bookingCode",
             r.customer_name     as "request.customerName",
             v.payment_date      as "paymentDate",
             v.amount            as "amount",
             v.method            as "method",
             v.reference         as "reference",
             v.notes             as "notes",
             v.created_at        as "createdAt",
             v.updated_at        as "updatedAt"
        from revenues v
        join requests r on r.id = v.request_id
      """;

  /** Rows fetched per round trip when streaming a whole model, so memory stays flat. */
  private static final int FETCH_SIZE = 1_000;

  /** The first two columns (raw id and row index) are bookkeeping, not snapshot fields. */
  private static final int FIRST_FIELD_COLUMN = 3;

  private final JdbcClient jdbc;

  RecordSnapshots(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The current state of each existing record among {@code ids}; missing ids are simply absent. */
  public Map<UUID, RecordSnapshot> load(SyncModel model, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    List<RecordSnapshot> rows =
        jdbc.sql(sqlFor(model) + " where " + alias(model) + ".id in (:ids)")
            .param("ids", List.copyOf(ids))
            .query((rs, n) -> map(model, rs))
            .list();
    return rows.stream()
        .collect(
            Collectors.toMap(
                RecordSnapshot::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }

  /**
   * Every record of {@code model}, streamed in no particular order. Streams only inside a
   * transaction (PostgreSQL's driver fetches by cursor only then); outside one it still works, with
   * the whole result in memory at once.
   */
  public void forEach(SyncModel model, Consumer<RecordSnapshot> each) {
    jdbc.sql(sqlFor(model))
        .withFetchSize(FETCH_SIZE)
        .query(
            rs -> {
              each.accept(map(model, rs));
            });
  }

  private static String alias(SyncModel model) {
    return switch (model) {
      case REQUEST -> "r";
      case OPERATOR -> "o";
      case REVENUE -> "v";
    };
  }

  private static String sqlFor(SyncModel model) {
    return switch (model) {
      case REQUEST -> REQUESTS;
      case OPERATOR -> OPERATORS;
      case REVENUE -> REVENUES;
    };
  }

  private static RecordSnapshot map(SyncModel model, ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = FIRST_FIELD_COLUMN; i <= meta.getColumnCount(); i++) {
      fields.put(meta.getColumnLabel(i), value(rs, i));
    }
    int row = rs.getInt("record_row");
    Integer sheetRow = rs.wasNull() ? null : row;
    return new RecordSnapshot(model, rs.getObject("record_uuid", UUID.class), sheetRow, fields);
  }

  private static Object value(ResultSet rs, int column) throws SQLException {
    Object value = rs.getObject(column);
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    if (value instanceof Timestamp ts) {
      return ts.toInstant().atOffset(ZoneOffset.UTC);
    }
    return value;
  }
}
