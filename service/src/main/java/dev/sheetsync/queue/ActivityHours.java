package dev.sheetsync.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The console's last 24 hours: write-back outcomes per hour (from the sync log) and the items
 * waiting at the end of each hour (reconstructed from the queue's timestamps: created before the
 * hour's end and not completed by then; FAILED items show as failed, not waiting).
 *
 * <p>Computing all 24 hours on every load scanned a week of rows (15-21 s at a million queue and
 * log rows). A past hour cannot change once it has ended, so each one is computed once, by
 * whichever instance needs it first, and kept in {@code sync_activity_hours}; only the hours not
 * yet {@link #SETTLE settled} and the current one are computed on each load, and they read only the
 * latest rows through the indexes: once the past hours are stored, a load is one statement.
 */
@Component
class ActivityHours {

  /**
   * An outcome is stamped with the clock before its transaction commits; an hour is stored only
   * this long after its end, so that no outcome stamped inside it can still be in flight.
   */
  static final Duration SETTLE = Duration.ofMinutes(5);

  /**
   * The stored past hours and the current hour, in one statement: once every past hour is stored
   * (all but the first minutes after startup and after each hour's end) a load needs nothing else.
   * The current hour is counted without grouping (one range of the log's time index), and its
   * backlog is what is open now: every PENDING or PROCESSING item was created before now and none
   * of the COMPLETED ones is completed after it.
   */
  static final String STORED_AND_CURRENT =
      """
      select hour, succeeded, failed, waiting
        from sync_activity_hours
       where hour >= :from and hour < :current
      union all
      select cast(:current as timestamptz),
             count(*) filter (where status = 'SUCCESS'),
             count(*) filter (where status = 'FAILED'),
             (select count(*) from sync_queue where status in ('PENDING', 'PROCESSING'))
        from sync_log
       where synced_at >= :current and synced_at < :end
         and action like 'WRITE\\_BACK%'
      """;

  static final String OUTCOMES =
      """
      select date_trunc('hour', synced_at, 'UTC') as hour,
             count(*) filter (where status = 'SUCCESS') as succeeded,
             count(*) filter (where status = 'FAILED')  as failed
        from sync_log
       where synced_at >= :from and synced_at < :end
         and action like 'WRITE\\_BACK%'
       group by 1
      """;

  /**
   * Waiting at the end of hour h: created before it ended (created hour at most h), and either
   * still PENDING/PROCESSING or completed after it ended (completed hour after h). Completed items
   * are grouped by (created hour, completed hour) first, so each row is read once whatever the
   * number of hours.
   */
  static final String WAITING =
      """
      with done as (
          select date_trunc('hour', created_at, 'UTC') as created_hour,
                 date_trunc('hour', processed_at, 'UTC') as done_hour, count(*) as n
            from sync_queue
           where status = 'COMPLETED' and processed_at >= :firstEnd
           group by 1, 2),
      open as (
          select date_trunc('hour', created_at, 'UTC') as created_hour, count(*) as n
            from sync_queue
           where status in ('PENDING', 'PROCESSING')
           group by 1)
      select h.hour,
             coalesce((select sum(n) from done
                        where done.created_hour <= h.hour and done.done_hour > h.hour), 0)
           + coalesce((select sum(n) from open where open.created_hour <= h.hour), 0) as waiting
        from generate_series(cast(:from as timestamptz), cast(:to as timestamptz),
                             interval '1 hour') as h(hour)
      """;

  private static final String STORE =
      """
      insert into sync_activity_hours (hour, succeeded, failed, waiting)
      values (:hour, :succeeded, :failed, :waiting)
      on conflict (hour) do nothing
      """;

  private final JdbcClient jdbc;
  private final Clock clock;

  ActivityHours(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The 24 hours ending with the current one, oldest first, empty hours as zeros. */
  List<HourlyActivity> last24() {
    OffsetDateTime now = QueueClaims.now(clock);
    OffsetDateTime current = now.truncatedTo(ChronoUnit.HOURS);
    OffsetDateTime from = current.minusHours(23);
    Map<OffsetDateTime, HourlyActivity> hours = new TreeMap<>();
    jdbc.sql(STORED_AND_CURRENT)
        .param("from", from)
        .param("current", current)
        .param("end", current.plusHours(1))
        .query(
            (rs, n) ->
                new HourlyActivity(
                    utc(rs.getObject("hour", OffsetDateTime.class)),
                    rs.getLong("succeeded") + rs.getLong("failed"),
                    rs.getLong("succeeded"),
                    rs.getLong("failed"),
                    rs.getLong("waiting")))
        .list()
        .forEach(h -> hours.put(h.hour(), h));
    OffsetDateTime firstMissing = from;
    while (hours.containsKey(firstMissing)) {
      firstMissing = firstMissing.plusHours(1);
    }
    if (firstMissing.isBefore(current)) {
      for (HourlyActivity computed : compute(firstMissing, current.minusHours(1))) {
        if (!hours.containsKey(computed.hour())) {
          hours.put(computed.hour(), computed);
          if (!computed.hour().plusHours(1).plus(SETTLE).isAfter(now)) {
            store(computed);
          }
        }
      }
    }
    return List.copyOf(hours.values());
  }

  private List<HourlyActivity> compute(OffsetDateTime from, OffsetDateTime to) {
    Map<OffsetDateTime, long[]> outcomes = new TreeMap<>();
    jdbc.sql(OUTCOMES)
        .param("from", from)
        .param("end", to.plusHours(1))
        .query(
            (rs, n) ->
                Map.entry(
                    utc(rs.getObject("hour", OffsetDateTime.class)),
                    new long[] {rs.getLong("succeeded"), rs.getLong("failed")}))
        .list()
        .forEach(e -> outcomes.put(e.getKey(), e.getValue()));
    List<HourlyActivity> computed = new ArrayList<>();
    jdbc.sql(WAITING)
        .param("from", from)
        .param("to", to)
        .param("firstEnd", from.plusHours(1))
        .query((rs, n) -> Map.entry(utc(rs.getObject("hour", OffsetDateTime.class)), rs.getLong(2)))
        .list()
        .forEach(
            e -> {
              long[] o = outcomes.getOrDefault(e.getKey(), new long[2]);
              computed.add(new HourlyActivity(e.getKey(), o[0] + o[1], o[0], o[1], e.getValue()));
            });
    return computed;
  }

  private void store(HourlyActivity hour) {
    jdbc.sql(STORE)
        .param("hour", hour.hour())
        .param("succeeded", hour.succeeded())
        .param("failed", hour.failed())
        .param("waiting", hour.waiting())
        .update();
  }

  private static OffsetDateTime utc(OffsetDateTime time) {
    return time.withOffsetSameInstant(ZoneOffset.UTC);
  }
}
