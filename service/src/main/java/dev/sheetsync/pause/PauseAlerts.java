package dev.sheetsync.pause;

import dev.sheetsync.alerts.Alarm;
import dev.sheetsync.alerts.AlertCondition;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Alerts people while sync is paused: one alarm per paused scope ({@code sync_paused:spreadsheet},
 * {@code sync_paused:tab:Requests}), critical for the whole spreadsheet, a warning for one tab,
 * with the reason and what to do; a recovery alert when the pause ends.
 */
@Component
public class PauseAlerts implements AlertCondition {

  private final SyncPauses pauses;

  public PauseAlerts(SyncPauses pauses) {
    this.pauses = pauses;
  }

  @Override
  public List<Alarm> check() {
    return pauses.open().stream().map(PauseAlerts::alarm).toList();
  }

  static Alarm alarm(Pause pause) {
    boolean whole = pause.spreadsheetWide();
    return new Alarm(
        whole
            ? "sync_paused:spreadsheet"
            : "sync_paused:tab:" + pause.model().dbName().toLowerCase(),
        whole ? Alarm.CRITICAL : Alarm.WARNING,
        (whole
                ? "Sync is paused for the whole spreadsheet: "
                : "Sync is paused for tab " + pause.tab() + ": ")
            + pause.reason(),
        "To fix: "
            + pause.hint()
            + ". Changes wait in the queue (no attempt used up) and go out on the first write-back"
            + " after the fix.");
  }
}
