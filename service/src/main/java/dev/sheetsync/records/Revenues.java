package dev.sheetsync.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The revenues table; writes only through {@link RecordChanges}. */
@Repository
class Revenues {

  private static final String SELECT =
      """
      select v.id, v.request_id, r.booking_code, v.payment_date, v.amount, v.method,
             v.reference, v.notes, v.sheet_row_index, v.created_at, v.updated_at, v.updated_by
        from revenues v
        join requests r on r.id = v.request_id
      """;

  private static final String FILTER =
      """
       where (cast(:requestId as uuid) is null or v.request_id = cast(:requestId as uuid))
         and (cast(:method as text) is null or v.method = cast(:method as text))
      """;

  private static final String LIST =
      SELECT + FILTER + " order by v.created_at desc, v.id limit :limit offset :offset";

  private static final String COUNT = "select count(*) from revenues v" + FILTER;

  private static final String FIND = SELECT + " where v.id = :id";

  private static final String FIND_FOR_UPDATE = SELECT + " where v.id = :id for update of v";

  private static final String IDS_BY_REQUEST =
      "select id from revenues where request_id = :requestId order by created_at, id";

  private static final String INSERT =
      """
      insert into revenues (id, request_id, payment_date, amount, method, reference, notes,
                            created_at, updated_at,
                            updated_by)
      values (:id, :requestId, :paymentDate, :amount, :method, :reference, :notes, :now, :now, :by)
      """;

  private static final String UPDATE =
      """
      update revenues
         set request_id = :requestId, payment_date = :paymentDate, amount = :amount,
             method = :method, reference = :reference, notes = :notes, updated_at = :now,
             updated_by = :by
       where id = :id
      """;

  private static final String DELETE = "delete from revenues where id = :id";

  private final JdbcClient jdbc;

  Revenues(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Filter(UUID requestId, PaymentMethod method) {}

  List<RevenueView> list(Filter filter, long offset, int limit) {
    return filtered(jdbc.sql(LIST), filter)
        .param("offset", offset)
        .param("limit", limit)
        .query(Revenues::view)
        .list();
  }

  long count(Filter filter) {
    return filtered(jdbc.sql(COUNT), filter).query(Long.class).single();
  }

  Optional<RevenueView> find(UUID id) {
    return jdbc.sql(FIND).param("id", id).query(Revenues::view).optional();
  }

  Optional<RevenueView> findForUpdate(UUID id) {
    return jdbc.sql(FIND_FOR_UPDATE).param("id", id).query(Revenues::view).optional();
  }

  List<UUID> idsByRequest(UUID requestId) {
    return jdbc.sql(IDS_BY_REQUEST).param("requestId", requestId).query(UUID.class).list();
  }

  void insert(UUID id, RevenueInput in, OffsetDateTime now, UUID by) {
    bind(jdbc.sql(INSERT), in).param("id", id).param("now", now).param("by", by).update();
  }

  void update(UUID id, RevenueInput in, OffsetDateTime now, UUID by) {
    bind(jdbc.sql(UPDATE), in).param("id", id).param("now", now).param("by", by).update();
  }

  void delete(UUID id) {
    jdbc.sql(DELETE).param("id", id).update();
  }

  static RevenueInput toInput(RevenueView v) {
    return new RevenueInput(
        v.requestId(), v.paymentDate(), v.amount(), v.method(), v.reference(), v.notes());
  }

  private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec sql, Filter f) {
    return sql.param("requestId", f.requestId())
        .param("method", f.method() == null ? null : f.method().name());
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, RevenueInput in) {
    return sql.param("requestId", in.requestId())
        .param("paymentDate", in.paymentDate())
        .param("amount", in.amount())
        .param("method", in.method().name())
        .param("reference", in.reference())
        .param("notes", in.notes());
  }

  private static RevenueView view(ResultSet rs, int row) throws SQLException {
    return new RevenueView(
        rs.getObject("id", UUID.class),
        rs.getObject("request_id", UUID.class),
        rs.getString("booking_code"),
        rs.getObject("payment_date", LocalDate.class),
        rs.getBigDecimal("amount"),
        PaymentMethod.valueOf(rs.getString("method")),
        rs.getString("reference"),
        rs.getString("notes"),
        Sql.nullableInt(rs, "sheet_row_index"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class),
        rs.getObject("updated_by", UUID.class));
  }
}
