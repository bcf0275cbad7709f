package dev.sheetsync.writeback;

import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.AppendDimensionRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.DeleteDimensionRequest;
import com.google.api.services.sheets.v4.model.DeleteSheetRequest;
import com.google.api.services.sheets.v4.model.DimensionRange;
import com.google.api.services.sheets.v4.model.GridRange;
import com.google.api.services.sheets.v4.model.InsertDimensionRequest;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.SheetProperties;
import com.google.api.services.sheets.v4.model.SortRangeRequest;
import com.google.api.services.sheets.v4.model.SortSpec;
import com.google.api.services.sheets.v4.model.UpdateSheetPropertiesRequest;
import com.google.api.services.sheets.v4.model.ValueRange;
import dev.sheetsync.sheets.SpreadsheetTarget;
import java.io.IOException;
import java.util.List;

/**
 * What people do to the spreadsheet, as named moves through Google's API (the same requests the
 * Sheets UI sends): tests read as the story of a person at work.
 */
final class People {

  private final Sheets sheets;
  private final String spreadsheetId;

  People(Sheets sheets, SpreadsheetTarget target) {
    this.sheets = sheets;
    this.spreadsheetId = target.spreadsheetId();
  }

  /** Inserts an empty column at {@code letter} and types {@code header} into row 1. */
  void insertColumn(String tab, String letter, String header) throws IOException {
    int index = columnIndex(letter);
    edit(
        new Request()
            .setInsertDimension(
                new InsertDimensionRequest()
                    .setRange(columns(sheetId(tab), index, index + 1))
                    .setInheritFromBefore(index > 0)));
    type(tab, letter + "1", header);
  }

  /** Inserts an empty row at the 1-based {@code row}: the rows from there move one down. */
  void insertRow(String tab, int row) throws IOException {
    edit(
        new Request()
            .setInsertDimension(
                new InsertDimensionRequest()
                    .setRange(
                        new DimensionRange()
                            .setSheetId(sheetId(tab))
                            .setDimension("ROWS")
                            .setStartIndex(row - 1)
                            .setEndIndex(row))
                    .setInheritFromBefore(row > 1)));
  }

  void deleteColumn(String tab, String letter) throws IOException {
    int index = columnIndex(letter);
    edit(
        new Request()
            .setDeleteDimension(
                new DeleteDimensionRequest().setRange(columns(sheetId(tab), index, index + 1))));
  }

  /**
   * Moves the column at {@code from} so that it stands before {@code before}, as a drag does: the
   * cells (values as typed) go with it.
   */
  void moveColumn(String tab, String from, String before) throws IOException {
    List<List<Object>> cells =
        sheets
            .spreadsheets()
            .values()
            .get(spreadsheetId, quote(tab) + "!" + from + ":" + from)
            .setValueRenderOption("FORMULA")
            .execute()
            .getValues();
    int source = columnIndex(from);
    int target = columnIndex(before);
    insertColumn(tab, before, "");
    String landed = letter(target);
    if (cells != null) {
      sheets
          .spreadsheets()
          .values()
          .update(spreadsheetId, quote(tab) + "!" + landed + "1", new ValueRange().setValues(cells))
          .setValueInputOption("USER_ENTERED")
          .execute();
    }
    deleteColumn(tab, letter(source >= target ? source + 1 : source));
  }

  /**
   * Sorts the rows below the header Z to A by the column headed {@code header}, as "Sort sheet Z →
   * A" with a frozen header row does: whole rows move, people's cells with them.
   */
  void sortDescending(String tab, String header) throws IOException {
    List<List<Object>> rows = values(tab);
    int column = rows.isEmpty() ? -1 : rows.get(0).indexOf(header);
    if (column < 0) {
      throw new IllegalArgumentException("no header " + header + " in " + tab);
    }
    edit(
        new Request()
            .setSortRange(
                new SortRangeRequest()
                    .setRange(
                        new GridRange()
                            .setSheetId(sheetId(tab))
                            .setStartRowIndex(1)
                            .setEndRowIndex(rows.size()))
                    .setSortSpecs(
                        List.of(
                            new SortSpec().setDimensionIndex(column).setSortOrder("DESCENDING")))));
  }

  /** Inserts {@code count} empty rows so that the first of them is row {@code row} (1-based). */
  void insertRows(String tab, int row, int count) throws IOException {
    edit(
        new Request()
            .setInsertDimension(
                new InsertDimensionRequest()
                    .setRange(dimension(sheetId(tab), "ROWS", row - 1, row - 1 + count))
                    .setInheritFromBefore(false)));
  }

