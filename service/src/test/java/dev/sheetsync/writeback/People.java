package dev.sheetsync.writeback;

import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.DeleteDimensionRequest;
import com.google.api.services.sheets.v4.model.DeleteSheetRequest;
import com.google.api.services.sheets.v4.model.DimensionRange;
import com.google.api.services.sheets.v4.model.InsertDimensionRequest;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.SheetProperties;
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
    sheets
        .spreadsheets()
        .values()
        .update(
            spreadsheetId,
            quote(tab) + "!" + cell,
            new ValueRange().setValues(List.of(List.of(value))))
        .setValueInputOption("USER_ENTERED")
        .execute();
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
    return new DimensionRange()
        .setSheetId(sheetId)
        .setDimension("COLUMNS")
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
