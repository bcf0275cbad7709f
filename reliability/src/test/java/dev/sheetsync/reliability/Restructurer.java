package dev.sheetsync.reliability;

import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.DeleteDimensionRequest;
import com.google.api.services.sheets.v4.model.DimensionRange;
import com.google.api.services.sheets.v4.model.InsertDimensionRequest;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.SheetProperties;
import com.google.api.services.sheets.v4.model.UpdateSheetPropertiesRequest;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * People restructuring the spreadsheet through Google's client: inserting their own column in the
 * middle of a tab and filling it, moving it elsewhere, deleting it, renaming tabs. Every cell of a
 * person's column holds a marker (or nothing); any other content found there is a value sheetsync
 * wrote into the wrong column.
 */
final class Restructurer {

  private final Scenario scenario;
  private final Sheets sheets;
  private final Map<String, Integer> sheetIds;
  private int edits;
  private int wrongColumnWrites;
  private final List<String> violations = new ArrayList<>();

  Restructurer(Scenario scenario) {
    this.scenario = scenario;
    PeopleClient client = PeopleClient.of(scenario);
    this.sheets = client.sheets();
    this.sheetIds = client.sheetIds();
  }

  int edits() {
    return edits;
  }

  int wrongColumnWrites() {
    return wrongColumnWrites;
  }

  List<String> violations() {
    return violations;
  }

  /** Inserts a column named {@code header} at {@code index} and marks every row below it. */
  void insertOwnColumn(String tab, String title, int index, String header) {
    batch(
        new Request()
            .setInsertDimension(
                new InsertDimensionRequest()
                    .setRange(columns(tab, index))
                    .setInheritFromBefore(index > 0)));
    int rows = rows(title);
    List<List<Object>> cells = new ArrayList<>();
    cells.add(List.of(header));
    for (int r = 2; r <= rows; r++) {
      cells.add(List.of(marker(header, r)));
    }
    write(title, letter(index) + "1", cells);
  }

  /**
   * Checks a person's column (found by its header) still holds only markers and blanks, counting
   * every other value as a wrong-column write, then deletes the column.
   */
  void checkAndDeleteOwnColumn(String tab, String title, String header) {
    List<List<Object>> all = read(title);
    int column = all.isEmpty() ? -1 : indexOf(all.get(0), header);
    if (column < 0) {
      violations.add("column " + header + " of " + title + " is gone");
      return;
    }
    for (int r = 1; r < all.size(); r++) {
      List<Object> row = all.get(r);
      String value = column < row.size() ? String.valueOf(row.get(column)) : "";
      if (!value.isEmpty() && !value.startsWith(header + "#")) {
        wrongColumnWrites++;
        violations.add(
            "%s!%s%d (%s) holds '%s'".formatted(title, letter(column), r + 1, header, value));
      }
    }
    batch(
        new Request()
            .setDeleteDimension(new DeleteDimensionRequest().setRange(columns(tab, column))));
  }

  /** Moves a person's column to {@code index}: insert there, copy, delete the old one. */
  void moveOwnColumn(String tab, String title, String header, int index) {
    List<List<Object>> all = read(title);
    int from = indexOf(all.get(0), header);
    List<List<Object>> cells = new ArrayList<>();
    for (List<Object> row : all) {
      cells.add(List.of(from < row.size() ? row.get(from) : ""));
    }
    batch(
        new Request()
            .setInsertDimension(
                new InsertDimensionRequest()
                    .setRange(columns(tab, index))
                    .setInheritFromBefore(index > 0)));
    write(title, letter(index) + "1", cells);
    int old = from >= index ? from + 1 : from;
    batch(
        new Request().setDeleteDimension(new DeleteDimensionRequest().setRange(columns(tab, old))));
  }

  void renameTab(String tab, String title) {
    batch(
        new Request()
            .setUpdateSheetProperties(
                new UpdateSheetPropertiesRequest()
                    .setProperties(
                        new SheetProperties().setSheetId(sheetIds.get(tab)).setTitle(title))
                    .setFields("title")));
  }

  private static String marker(String header, int row) {
    return header + "#" + row;
  }

  private int rows(String title) {
    return read(title).size();
  }

  private List<List<Object>> read(String title) {
    try {
      List<List<Object>> values =
          sheets
              .spreadsheets()
              .values()
              .get(scenario.spreadsheetId, "'" + title.replace("'", "''") + "'")
              .execute()
              .getValues();
      return values == null ? List.of() : values;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(String title, String cell, List<List<Object>> values) {
    try {
      sheets
          .spreadsheets()
          .values()
          .update(
              scenario.spreadsheetId,
              "'" + title.replace("'", "''") + "'!" + cell,
              new ValueRange().setValues(values))
          .setValueInputOption("RAW")
          .execute();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void batch(Request request) {
    try {
      sheets
          .spreadsheets()
          .batchUpdate(
              scenario.spreadsheetId,
              new BatchUpdateSpreadsheetRequest().setRequests(List.of(request)))
          .execute();
      edits++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private DimensionRange columns(String tab, int index) {
    return new DimensionRange()
        .setSheetId(sheetIds.get(tab))
        .setDimension("COLUMNS")
        .setStartIndex(index)
        .setEndIndex(index + 1);
  }

  private static int indexOf(List<Object> header, String text) {
    for (int i = 0; i < header.size(); i++) {
      if (text.equals(String.valueOf(header.get(i)).strip())) {
        return i;
      }
    }
    return -1;
  }

  private static String letter(int index) {
    return ConsistencyCheck.column(index);
  }
}
