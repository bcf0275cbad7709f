package dev.sheetsync.queue;

import dev.sheetsync.records.SyncAction;
import dev.sheetsync.records.SyncModel;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read-only views of the queue for the status endpoint and the admin console. */
@Component
class QueueReports {

  /**
   * Everything but the COMPLETED items older than {@code :since}: a week of completed items at the
   * default retention is a million rows, and counting them on every console load took most of a
   * second. One scalar subquery per figure, so that each reads only its own index range (the status
   * index, the completed-time index), whatever the planner thinks of an OR. The first and last id
   * of the older COMPLETED items come with the counts, so that a load which finds them where the
   * kept count left them (nearly every load) is this one statement.
   */
  static final String STATS =
      """
      select (select count(*) from sync_queue where status = 'PENDING')    as pending,
             (select count(*) from sync_queue where status = 'PROCESSING') as processing,
             (select count(*) from sync_queue where status = 'FAILED')     as failed,
             (select count(*) from sync_queue
               where status = 'PENDING' and retries > 0)                   as retrying,
             (select count(*) from sync_queue
               where status = 'COMPLETED' and processed_at >= :since)
           + (select count(*) from sync_queue
               where status = 'COMPLETED' and processed_at is null)       as completed_recently,
             floor(extract(epoch from now()
                   - (select min(created_at) from sync_queue where status = 'PENDING')))::bigint
                                                                           as oldest_waiting_age,
             (select id from sync_queue
               where status = 'COMPLETED' and processed_at < :since
               order by id limit 1)                                        as first_id,
             (select id from sync_queue
               where status = 'COMPLETED' and processed_at < :since
               order by id desc limit 1)                                   as last_id
      """;

  /**
   * The older COMPLETED items change only when the cleanup deletes some (the oldest first, which
   * moves the first of them) or a new hour adds the last hour's: their count is kept with its first
   * and last id, extended by the next hour's items when the hour changes, and counted afresh when
   * the first or last id moved otherwise (and once at startup).
   */
  static final String COMPLETED_BEFORE =
      """
      select count(*) as n, min(id) as first_id, max(id) as last_id
        from sync_queue
       where status = 'COMPLETED' and processed_at < :since
      """;

  static final String COMPLETED_BETWEEN =
      """
      select count(*) from sync_queue
       where status = 'COMPLETED' and processed_at >= :from and processed_at < :to
      """;

  /**
   * Payload field names differ by model: a request's own booking code and customer, or its
   * request's for the others ({@code request.bookingCode}); {@link #WAITING} and {@link
   * SyncLog#RECENT_WRITE_BACKS} read them the same way.
   */
  static final String RECENT_FAILED =
      """
      select q.id, q.model, q.action, q.record_id,
             coalesce(q.payload ->> 'bookingCode', q.payload ->> 'request.bookingCode')
                 as booking_code,
             coalesce(q.payload ->> 'customerName', q.payload ->> 'request.customerName')
                 as customer,
             q.last_error, q.retries, q.created_at
        from sync_queue q
       where q.status = 'FAILED'
       order by q.created_at desc, q.id desc
       limit :limit
      """;

  /** Items that failed at least once and wait for their next attempt, next due first. */
  static final String WAITING =
      """
      select q.id, q.model, q.action, q.record_id,
             coalesce(q.payload ->> 'bookingCode', q.payload ->> 'request.bookingCode')
                 as booking_code,
             coalesce(q.payload ->> 'customerName', q.payload ->> 'request.customerName')
                 as customer,
             q.retries, q.next_attempt_at, q.last_error, q.created_at
        from sync_queue q
       where q.status = 'PENDING' and q.retries > 0
       order by q.next_attempt_at, q.id
       limit :limit
      """;

  /** Any state: a DELETE already written still means the record is gone. */
  static final String QUEUED_DELETES =
      """
      select distinct record_id from sync_queue
       where action = 'DELETE' and record_id = any(cast(:ids as uuid[]))
      """;

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
    Counts counts =
        jdbc.sql(STATS)
            .param("since", since)
            .query(
                (rs, n) ->
                    new Counts(
                        rs.getLong("pending"),
                        rs.getLong("processing"),
                        rs.getLong("failed"),
                        rs.getLong("retrying"),
                        rs.getLong("completed_recently"),
                        rs.getObject("oldest_waiting_age", Long.class),
                        new CompletedBefore(
                            since,
                            -1,
                            rs.getObject("first_id", Long.class),
                            rs.getObject("last_id", Long.class))))
            .single();
    long completed = counts.completedRecently() + completedBefore(counts.completedBefore());
    return new QueueStats(
        counts.pending(),
        counts.processing(),
        completed,
        counts.failed(),
        counts.pending() + counts.processing() + completed + counts.failed(),
        counts.oldestWaitingAge(),
        counts.retrying());
  }

  /**
   * The count of COMPLETED items completed before {@code bounds.since()}, given their first and
   * last id as they are now.
   */
  private long completedBefore(CompletedBefore bounds) {
    OffsetDateTime since = bounds.since();
    CompletedBefore known = completedBefore;
    if (known != null && !known.since().isAfter(since)) {
      if (known.since().equals(since) && known.sameBounds(bounds)) {
        return known.count();
      }
      // A new hour: nothing was removed from the start (the cleanup removes the oldest first), so
      // only the items completed in the hours since the last count are added.
      if (known.since().isBefore(since) && Objects.equals(known.firstId(), bounds.firstId())) {
        long added =
            jdbc.sql(COMPLETED_BETWEEN)
                .param("from", known.since())
                .param("to", since)
                .query(Long.class)
                .single();
        CompletedBefore next =
            new CompletedBefore(since, known.count() + added, bounds.firstId(), bounds.lastId());
        completedBefore = next;
        return next.count();
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
                        rs.getObject("last_id", Long.class)))
            .single();
    completedBefore = fresh;
    return fresh.count();
  }

  List<DeadLetter> recentDeadLetters(int limit) {
    return jdbc.sql(RECENT_FAILED)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new DeadLetter(
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

  Set<UUID> withQueuedDelete(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.sql(QUEUED_DELETES)
            .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
            .query(UUID.class)
            .list());
  }

  /** What {@link #STATS} reads, before the older COMPLETED items are added. */
  private record Counts(
      long pending,
      long processing,
      long failed,
      long retrying,
      long completedRecently,
      Long oldestWaitingAge,
      CompletedBefore completedBefore) {}

  /** The count of COMPLETED items completed before {@code since}, with their first and last id. */
  private record CompletedBefore(OffsetDateTime since, long count, Long firstId, Long lastId) {

    boolean sameBounds(CompletedBefore other) {
      return Objects.equals(firstId, other.firstId) && Objects.equals(lastId, other.lastId);
    }
  }
}
