package dev.sheetsync.queue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code EXPLAIN (ANALYZE, BUFFERS)} of the statements the console and {@code GET /api/sync/queue}
 * run, with the parameters they run with, for the console benchmark's report: when a figure is
 * slow, the plan says which statement and why.
 */
public final class QueryPlans {

  private QueryPlans() {}

  public static String explain(JdbcClient jdbc) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    OffsetDateTime hour = now.truncatedTo(ChronoUnit.HOURS);
    Map<String, String> plans = new LinkedHashMap<>();
    plans.put("QueueReports.STATS", plan(jdbc, QueueReports.STATS, Map.of("since", hour)));
    plans.put(
        "QueueReports.RECENT_FAILED", plan(jdbc, QueueReports.RECENT_FAILED, Map.of("limit", 10)));
    plans.put("QueueReports.WAITING", plan(jdbc, QueueReports.WAITING, Map.of("limit", 10)));
    plans.put(
        "SyncLog.RECENT_WRITE_BACKS", plan(jdbc, SyncLog.RECENT_WRITE_BACKS, Map.of("limit", 20)));
    plans.put("SyncLog.LAST_PROCESSED", plan(jdbc, SyncLog.LAST_PROCESSED, Map.of()));
    plans.put(
        "ActivityHours.STORED_AND_CURRENT",
        plan(
            jdbc,
            ActivityHours.STORED_AND_CURRENT,
            Map.of("from", hour.minusHours(23), "current", hour, "end", hour.plusHours(1))));
    // Past hours not stored yet (the first load, and the minutes after an hour's end).
    plans.put(
        "ActivityHours.OUTCOMES (previous hour)",
        plan(jdbc, ActivityHours.OUTCOMES, Map.of("from", hour.minusHours(1), "end", hour)));
    plans.put(
        "ActivityHours.WAITING (previous hour)",
        plan(
            jdbc,
            ActivityHours.WAITING,
            Map.of("from", hour.minusHours(1), "to", hour.minusHours(1), "firstEnd", hour)));
    return plans.entrySet().stream()
        .map(e -> "== " + e.getKey() + "\n" + e.getValue())
        .collect(Collectors.joining("\n"));
  }

  private static String plan(JdbcClient jdbc, String sql, Map<String, Object> params) {
    return jdbc
        .sql("explain (analyze, buffers) " + sql)
        .params(params)
        .query(String.class)
        .list()
        .stream()
        .collect(Collectors.joining("\n"));
  }
}
