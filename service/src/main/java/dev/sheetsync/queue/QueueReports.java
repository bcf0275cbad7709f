package dev.sheetsync.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read-only views of the queue for the status endpoint and the admin console. */
@Component
class QueueReports {

  /**
   * Everything but the COMPLETED items older than {@code :since}: a week of completed items at the
   * default retention is a million rows, and counting them on every console load took most of a
   * second. The where clause lets PostgreSQL read only the status and completed-time indexes.
   */
  private static final String STATS =
      """
      select count(*) filter (where status = 'PENDING')                   as pending,
             count(*) filter (where status = 'PROCESSING')                as processing,
             count(*) filter (where status = 'COMPLETED')                 as completed_recently,
             count(*) filter (where status = 'FAILED')                    as failed,
             count(*) filter (where status = 'PENDING' and retries > 0)   as retrying,
             floor(extract(epoch from cast(:now as timestamptz) - min(created_at)
                   filter (where status = 'PENDING')))::bigint
                                                                         as oldest_waiting_age
        from sync_queue
       where status in ('PENDING', 'PROCESSING', 'FAILED')
          or (status = 'COMPLETED' and (processed_at >= :since or processed_at is null))
      """;

  /**
   * The older COMPLETED items change only when the cleanup (or a person) deletes some, which moves
   * the first or last of them: their count is kept with its first and last id and re-read when
   * either moved, when the hour changes, or after {@link #COUNT_MAX_AGE}.
   */
  private static final String COMPLETED_BEFORE =
      """
      select count(*) as n, min(id) as first_id, max(id) as last_id
        from sync_queue
       where status = 'COMPLETED' and processed_at < :since
      """;

  private static final String COMPLETED_BEFORE_BOUNDS =
      """
      select (select min(id) from sync_queue
               where status = 'COMPLETED' and processed_at < :since) as first_id,
             (select max(id) from sync_queue
               where status = 'COMPLETED' and processed_at < :since) as last_id
      """;

  /** Payload field names differ by model: a request's own, or its request's for the others. */
  static final String BOOKING_CODE =
      "coalesce(q.payload ->> 'bookingCode', q.payload ->> 'request.bookingCode')";

  static final String CUSTOMER =
      "coalesce(q.payload ->> 'customerName', q.payload ->> 'request.customerName')";

  private static final String RECENT_FAILED =
      """
      select q.id, q.model, q.action, q.record_id, %s as booking_code, %s as customer,
             q.last_error, q.retries, q.created_at
        from sync_queue q
       where q.status = 'FAILED'
       order by q.created_at desc, q.id desc
       limit :limit
      """
          .formatted(BOOKING_CODE, CUSTOMER);

  /** Items that failed at least once and wait for their next attempt, next due first. */
  private static final String WAITING =
      """
      select q.id, q.model, q.action, q.record_id, %s as booking_code, %s as customer,
             q.retries, q.next_attempt_at, q.last_error, q.created_at
        from sync_queue q
       where q.status = 'PENDING' and q.retries > 0
       order by q.next_attempt_at, q.id
       limit :limit
      """
          .formatted(BOOKING_CODE, CUSTOMER);

  static final Duration COUNT_MAX_AGE = Duration.ofMinutes(10);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final QueueProperties properties;
  private volatile CompletedBefore completedBefore;

  QueueReports(JdbcClient jdbc, Clock clock, QueueProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.properties = properties;
  }

  QueueStats stats() {
    OffsetDateTime now = QueueClaims.now(clock);
    OffsetDateTime since = now.truncatedTo(ChronoUnit.HOURS);
    long older = completedBefore(since);
    return jdbc.sql(STATS)
        .param("now", now)
        .param("since", since)
        .query(
            (rs, n) -> {
              long pending = rs.getLong("pending");
              long processing = rs.getLong("processing");
              long completed = rs.getLong("completed_recently") + older;
              long failed = rs.getLong("failed");
              return new QueueStats(
                  pending,
                  processing,
                  completed,
                  failed,
                  pending + processing + completed + failed,
                  rs.getObject("oldest_waiting_age", Long.class),
                  rs.getLong("retrying"));
            })
        .single();
  }

  private long completedBefore(OffsetDateTime since) {
    CompletedBefore known = completedBefore;
    Instant now = clock.instant();
    if (known != null
        && known.since().equals(since)
        && now.isBefore(known.readAt().plus(COUNT_MAX_AGE))) {
      boolean unchanged =
          jdbc.sql(COMPLETED_BEFORE_BOUNDS)
              .param("since", since)
              .query((rs, n) -> known.sameBounds(rs))
              .single();
      if (unchanged) {
        return known.count();
      }
    }
    CompletedBefore fresh =
        jdbc.sql(COMPLETED_BEFORE)
            .param("since", since)
            .query(
                (rs, n) ->
                    new CompletedBefore(
                        since,
                        rs.getLong("n"),
                        rs.getObject("first_id", Long.class),
                        rs.getObject("last_id", Long.class),
                        now))
            .single();
    completedBefore = fresh;
    return fresh.count();
  }

  List<FailedItem> recentFailed(int limit) {
    return jdbc.sql(RECENT_FAILED)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new FailedItem(
                    rs.getLong("id"),
                    SyncModel.fromDbName(rs.getString("model")),
                    SyncAction.valueOf(rs.getString("action")),
                    rs.getObject("record_id", UUID.class),
                    rs.getString("booking_code"),
                    rs.getString("customer"),
                    rs.getString("last_error"),
                    rs.getInt("retries"),
                    rs.getObject("created_at", OffsetDateTime.class)))
        .list();
  }

  List<WaitingItem> waiting(int limit) {
    return jdbc.sql(WAITING)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new WaitingItem(
                    rs.getLong("id"),
                    SyncModel.fromDbName(rs.getString("model")),
                    SyncAction.valueOf(rs.getString("action")),
                    rs.getObject("record_id", UUID.class),
                    rs.getString("booking_code"),
                    rs.getString("customer"),
                    rs.getInt("retries") + 1,
                    properties.maxRetries(),
                    rs.getObject("next_attempt_at", OffsetDateTime.class),
                    rs.getString("last_error"),
                    rs.getObject("created_at", OffsetDateTime.class)))
        .list();
  }

  /** The count of COMPLETED items completed before {@code since}, as last read. */
  private record CompletedBefore(
      OffsetDateTime since, long count, Long firstId, Long lastId, Instant readAt) {

    boolean sameBounds(ResultSet rs) throws SQLException {
      return Objects.equals(firstId, rs.getObject("first_id", Long.class))
          && Objects.equals(lastId, rs.getObject("last_id", Long.class));
    }
  }
}
