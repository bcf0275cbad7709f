package dev.sheetsync.writeback;

import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.DeleteDimensionRequest;
import com.google.api.services.sheets.v4.model.DimensionRange;
import com.google.api.services.sheets.v4.model.Request;
import dev.sheetsync.sheets.LiveTab;
import dev.sheetsync.sheets.SpreadsheetTarget;
import dev.sheetsync.sheets.TabLayout;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Deletes rows by key in one {@code spreadsheets.batchUpdate} for any number of tabs. Deleting by
 * number is destructive, so the key columns are read right before (and again before a retry: the
 * failed attempt may have been applied), the rows to delete are chosen on that read, and each tab's
 * rows go bottom-up so that every index still means the row read.
 */
@Component
class RowDeletes {

  private final Sheets sheets;
  private final String spreadsheetId;
  private final GoogleCalls calls;
  private final SheetReader reader;

  RowDeletes(Sheets sheets, SpreadsheetTarget target, GoogleCalls calls, SheetReader reader) {
    this.sheets = sheets;
    this.spreadsheetId = target.spreadsheetId();
    this.calls = calls;
    this.reader = reader;
  }

  /**
   * Deletes, in each tab, the rows {@code choose} picks from its fresh key index, and updates the
   * snapshot.
   *
   * @return the rows deleted per tab (of the last attempt)
   */
  Map<TabLayout, List<Integer>> delete(
      SheetSnapshot sheet,
      Collection<LiveTab> tabs,
      Function<TabLayout, Function<KeyIndex, Collection<Integer>>> choose,
      long deadline)
      throws GoogleCallException {
    Map<TabLayout, List<Integer>> deleted = new LinkedHashMap<>();
    if (tabs.isEmpty()) {
      return deleted;
    }
    calls.call(
        "spreadsheets.batchUpdate",
        GoogleCalls.Kind.WRITE,
        deadline,
        attempt -> {
          Map<TabLayout, KeyIndex> fresh = reader.keys(tabs, deadline);
          fresh.forEach(sheet::keys);
          deleted.clear();
          List<Request> requests = new ArrayList<>();
          for (LiveTab tab : tabs) {
            List<Integer> rows =
                choose.apply(tab.layout()).apply(fresh.get(tab.layout())).stream()
                    .distinct()
                    .sorted(Comparator.reverseOrder())
                    .toList();
            rows.forEach(row -> requests.add(deleteRow(tab.sheetId(), row)));
            deleted.put(tab.layout(), rows);
          }
          if (!requests.isEmpty()) {
            sheets
                .spreadsheets()
                .batchUpdate(
                    spreadsheetId, new BatchUpdateSpreadsheetRequest().setRequests(requests))
                .execute();
          }
          return null;
        });
    deleted.forEach(sheet::deleted);
    return deleted;
  }

  private static Request deleteRow(int sheetId, int row) {
    return new Request()
        .setDeleteDimension(
            new DeleteDimensionRequest()
                .setRange(
                    new DimensionRange()
                        .setSheetId(sheetId)
                        .setDimension("ROWS")
                        .setStartIndex(row - 1)
                        .setEndIndex(row)));
  }
}
