package dev.sheetsync.alerts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which conditions are active and when each was last sent, in {@code sync_alerts}. Each method is
 * one statement that decides and records at once, so that of several instances checking the same
 * condition exactly one sends.
 */
@Component
class AlertState {

  /**
   * Raises or repeats: a new or resolved condition becomes active (since now); an active one is
   * re-sent only once {@code last_sent_at} is older than repeat-after. No row returned = another
   * check (here or on another instance) already sent it recently.
   */
  private static final String RAISE =
      """
      insert into sync_alerts (event, active, since, last_sent_at, summary)
      values (:event, true, :now, :now, :summary)
      on conflict (event) do update
         set active = true,
             since = case when sync_alerts.active then sync_alerts.since else :now end,
             last_sent_at = :now,
             summary = excluded.summary
       where not sync_alerts.active or sync_alerts.last_sent_at <= :repeatBefore
      returning since
      """;

  /** Ends every active condition not reported now; returns each once, to send its recovery. */
  private static final String RESOLVE =
      """
      update sync_alerts
         set active = false, last_sent_at = :now
       where active and not (event = any(cast(:firing as text[])))
      returning event, since, summary
      """;

  private final JdbcClient jdbc;

  AlertState(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @return when the condition began, if this call should send it now
   */
  Optional<OffsetDateTime> raise(Alarm alarm, OffsetDateTime now, OffsetDateTime repeatBefore) {
    return jdbc.sql(RAISE)
        .param("event", alarm.event())
        .param("summary", alarm.summary())
        .param("now", now)
        .param("repeatBefore", repeatBefore)
        .query(OffsetDateTime.class)
        .optional();
  }

  /** Conditions that were active and are not among {@code firing} any more. */
  List<Resolved> resolveAllBut(List<String> firing, OffsetDateTime now) {
    return jdbc.sql(RESOLVE)
        .param("firing", firing.toArray(String[]::new))
        .param("now", now)
        .query(
            (rs, n) ->
                new Resolved(
                    rs.getString("event"),
                    rs.getObject("since", OffsetDateTime.class),
                    rs.getString("summary")))
        .list();
  }

  record Resolved(String event, OffsetDateTime since, String summary) {}
}
