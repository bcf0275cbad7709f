package dev.sheetsync.reconcile;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The stored reconcile reports ({@code sync_reconcile_reports}); the last {@link #KEPT} kept. */
@Component
public class ReconcileReports {

  static final int KEPT = 30;

  private static final String STORE =
      """
      insert into sync_reconcile_reports (started_at, trigger, dry_run, report)
      values (:startedAt, :trigger, :dryRun, cast(:report as jsonb))
      """;

  /** Older reports go as a new one comes: one statement, no separate cleanup job. */
  private static final String TRIM =
      """
      delete from sync_reconcile_reports
       where id <= (select id from sync_reconcile_reports order by id desc offset :kept limit 1)
      """;

  private static final String LAST =
      "select report from sync_reconcile_reports order by id desc limit 1";

  private final JdbcClient jdbc;
  private final JsonMapper json;

  ReconcileReports(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void store(ReconcileReport report) {
    jdbc.sql(STORE)
        .param("startedAt", report.startedAt())
        .param("trigger", report.trigger())
        .param("dryRun", report.dryRun())
        .param("report", json.writeValueAsString(report))
        .update();
    jdbc.sql(TRIM).param("kept", KEPT).update();
  }

  /** The newest report, if any reconcile has run. */
  public Optional<ReconcileReport> last() {
    return jdbc.sql(LAST)
        .query(String.class)
        .optional()
        .map(text -> json.readValue(text, ReconcileReport.class));
  }
}