  /** Deletes {@code count} rows from row {@code row} (1-based) down; the rows below move up. */
  void deleteRows(String tab, int row, int count) throws IOException {
    edit(
        new Request()
            .setDeleteDimension(
                new DeleteDimensionRequest()
                    .setRange(dimension(sheetId(tab), "ROWS", row - 1, row - 1 + count))));
  }

  /** Adds {@code count} empty rows at the bottom of the grid, as "Add 1000 more rows" does. */
  void growRows(String tab, int count) throws IOException {
    edit(
        new Request()
            .setAppendDimension(
                new AppendDimensionRequest()
                    .setSheetId(sheetId(tab))
                    .setDimension("ROWS")
                    .setLength(count)));
  }

  void renameTab(String tab, String title) throws IOException {
    edit(
        new Request()
            .setUpdateSheetProperties(
                new UpdateSheetPropertiesRequest()
                    .setProperties(new SheetProperties().setSheetId(sheetId(tab)).setTitle(title))
                    .setFields("title")));
  }

  void deleteTab(String tab) throws IOException {
    edit(new Request().setDeleteSheet(new DeleteSheetRequest().setSheetId(sheetId(tab))));
  }

  /** Types into one cell as a person would (USER_ENTERED). */
  void type(String tab, String cell, Object value) throws IOException {
    write(tab, cell, value, "USER_ENTERED");
  }

  /** Writes one cell as an API client does (RAW: no parsing), not as a person types. */
  void writeRaw(String tab, String cell, Object value) throws IOException {
    write(tab, cell, value, "RAW");
  }

  private void write(String tab, String cell, Object value, String input) throws IOException {
    sheets
        .spreadsheets()
        .values()
        .update(
            spreadsheetId,
            quote(tab) + "!" + cell,
            new ValueRange().setValues(List.of(List.of(value))))
        .setValueInputOption(input)
        .execute();
  }

  /** Every row of the tab from row 1, as displayed (up to the last with content). */
  private List<List<Object>> values(String tab) throws IOException {
    List<List<Object>> values =
        sheets.spreadsheets().values().get(spreadsheetId, quote(tab)).execute().getValues();
    return values == null ? List.of() : values;
  }

  /** The cells of a row as displayed, from column A. */
  List<Object> row(String tab, int row) throws IOException {
    List<List<Object>> values =
        sheets
            .spreadsheets()
            .values()
            .get(spreadsheetId, quote(tab) + "!" + row + ":" + row)
            .execute()
            .getValues();
    return values == null ? List.of() : values.get(0);
  }

  /** One cell, rendered as asked ({@code FORMATTED_VALUE}, {@code FORMULA}); "" when empty. */
  Object cell(String tab, String cell, String render) throws IOException {
    List<List<Object>> values =
        sheets
            .spreadsheets()
            .values()
            .get(spreadsheetId, quote(tab) + "!" + cell)
            .setValueRenderOption(render)
            .execute()
            .getValues();
    return values == null || values.isEmpty() || values.get(0).isEmpty()
        ? ""
        : values.get(0).get(0);
  }

  int sheetId(String tab) throws IOException {
    return sheets.spreadsheets().get(spreadsheetId).execute().getSheets().stream()
        .filter(s -> s.getProperties().getTitle().equals(tab))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no tab " + tab))
        .getProperties()
        .getSheetId();
  }

  private void edit(Request request) throws IOException {
    sheets
        .spreadsheets()
        .batchUpdate(
            spreadsheetId, new BatchUpdateSpreadsheetRequest().setRequests(List.of(request)))
        .execute();
  }

  private static DimensionRange columns(int sheetId, int from, int to) {
    return dimension(sheetId, "COLUMNS", from, to);
  }

  private static DimensionRange dimension(int sheetId, String dimension, int from, int to) {
    return new DimensionRange()
        .setSheetId(sheetId)
        .setDimension(dimension)
        .setStartIndex(from)
        .setEndIndex(to);
  }

  private static String quote(String tab) {
    return "'" + tab.replace("'", "''") + "'";
  }

  static int columnIndex(String letters) {
    int n = 0;
    for (char c : letters.toCharArray()) {
      n = n * 26 + (c - 'A' + 1);
    }
    return n - 1;
  }

  static String letter(int index) {
    return dev.sheetsync.sheets.TabLayout.columnLetter(index);
  }
}
