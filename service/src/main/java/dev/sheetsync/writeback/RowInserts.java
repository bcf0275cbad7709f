package dev.sheetsync.writeback;

import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.CellData;
import com.google.api.services.sheets.v4.model.DimensionRange;
import com.google.api.services.sheets.v4.model.ExtendedValue;
import com.google.api.services.sheets.v4.model.GridCoordinate;
import com.google.api.services.sheets.v4.model.InsertDimensionRequest;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.RowData;
import com.google.api.services.sheets.v4.model.UpdateCellsRequest;
import dev.sheetsync.sheets.LiveTab;
import dev.sheetsync.sheets.SpreadsheetTarget;
import dev.sheetsync.sheets.TabLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Makes the rows of new records where sheetsync chooses, not where {@code values.append}'s table
 * detection would put them (recorded Google traffic shows it picking another "table", columns to
 * the right, when a row has empty cells): right below the last row holding a key, for every tab, in
 * one {@code spreadsheets.batchUpdate}: {@code insertDimension} (rows people keep below the table
 * move down, never get overwritten) and {@code updateCells} writing each new row's id into its key
 * cell. Both apply atomically, so a row never exists without its key: after a crash or a 503 Google
 * applied anyway, the retry (or the next run) finds the ids and fills those rows instead of adding
 * rows again. The values follow in the batch's {@code values.batchUpdate}.
 */
@Component
class RowInserts {

  private final Sheets sheets;
  private final String spreadsheetId;
  private final GoogleCalls calls;
  private final SheetReader reader;

  RowInserts(Sheets sheets, SpreadsheetTarget target, GoogleCalls calls, SheetReader reader) {
    this.sheets = sheets;
    this.spreadsheetId = target.spreadsheetId();
    this.calls = calls;
    this.reader = reader;
  }

  /**
   * Gives each record a row holding its key, inserting only rows for ids not in the sheet (looked
   * for again before a retry), and updates the snapshot.
   */
  void insert(SheetSnapshot sheet, Map<LiveTab, List<RecordWork>> byTab, long deadline)
      throws GoogleCallException {
    if (byTab.isEmpty()) {
      return;
    }
    calls.call(
        "spreadsheets.batchUpdate",
        GoogleCalls.Kind.WRITE,
        deadline,
        attempt -> {
          if (attempt > 1) {
            reader.keys(byTab.keySet(), deadline).forEach(sheet::keys);
          }
          Map<LiveTab, List<String>> missing = new LinkedHashMap<>();
          Map<LiveTab, Integer> at = new LinkedHashMap<>();
          List<Request> requests = new ArrayList<>();
          byTab.forEach(
              (tab, records) -> {
                List<String> ids =
                    records.stream()
                        .filter(r -> sheet.rowOf(r) == 0)
                        .map(RecordWork::key)
                        .distinct()
                        .toList();
                if (ids.isEmpty()) {
                  return;
                }
                int row =
                    Math.max(sheet.keys(tab.layout()).lastRow(), tab.layout().headerRow()) + 1;
                missing.put(tab, ids);
                at.put(tab, row);
                requests.add(insertRows(tab, row, ids.size(), sheet.tabs()));
                requests.add(writeKeys(tab, row, ids));
              });
          if (requests.isEmpty()) {
            return null;
          }
          sheets
              .spreadsheets()
              .batchUpdate(spreadsheetId, new BatchUpdateSpreadsheetRequest().setRequests(requests))
              .execute();
          missing.forEach((tab, ids) -> sheet.inserted(tab.layout(), at.get(tab), ids));
          return null;
        });
  }

  /**
   * Rows {@code row}..{@code row+count-1}. Formatting comes from the row above (the last record
   * row), except right under the header, where it comes from the row below when there is one.
   */
  private static Request insertRows(LiveTab tab, int row, int count, Tabs tabs) {
    TabLayout layout = tab.layout();
    boolean underHeader = row - 1 <= layout.headerRow();
    boolean rowBelow = row - 1 < tabs.rowCount(layout);
    return new Request()
        .setInsertDimension(
            new InsertDimensionRequest()
                .setRange(
                    new DimensionRange()
                        .setSheetId(tab.sheetId())
                        .setDimension("ROWS")
                        .setStartIndex(row - 1)
                        .setEndIndex(row - 1 + count))
                .setInheritFromBefore(!(underHeader && rowBelow)));
  }

  private static Request writeKeys(LiveTab tab, int row, List<String> ids) {
    List<RowData> rows =
        ids.stream()
            .map(
                id ->
                    new RowData()
                        .setValues(
                            List.of(
                                new CellData()
                                    .setUserEnteredValue(new ExtendedValue().setStringValue(id)))))
            .toList();
    return new Request()
        .setUpdateCells(
            new UpdateCellsRequest()
                .setStart(
                    new GridCoordinate()
                        .setSheetId(tab.sheetId())
                        .setRowIndex(row - 1)
                        .setColumnIndex(tab.keyColumn()))
                .setRows(rows)
                .setFields("userEnteredValue"));
  }
}
