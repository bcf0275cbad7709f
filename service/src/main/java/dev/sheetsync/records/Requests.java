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

/**
 * The requests table. Package-private: only {@link RecordChanges} calls the write methods, so every
 * change is recorded in the outbox.
 */
@Repository
class Requests {

  private static final String SELECT =
      """
      select r.id, r.booking_code, r.customer_name, r.customer_phone, r.customer_email,
             r.destination, r.start_date, r.end_date, r.pax, r.total_price, r.currency, r.status,
             r.seller_id, u.name as seller_name, r.notes, r.staff_notes, r.sheet_row_index,
             r.created_at, r.updated_at, r.updated_by
        from requests r
        left join users u on u.id = r.seller_id
      """;

  /**
   * {@code q} matches booking code or customer name anywhere, ignoring case and accents ("nguyen"
   * finds "Nguyễn"). The expression is exactly the one {@code requests_search_idx} (trigram GIN)
   * indexes, so the search stays an index scan at 100,000 requests.
   */
  private static final String FILTER =
      """
       where (cast(:status as text) is null or r.status = cast(:status as text))
         and (cast(:sellerId as uuid) is null or r.seller_id = cast(:sellerId as uuid))
         and (cast(:q as text) is null
              or search_fold(r.booking_code || ' ' || r.customer_name)
                 like search_fold(cast(:q as text)))
         and (cast(:startFrom as date) is null or r.start_date >= cast(:startFrom as date))
         and (cast(:startTo as date) is null or r.start_date <= cast(:startTo as date))
      """;

  private static final String LIST =
      SELECT + FILTER + " order by r.created_at desc, r.id limit :limit offset :offset";

  private static final String COUNT = "select count(*) from requests r" + FILTER;

  private static final String FIND = SELECT + " where r.id = :id";

  /** Locks the row: concurrent PATCHes apply one after the other, and no child sneaks in. */
  private static final String FIND_FOR_UPDATE = SELECT + " where r.id = :id for update of r";

  private static final String ID_BY_BOOKING_CODE =
      "select id from requests where booking_code = :code";

  private static final String BOOKING_CODE_TAKEN =
      """
      select exists(select 1 from requests
                     where booking_code = :code
                       and (cast(:id as uuid) is null or id <> cast(:id as uuid)))
      """;

  private static final String USER_EXISTS = "select exists(select 1 from users where id = :id)";

  private static final String IDS_BY_SELLER = "select id from requests where seller_id = :id";

  private static final String INSERT =
      """
      insert into requests (id, booking_code, customer_name, customer_phone, customer_email,
                            destination, start_date, end_date, pax, total_price, currency, status,
                            seller_id, notes, staff_notes, created_at, updated_at,
                            updated_by)
      values (:id, :bookingCode, :customerName, :customerPhone, :customerEmail,
              :destination, :startDate, :endDate, :pax, :totalPrice, :currency, :status,
              :sellerId, :notes, :staffNotes, :now, :now, :by)
      """;

  private static final String UPDATE =
      """
      update requests
         set booking_code = :bookingCode, customer_name = :customerName,
             customer_phone = :customerPhone, customer_email = :customerEmail,
             destination = :destination, start_date = :startDate, end_date = :endDate,
             pax = :pax, total_price = :totalPrice, currency = :currency, status = :status,
             seller_id = :sellerId, notes = :notes, staff_notes = :staffNotes, updated_at = :now,
             updated_by = :by
       where id = :id
      """;

  private static final String DELETE = "delete from requests where id = :id";

  private final JdbcClient jdbc;

  Requests(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Filter(
      RequestStatus status, UUID sellerId, String q, LocalDate startFrom, LocalDate startTo) {}

  List<RequestView> list(Filter filter, long offset, int limit) {
    return filtered(jdbc.sql(LIST), filter)
        .param("offset", offset)
        .param("limit", limit)
        .query(Requests::view)
        .list();
  }

  long count(Filter filter) {
    return filtered(jdbc.sql(COUNT), filter).query(Long.class).single();
  }

  Optional<RequestView> find(UUID id) {
    return jdbc.sql(FIND).param("id", id).query(Requests::view).optional();
  }

  Optional<RequestView> findForUpdate(UUID id) {
    return jdbc.sql(FIND_FOR_UPDATE).param("id", id).query(Requests::view).optional();
  }

  Optional<UUID> idByBookingCode(String code) {
    return jdbc.sql(ID_BY_BOOKING_CODE).param("code", code).query(UUID.class).optional();
  }

  boolean bookingCodeTaken(String code, UUID exceptId) {
    return jdbc.sql(BOOKING_CODE_TAKEN)
        .param("code", code)
        .param("id", exceptId)
        .query(Boolean.class)
        .single();
  }

  boolean userExists(UUID id) {
    return jdbc.sql(USER_EXISTS).param("id", id).query(Boolean.class).single();
  }

  List<UUID> idsBySeller(UUID sellerId) {
    return jdbc.sql(IDS_BY_SELLER).param("id", sellerId).query(UUID.class).list();
  }

  void insert(UUID id, RequestInput in, OffsetDateTime now, UUID by) {
    bind(jdbc.sql(INSERT), in).param("id", id).param("now", now).param("by", by).update();
  }

  void update(UUID id, RequestInput in, OffsetDateTime now, UUID by) {
    bind(jdbc.sql(UPDATE), in).param("id", id).param("now", now).param("by", by).update();
  }

  void delete(UUID id) {
    jdbc.sql(DELETE).param("id", id).update();
  }

  static RequestInput toInput(RequestView v) {
    return new RequestInput(
        v.bookingCode(),
        v.customerName(),
        v.customerPhone(),
        v.customerEmail(),
        v.destination(),
        v.startDate(),
        v.endDate(),
        v.pax(),
        v.totalPrice(),
        v.currency(),
        v.status(),
        v.sellerId(),
        v.notes(),
        v.staffNotes());
  }

  private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec sql, Filter f) {
    return sql.param("status", f.status() == null ? null : f.status().name())
        .param("sellerId", f.sellerId())
        .param("q", Sql.containsPattern(f.q()))
        .param("startFrom", f.startFrom())
        .param("startTo", f.startTo());
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, RequestInput in) {
    return sql.param("bookingCode", in.bookingCode())
        .param("customerName", in.customerName())
        .param("customerPhone", in.customerPhone())
        .param("customerEmail", in.customerEmail())
        .param("destination", in.destination())
        .param("startDate", in.startDate())
        .param("endDate", in.endDate())
        .param("pax", in.pax())
        .param("totalPrice", in.totalPrice())
        .param("currency", in.currency())
        .param("status", in.status().name())
        .param("sellerId", in.sellerId())
        .param("notes", in.notes())
        .param("staffNotes", in.staffNotes());
  }

  private static RequestView view(ResultSet rs, int row) throws SQLException {
    return new RequestView(
        rs.getObject("id", UUID.class),
        rs.getString("booking_code"),
        rs.getString("customer_name"),
        rs.getString("customer_phone"),
        rs.getString("customer_email"),
        rs.getString("destination"),
        rs.getObject("start_date", LocalDate.class),
        rs.getObject("end_date", LocalDate.class),
        rs.getInt("pax"),
        rs.getBigDecimal("total_price"),
        rs.getString("currency"),
        RequestStatus.valueOf(rs.getString("status")),
        rs.getObject("seller_id", UUID.class),
        rs.getString("seller_name"),
        rs.getString("notes"),
        rs.getString("staff_notes"),
        Sql.nullableInt(rs, "sheet_row_index"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class),
        rs.getObject("updated_by", UUID.class));
  }
}
