package dev.sheetsync.writeback;

import dev.sheetsync.records.SyncModel;
import dev.sheetsync.sheets.TabLayout;
import dev.sheetsync.sheets.TabRef;
import java.util.Map;

/**
 * The layout tabs as the spreadsheet has them now ({@code spreadsheets.get}, once per run and again
 * when a range stops parsing because people renamed a tab mid-run).
 *
 * @param found each model's tab id and current title; a model absent here has no tab now
 * @param rowCounts grid rows of each tab by sheetId
 */
record Tabs(Map<SyncModel, TabRef> found, Map<Integer, Integer> rowCounts) {

  TabRef of(TabLayout tab) {
    return found.get(tab.model());
  }

  int rowCount(TabLayout tab) {
    return rowCounts.getOrDefault(found.get(tab.model()).sheetId(), 0);
  }
}
