package dev.sheetsync.queue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the sync log. Rows are written with the queue outcomes ({@link SyncQueue#record}), one per
 * item.
 */
@Service
public class SyncLog {

  /**
   * The queue item of each row (found by primary key, so 20 look-ups) names the model the way the
   * queue does and carries the booking code and customer; it is gone once the cleanup removed the
   * completed item (after {@code completed-retention}), and then the row stands alone. Booking code
   * and customer are read from the payload as {@link QueueReports#RECENT_FAILED} reads them.
   */
  static final String RECENT_WRITE_BACKS =
      """
      select l.id, l.queue_item_id, q.model, l.sheet_name, l.action, l.record_id,
             coalesce(q.payload ->> 'bookingCode', q.payload ->> 'request.bookingCode')
                 as booking_code,
             coalesce(q.payload ->> 'customerName', q.payload ->> 'request.customerName')
                 as customer,
             l.row_index, l.status, l.error_message, l.synced_at
        from sync_log l
        left join sync_queue q on q.id = l.queue_item_id
       where l.action like 'WRITE\\_BACK%'
       order by l.synced_at desc, l.id desc
       limit :limit
      """;

  static final String LAST_PROCESSED =
      """
      select max(synced_at) from sync_log where action like 'WRITE\\_BACK%'
      """;

  /** Write-back rows store their action as {@code WRITE_BACK_CREATE}; shown as {@code CREATE}. */
  private static final String WRITE_BACK_PREFIX = "WRITE_BACK_";

  private final JdbcClient jdbc;

  SyncLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The latest write-back log rows (actions {@code WRITE_BACK_*}), newest first. */
  public List<SyncLogEntry> recentWriteBackLogs(int limit) {
    return jdbc.sql(RECENT_WRITE_BACKS)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new SyncLogEntry(
                    rs.getLong("id"),
                    rs.getObject("queue_item_id", Long.class),
                    rs.getString("model"),
                    rs.getString("sheet_name"),
                    action(rs.getString("action")),
                    rs.getString("record_id"),
                    rs.getString("booking_code"),
                    rs.getString("customer"),
                    rs.getObject("row_index", Integer.class),
                    rs.getString("status"),
                    rs.getString("error_message"),
                    rs.getObject("synced_at", OffsetDateTime.class)))
        .list();
  }

  /** When the write-back last recorded an outcome, if ever. */
  public Optional<OffsetDateTime> lastProcessed() {
    return jdbc.sql(LAST_PROCESSED).query(OffsetDateTime.class).optional();
  }

  /**
   * {@link #lastProcessed()} read off rows just returned by {@link #recentWriteBackLogs} with a
   * limit of at least 1: the same rows, newest first, so the first one's time is the latest (and
   * none means never), without asking the database again.
   */
  public static Optional<OffsetDateTime> lastProcessed(List<SyncLogEntry> recentWriteBackLogs) {
    return recentWriteBackLogs.stream().findFirst().map(SyncLogEntry::syncedAt);
  }

  private static String action(String stored) {
    return stored.startsWith(WRITE_BACK_PREFIX)
        ? stored.substring(WRITE_BACK_PREFIX.length())
        : stored;
  }
}
