package dev.sheetsync.writeback;

import dev.sheetsync.pause.SyncPauses;
import dev.sheetsync.records.SyncModel;
import dev.sheetsync.sheets.AccessHints;
import dev.sheetsync.sheets.LiveTab;
import dev.sheetsync.sheets.TabLayout;
import dev.sheetsync.sheets.TabStructureException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns what a run saw of the spreadsheet into pauses: opened for the spreadsheet on 401/403/404,
 * for a tab that is gone or lacks a layout header; closed as soon as a run sees the problem gone.
 */
@Component
class Pausing {

  private final SyncPauses pauses;
  private final AccessHints hints;

  Pausing(SyncPauses pauses, AccessHints hints) {
    this.pauses = pauses;
    this.hints = hints;
  }

  /** The spreadsheet answered 401, 403 or 404. */
  void spreadsheetUnusable(GoogleCallException e) {
    pauses.pauseSpreadsheet("Google Sheets answered " + e.getMessage(), hints.hint(e.status()));
  }

  /** A batch read the sheet: the spreadsheet answers; each tab is fine or has a problem. */
  void seen(SheetSnapshot sheet) {
    pauses.resumeSpreadsheet();
    for (Map.Entry<TabLayout, TabStructureException> problem : sheet.problems().entrySet()) {
      TabLayout tab = problem.getKey();
      pauses.pauseTab(
          tab.model(), tab.tabName(), problem.getValue().getMessage(), problem.getValue().hint());
    }
    List<SyncModel> fine =
        sheet.writable().stream().map(LiveTab::layout).map(TabLayout::model).toList();
    pauses.resumeTabs(fine);
  }
}
