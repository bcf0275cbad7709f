package dev.sheetsync.pause;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.sheetsync.records.SyncModel;
import java.time.OffsetDateTime;

/**
 * A problem with the spreadsheet rather than with a change; while it lasts its scope's items wait
 * (PENDING, no attempt charged). Shown as {@code data.paused[]} by {@code GET /api/sync/queue}.
 *
 * @param scope {@code spreadsheet} (every tab waits) or {@code tab} (only this tab's model waits)
 * @param tab the layout's tab name for a tab pause, null for the spreadsheet
 * @param reason what is wrong, e.g. {@code column "Balance" is missing from tab 'Requests'}
 * @param since when a run first found it (ISO-8601 in JSON)
 * @param hint what a person can do about it
 * @param model the paused model for a tab pause, null for the spreadsheet
 */
public record Pause(
    String scope,
    String tab,
    String reason,
    OffsetDateTime since,
    String hint,
    @JsonIgnore SyncModel model) {

  public static final String SPREADSHEET = "spreadsheet";
  public static final String TAB = "tab";

  /** The whole spreadsheet. */
  public boolean spreadsheetWide() {
    return model == null;
  }

  /** One line for logs and health: {@code tab Requests: column "Balance" is missing …}. */
  public String describe() {
    return (model == null ? "spreadsheet" : "tab " + tab) + ": " + reason + " (" + hint + ")";
  }
}
