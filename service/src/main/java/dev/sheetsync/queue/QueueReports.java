package dev.sheetsync.queue;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read-only views of the queue for the status endpoint and the admin console. */
@Component
class QueueReports {

  private static final String STATS =
      """
      select count(*) filter (where status = 'PENDING')    as pending,
             count(*) filter (where status = 'PROCESSING') as processing,
             count(*) filter (where status = 'COMPLETED')  as completed,
             count(*) filter (where status = 'FAILED')     as failed,
             count(*)                                      as total,
             floor(extract(epoch from now() - min(created_at)
                   filter (where status = 'PENDING' and next_attempt_at <= now())))::bigint
                                                           as oldest_pending_age
        from sync_queue
      """;

  private static final String RECENT_FAILED =
      """
      select id, model, action, record_id, last_error, retries, created_at
        from sync_queue
       where status = 'FAILED'
       order by created_at desc, id desc
       limit :limit
      """;

  private final JdbcClient jdbc;

  QueueReports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  QueueStats stats() {
    return jdbc.sql(STATS)
        .query(
            (rs, n) ->
                new QueueStats(
                    rs.getLong("pending"),
                    rs.getLong("processing"),
                    rs.getLong("completed"),
                    rs.getLong("failed"),
                    rs.getLong("total"),
                    rs.getObject("oldest_pending_age", Long.class)))
        .single();
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
                    rs.getString("last_error"),
                    rs.getInt("retries"),
                    rs.getObject("created_at", java.time.OffsetDateTime.class)))
        .list();
  }
}
