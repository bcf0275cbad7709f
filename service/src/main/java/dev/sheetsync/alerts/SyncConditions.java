package dev.sheetsync.alerts;

import dev.sheetsync.queue.QueueStats;
import dev.sheetsync.queue.SyncQueue;
import dev.sheetsync.runs.RunHistory;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The built-in conditions: items FAILED, the oldest waiting item older than {@code
 * oldest-waiting-threshold}, and repeated quota exhaustion (at least {@code quota-runs} runs
 * stopped by Google's 429 within {@code quota-window}). All read the database, so every instance
 * sees the same.
 */
@Component
class SyncConditions implements AlertCondition {

  static final String FAILED_ITEMS = "failed_items";
  static final String OLD_BACKLOG = "old_backlog";
  static final String QUOTA_EXHAUSTED = "quota_exhausted";

  /** Google's status of a 429, in the reason a run stopped ("values.append: 429 RESOURCE_…"). */
  static final String QUOTA_STATUS = "RESOURCE_EXHAUSTED";

  private final SyncQueue queue;
  private final RunHistory runs;
  private final AlertsProperties properties;
  private final Clock clock;

  SyncConditions(SyncQueue queue, RunHistory runs, AlertsProperties properties, Clock clock) {
    this.queue = queue;
    this.runs = runs;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public List<Alarm> check() {
    List<Alarm> alarms = new ArrayList<>();
    QueueStats stats = queue.stats();
    if (stats.failed() > 0) {
      alarms.add(
          new Alarm(
              FAILED_ITEMS,
              Alarm.CRITICAL,
              stats.failed() + " sync item(s) FAILED and will not be retried by themselves",
              "Open the admin console (/admin), fix the cause shown with each item, then press"
                  + " Retry (or POST /api/sync/queue/retry-failed)."));
    }
    Long oldest = stats.oldestPendingAgeSeconds();
    if (oldest != null && oldest > properties.oldestWaitingThreshold().toSeconds()) {
      alarms.add(
          new Alarm(
              OLD_BACKLOG,
              Alarm.WARNING,
              "The oldest change waiting for the sheet is "
                  + (oldest / 60)
                  + " min old ("
                  + stats.pending()
                  + " waiting, "
                  + stats.retrying()
                  + " retrying)",
              "Changes are not reaching the spreadsheet; see the items waiting to retry and their"
                  + " last error in the admin console."));
    }
    OffsetDateTime since = OffsetDateTime.now(clock).minus(properties.quotaWindow());
    long stoppedByQuota = runs.countStoppedBySince(QUOTA_STATUS, since);
    if (stoppedByQuota >= properties.quotaRuns()) {
      alarms.add(
          new Alarm(
              QUOTA_EXHAUSTED,
              Alarm.WARNING,
              stoppedByQuota
                  + " write-back runs stopped by Google's quota in the last "
                  + properties.quotaWindow().toMinutes()
                  + " min",
              "Raise the Sheets API quota in the Google Cloud console, or run the write-back less"
                  + " often (SYNC_SCHEDULE)."));
    }
    return alarms;
  }
}
