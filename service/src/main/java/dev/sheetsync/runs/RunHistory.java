package dev.sheetsync.runs;

import dev.sheetsync.system.Page;
import dev.sheetsync.system.Paging;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Stores and lists write-back runs. Thread-safe; each method is one statement.
 *
 * <p>Recorded by the trigger after each run, outside the run itself: a history write that fails is
 * logged and never turns a finished run into a failed one.
 */
@Service
public class RunHistory {

  private static final String INSERT =
      """
      insert into sync_runs (trigger, instance, started_at, duration_ms, outcome, processed,
                             succeeded, failed, skipped, released, sheets_requests, stopped_by)
      values (:trigger, :instance, :startedAt, :durationMillis, :outcome, :processed,
              :succeeded, :failed, :skipped, :released, :sheetsRequests, :stoppedBy)
      returning id
      """;

  private static final String PAGE =
      """
      select id, trigger, instance, started_at, duration_ms, outcome, processed, succeeded, failed,
             skipped, released, sheets_requests, stopped_by
        from sync_runs
       order by started_at desc, id desc
       limit :size offset :offset
      """;

  private static final String COUNT = "select count(*) from sync_runs";

  private static final String COUNT_STOPPED_BY =
      """
      select count(*) from sync_runs where started_at >= :since and stopped_by like :pattern
      """;

  private static final String DELETE_OLD = "delete from sync_runs where started_at < :cutoff";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final RunsProperties properties;
  private final String instance;

  RunHistory(JdbcClient jdbc, Clock clock, RunsProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.properties = properties;
    // "pid@host", the JVM's own name for itself: unique per process, readable in the console.
    this.instance = ManagementFactory.getRuntimeMXBean().getName();
  }

  /** This process's name in the history ({@code pid@host}). */
  public String instance() {
    return instance;
  }

  /** Stores a finished run; returns it with its id. */
  public Run record(Run run) {
    long id =
        jdbc.sql(INSERT)
            .param("trigger", run.trigger())
            .param("instance", run.instance())
            .param("startedAt", run.startedAt())
            .param("durationMillis", run.durationMillis())
            .param("outcome", run.outcome())
            .param("processed", run.processed())
            .param("succeeded", run.succeeded())
            .param("failed", run.failed())
            .param("skipped", run.skipped())
            .param("released", run.released())
            .param("sheetsRequests", run.sheetsRequests())
            .param("stoppedBy", run.stoppedBy())
            .query(Long.class)
            .single();
    return new Run(
        id,
        run.trigger(),
        run.instance(),
        run.startedAt(),
        run.durationMillis(),
        run.outcome(),
        run.processed(),
        run.succeeded(),
        run.failed(),
        run.skipped(),
        run.released(),
        run.sheetsRequests(),
        run.stoppedBy());
  }

  /** Runs newest first. */
  public Page<Run> page(Paging paging) {
    List<Run> runs = list(paging.size(), paging.offset());
    long total = jdbc.sql(COUNT).query(Long.class).single();
    return Page.of(runs, paging, total);
  }

  /** The latest {@code limit} runs, newest first, without the total a page needs. */
  public List<Run> latest(int limit) {
    return list(limit, 0);
  }

  private List<Run> list(int size, long offset) {
    return jdbc.sql(PAGE)
        .param("size", size)
        .param("offset", offset)
        .query(
            (rs, n) ->
                new Run(
                    rs.getLong("id"),
                    rs.getString("trigger"),
                    rs.getString("instance"),
                    rs.getObject("started_at", OffsetDateTime.class)
                        .withOffsetSameInstant(ZoneOffset.UTC),
                    rs.getLong("duration_ms"),
                    rs.getString("outcome"),
                    rs.getInt("processed"),
                    rs.getInt("succeeded"),
                    rs.getInt("failed"),
                    rs.getInt("skipped"),
                    rs.getInt("released"),
                    rs.getLong("sheets_requests"),
                    rs.getString("stopped_by")))
        .list();
  }

  /** Runs since {@code since} whose reason to stop contains {@code fragment} (e.g. {@code 429}). */
  public long countStoppedBySince(String fragment, OffsetDateTime since) {
    return jdbc.sql(COUNT_STOPPED_BY)
        .param("since", since)
        .param("pattern", "%" + fragment.replace("%", "\\%").replace("_", "\\_") + "%")
        .query(Long.class)
        .single();
  }

  /** Deletes runs that started before {@code sheetsync.runs.retention} ago; returns how many. */
  public int deleteExpired() {
    return jdbc.sql(DELETE_OLD)
        .param("cutoff", OffsetDateTime.now(clock).minus(properties.retention()))
        .update();
  }
}
