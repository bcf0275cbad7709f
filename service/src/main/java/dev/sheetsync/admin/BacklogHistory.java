package dev.sheetsync.admin;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many items were waiting at the end of each of the last 24 hours, reconstructed from the
 * queue's own timestamps (nothing records the backlog over time): an item was waiting at time t if
 * it was created before t and not completed by t. FAILED items are left out; they show as failed.
 * Completed items removed by the cleanup are older than the chart, so they cannot distort it.
 */
@Component
class BacklogHistory {

  private static final String BACKLOG =
      """
      select h.hour, count(q.id) as pending
        from generate_series(cast(:from as timestamptz), cast(:to as timestamptz),
                             interval '1 hour') as h(hour)
        left join sync_queue q
          on q.created_at < h.hour + interval '1 hour'
         and (q.status in ('PENDING', 'PROCESSING')
              or (q.status = 'COMPLETED' and q.processed_at >= h.hour + interval '1 hour'))
       group by h.hour
       order by h.hour
      """;

  private final JdbcClient jdbc;

  BacklogHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Backlog at the end of each hour from {@code from} to {@code to} inclusive, keyed by hour. */
  Map<OffsetDateTime, Long> hourly(OffsetDateTime from, OffsetDateTime to) {
    Map<OffsetDateTime, Long> backlog = new LinkedHashMap<>();
    List<Map.Entry<OffsetDateTime, Long>> rows =
        jdbc.sql(BACKLOG)
            .param("from", from)
            .param("to", to)
            .query(
                (rs, n) ->
                    Map.entry(
                        rs.getObject("hour", OffsetDateTime.class)
                            .withOffsetSameInstant(ZoneOffset.UTC),
                        rs.getLong("pending")))
            .list();
    rows.forEach(e -> backlog.put(e.getKey(), e.getValue()));
    return backlog;
  }
}
