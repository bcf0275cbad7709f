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

/** The operators table; writes only through {@link RecordChanges}. */
@Repository
class Operators {

  private static final String SELECT =
      """
      select o.id, o.request_id, r.booking_code, o.service_date, o.service_type, o.supplier_name,
             o.description, o.cost, o.payment_status, o.notes, o.sheet_row_index,
             o.created_at, o.updated_at, o.updated_by
        from operators o
        join requests r on r.id = o.request_id
      """;

  private static final String FILTER =
      """
       where (cast(:requestId as uuid) is null or o.request_id = cast(:requestId as uuid))
         and (cast(:paymentStatus as text) is null
              or o.payment_status = cast(:paymentStatus as text))
         and (cast(:serviceType as text) is null or o.service_type = cast(:serviceType as text))
      """;

  private static final String LIST =
      SELECT + FILTER + " order by o.created_at desc, o.id limit :limit offset :offset";

  private static final String COUNT = "select count(*) from operators o" + FILTER;

  private static final String FIND = SELECT + " where o.id = :id";

  private static final String FIND_FOR_UPDATE = SELECT + " where o.id = :id for update of o";

  private static final String IDS_BY_REQUEST =
      "select id from operators where request_id = :requestId order by created_at, id";

  private static final String INSERT =
      """
      insert into operators (id, request_id, service_date, service_type, supplier_name,
                             description, cost, payment_status, notes, created_at, updated_at,
                            updated_by)
      values (:id, :requestId, :serviceDate, :serviceType, :supplierName,
              :description, :cost, :paymentStatus, :notes, :now, :now, :by)
      """;

  private static final String UPDATE =
      """
      update operators
         set request_id = :requestId, service_date = :serviceDate, service_type = :serviceType,
             supplier_name = :supplierName, description = :description, cost = :cost,
             payment_status = :paymentStatus, notes = :notes, updated_at = :now,
             updated_by = :by
       where id = :id
      """;

  private static final String DELETE = "delete from operators where id = :id";

  private final JdbcClient jdbc;

  Operators(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Filter(UUID requestId, PaymentStatus paymentStatus, ServiceType serviceType) {}

  List<OperatorView> list(Filter filter, long offset, int limit) {
    return filtered(jdbc.sql(LIST), filter)
        .param("offset", offset)
        .param("limit", limit)
        .query(Operators::view)
        .list();
  }

  long count(Filter filter) {
    return filtered(jdbc.sql(COUNT), filter).query(Long.class).single();
  }

  Optional<OperatorView> find(UUID id) {
    return jdbc.sql(FIND).param("id", id).query(Operators::view).optional();
  }

  Optional<OperatorView> findForUpdate(UUID id) {
    return jdbc.sql(FIND_FOR_UPDATE).param("id", id).query(Operators::view).optional();
  }

  List<UUID> idsByRequest(UUID requestId) {
    return jdbc.sql(IDS_BY_REQUEST).param("requestId", requestId).query(UUID.class).list();
  }

  void insert(UUID id, OperatorInput in, OffsetDateTime now, UUID by) {
    bind(jdbc.sql(INSERT), in).param("id", id).param("now", now).param("by", by).update();
  }

  void update(UUID id, OperatorInput in, OffsetDateTime now, UUID by) {
    bind(jdbc.sql(UPDATE), in).param("id", id).param("now", now).param("by", by).update();
  }

  void delete(UUID id) {
    jdbc.sql(DELETE).param("id", id).update();
  }

  static OperatorInput toInput(OperatorView v) {
    return new OperatorInput(
        v.requestId(),
        v.serviceDate(),
        v.serviceType(),
        v.supplierName(),
        v.description(),
        v.cost(),
        v.paymentStatus(),
        v.notes());
  }

  private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec sql, Filter f) {
    return sql.param("requestId", f.requestId())
        .param("paymentStatus", f.paymentStatus() == null ? null : f.paymentStatus().name())
        .param("serviceType", f.serviceType() == null ? null : f.serviceType().name());
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, OperatorInput in) {
    return sql.param("requestId", in.requestId())
        .param("serviceDate", in.serviceDate())
        .param("serviceType", in.serviceType().name())
        .param("supplierName", in.supplierName())
        .param("description", in.description())
        .param("cost", in.cost())
        .param("paymentStatus", in.paymentStatus().name())
        .param("notes", in.notes());
  }

  private static OperatorView view(ResultSet rs, int row) throws SQLException {
    return new OperatorView(
        rs.getObject("id", UUID.class),
        rs.getObject("request_id", UUID.class),
        rs.getString("booking_code"),
        rs.getObject("service_date", LocalDate.class),
        ServiceType.valueOf(rs.getString("service_type")),
        rs.getString("supplier_name"),
        rs.getString("description"),
        rs.getBigDecimal("cost"),
        PaymentStatus.valueOf(rs.getString("payment_status")),
        rs.getString("notes"),
        Sql.nullableInt(rs, "sheet_row_index"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class),
        rs.getObject("updated_by", UUID.class));
  }
}
