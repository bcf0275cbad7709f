package dev.sheetsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code updateCells} with a {@code start} coordinate or a {@code range}, writing each cell's
 * {@code userEnteredValue} ({@code stringValue} stays text, {@code numberValue}, {@code boolValue},
 * {@code formulaValue}) when the {@code fields} mask names it ({@code userEnteredValue} or {@code
 * *}). Other cell fields (formats, notes) are accepted and not rendered. A cell given without the
 * masked field is cleared, as Google's field-mask semantics say.
 */
final class CellUpdates {

  private CellUpdates() {}

  static void updateCells(Spreadsheet book, JsonNode r) {
    String fields = r.path("fields").asText("");
    if (fields.isBlank()) {
      throw ApiException.badRequest(
          "Invalid requests[0].updateCells: At least one field must be specified in 'fields'.");
    }
    boolean values =
        fields.equals("*")
            || java.util.Arrays.stream(fields.split(","))
                .map(String::strip)
                .anyMatch(f -> f.equals("userEnteredValue") || f.startsWith("userEnteredValue."));
    JsonNode start = r.path("start");
    JsonNode range = r.path("range");
    Sheet sheet;
    int row0;
    int col0;
    if (!start.isMissingNode()) {
      sheet = SpreadsheetOps.sheet(book, start.path("sheetId"));
      row0 = start.path("rowIndex").asInt(0);
      col0 = start.path("columnIndex").asInt(0);
    } else if (!range.isMissingNode()) {
      sheet = SpreadsheetOps.sheet(book, range.path("sheetId"));
      row0 = range.path("startRowIndex").asInt(0);
      col0 = range.path("startColumnIndex").asInt(0);
    } else {
      throw ApiException.badRequest(
          "Invalid requests[0].updateCells: No start or range specified.");
    }
    if (!values) {
      return;
    }
    JsonNode rows = r.path("rows");
    for (int i = 0; i < rows.size(); i++) {
      JsonNode cells = rows.get(i).path("values");
      for (int j = 0; j < cells.size(); j++) {
        int row = row0 + i;
        int col = col0 + j;
        if (row >= sheet.rowCount || col >= sheet.columnCount) {
          throw ValuesOps.gridLimits(sheet, row, col);
        }
        sheet.set(row, col, cell(cells.get(j).path("userEnteredValue")));
      }
    }
  }

  private static Cell cell(JsonNode v) {
    if (v.has("stringValue")) {
      String s = v.get("stringValue").asText();
      return s.isEmpty() ? null : new Cell.Text(s);
    }
    if (v.has("numberValue")) {
      return new Cell.Num(v.get("numberValue").asDouble(), false);
    }
    if (v.has("boolValue")) {
      return new Cell.Bool(v.get("boolValue").asBoolean());
    }
    if (v.has("formulaValue")) {
      return new Cell.Formula(v.get("formulaValue").asText());
    }
    return null;
  }
}
