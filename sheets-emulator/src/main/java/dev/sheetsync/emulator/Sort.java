package dev.sheetsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code sortRange}: sorts the rows of a grid range by one or more columns, as a person sorting a
 * range in the UI. Empty sort keys always go last; otherwise numbers sort before text before
 * booleans. A moved formula behaves as if copied to its new row (see {@link Structure}), so a
 * formula referring to its own row keeps doing so.
 */
final class Sort {

  private record Row(int index, List<Object> keys, List<Cell> cells) {}

  private Sort() {}

  static void sortRange(Spreadsheet book, JsonNode r) {
    JsonNode range = r.path("range");
    Sheet sheet = SpreadsheetOps.sheet(book, range.path("sheetId"));
    int startRow = range.path("startRowIndex").asInt(0);
    int endRow = Math.min(range.path("endRowIndex").asInt(sheet.rowCount), sheet.rowCount);
    int startCol = range.path("startColumnIndex").asInt(0);
    int endCol = Math.min(range.path("endColumnIndex").asInt(sheet.columnCount), sheet.columnCount);
    endRow = Math.min(endRow, Math.max(sheet.usedRows(), startRow));
    if (startRow < 0 || startCol < 0 || startCol >= endCol) {
      throw ApiException.badRequest("range is invalid");
    }
    JsonNode specs = r.path("sortSpecs");
    if (specs.isEmpty()) {
      throw ApiException.badRequest("sortSpecs must have at least one entry");
    }
    FormulaEvaluator ev = new FormulaEvaluator(book);
    List<Row> rows = new ArrayList<>();
    for (int i = startRow; i < endRow; i++) {
      List<Object> keys = new ArrayList<>();
      for (JsonNode spec : specs) {
        int col = spec.path("dimensionIndex").asInt(0);
        if (col < startCol || col >= endCol) {
          throw ApiException.badRequest(
              "sortSpecs.dimensionIndex " + col + " is outside the range");
        }
        Object key = ev.value(sheet, i, col);
        keys.add(key instanceof String s && s.isEmpty() ? null : key);
      }
      rows.add(new Row(i, keys, sheet.rowSlice(i, i + 1, startCol, endCol).get(0)));
    }
    Comparator<Row> order = (a, b) -> 0;
    for (int k = 0; k < specs.size(); k++) {
      int key = k;
      boolean descending = "DESCENDING".equals(specs.get(k).path("sortOrder").asText());
      order =
          order.thenComparing((a, b) -> compare(a.keys().get(key), b.keys().get(key), descending));
    }
    rows.sort(order); // stable: ties keep their order
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      int target = startRow + i;
      for (int j = 0; j < row.cells().size(); j++) {
        Cell cell = row.cells().get(j);
        if (cell instanceof Cell.Formula f && row.index() != target) {
          cell = new Cell.Formula(Structure.copyRows(f.source(), target - row.index()));
        }
        sheet.set(target, startCol + j, cell);
      }
    }
  }

  private static int compare(Object a, Object b, boolean descending) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : 1) : -1;
    }
    int c = Values.order(a, b);
    return descending ? -c : c;
  }
}
