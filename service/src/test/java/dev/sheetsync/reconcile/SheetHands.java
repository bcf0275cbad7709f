package dev.sheetsync.reconcile;

import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.DeleteDimensionRequest;
import com.google.api.services.sheets.v4.model.DimensionRange;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.ValueRange;
import dev.sheetsync.sheets.RowMapper;
import dev.sheetsync.sheets.SpreadsheetTarget;
import dev.sheetsync.sheets.TabLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What people do to the rows of a tab, through Google's API as the Sheets UI does it. */
final class SheetHands {

  private final Sheets sheets;
  private final String spreadsheetId;

  SheetHands(Sheets sheets, SpreadsheetTarget target) {
    this.sheets = sheets;
    this.spreadsheetId = target.spreadsheetId();
  }

  /** Every row of the tab from row 1, as displayed. */
  List<List<Object>> rows(TabLayout tab) throws IOException {
    List<List<Object>> values =
        sheets
            .spreadsheets()
            .values()
            .get(spreadsheetId, RowMapper.quoteTabName(tab.tabName()))
            .execute()
            .getValues();
    return values == null ? List.of() : values;
  }

  /** The 1-based rows holding {@code id} in the key column. */
  List<Integer> rowsOf(TabLayout tab, UUID id) throws IOException {
    List<Integer> found = new ArrayList<>();
    List<List<Object>> rows = rows(tab);
    int key = tab.keyColumnIndex();
    for (int i = 0; i < rows.size(); i++) {
      List<Object> row = rows.get(i);
      if (key < row.size() && id.toString().equals(row.get(key))) {
        found.add(i + 1);
      }
    }
    return found;
  }

  int rowOf(TabLayout tab, UUID id) throws IOException {
    return rowsOf(tab, id).get(0);
  }

  /** Types into the cell under {@code header} (a layout column at its declared place). */
  void type(TabLayout tab, int row, String header, Object value) throws IOException {
    String cell = TabLayout.columnLetter(tab.columnIndex(header)) + row;
    write(tab, cell, List.of(List.of(value)));
  }

  /** Writes a whole row from column A, as typed. */
  void writeRow(TabLayout tab, int row, List<Object> values) throws IOException {
    write(tab, "A" + row, List.of(values));
  }

  /** The first row below every row with content. */
  int nextEmptyRow(TabLayout tab) throws IOException {
    return rows(tab).size() + 1;
  }

  void deleteRow(TabLayout tab, int row) throws IOException {
    int sheetId =
        sheets.spreadsheets().get(spreadsheetId).execute().getSheets().stream()
            .filter(s -> s.getProperties().getTitle().equals(tab.tabName()))
            .findFirst()
            .orElseThrow()
            .getProperties()
            .getSheetId();
    sheets
        .spreadsheets()
        .batchUpdate(
            spreadsheetId,
            new BatchUpdateSpreadsheetRequest()
                .setRequests(
                    List.of(
                        new Request()
                            .setDeleteDimension(
                                new DeleteDimensionRequest()
                                    .setRange(
                                        new DimensionRange()
                                            .setSheetId(sheetId)
                                            .setDimension("ROWS")
                                            .setStartIndex(row - 1)
                                            .setEndIndex(row))))))
        .execute();
  }

  private void write(TabLayout tab, String cell, List<List<Object>> values) throws IOException {
    sheets
        .spreadsheets()
        .values()
        .update(
            spreadsheetId,
            RowMapper.quoteTabName(tab.tabName()) + "!" + cell,
            new ValueRange().setValues(values))
        .setValueInputOption("USER_ENTERED")
        .execute();
  }
}
