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

  private static final String RECENT_WRITE_BACKS =
      """
      select id, queue_item_id, sheet_name, action, record_id, row_index, status, error_message,
             synced_at
        from sync_log
       where action like 'WRITE\\_BACK%'
       order by synced_at desc, id desc
       limit :limit
      """;

  private static final String LAST_PROCESSED =
      """
      select max(synced_at) from sync_log where action like 'WRITE\\_BACK%'
      """;

  /**
   * 24 hourly buckets ending with the database's current hour (UTC), empty hours included (zeros):
   * the clock that stamped {@code synced_at}.
   */
  private static final String HOURLY =
      """
      select h.hour,
             count(l.id)                                  as processed,
             count(l.id) filter (where l.status = 'SUCCESS') as succeeded,
             count(l.id) filter (where l.status = 'FAILED')  as failed
        from generate_series(date_trunc('hour', now(), 'UTC') - interval '23 hours',
                             date_trunc('hour', now(), 'UTC'), interval '1 hour') as h(hour)
        left join sync_log l
          on l.synced_at >= h.hour and l.synced_at < h.hour + interval '1 hour'
         and l.action like 'WRITE\\_BACK%'
       group by h.hour
       order by h.hour
      """;

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
                    rs.getString("sheet_name"),
                    rs.getString("action"),
                    rs.getString("record_id"),
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

  /** Outcomes per hour over the last 24 hours, oldest hour first, 24 entries. */
  public List<HourlyActivity> hourlyActivity() {
    return jdbc.sql(HOURLY)
        .query(
            (rs, n) ->
                new HourlyActivity(
                    rs.getObject("hour", OffsetDateTime.class)
                        .withOffsetSameInstant(java.time.ZoneOffset.UTC),
                    rs.getLong("processed"),
                    rs.getLong("succeeded"),
                    rs.getLong("failed")))
        .list();
  }
}
