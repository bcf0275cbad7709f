package dev.sheetsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The {@code spreadsheets.values.*} methods on one spreadsheet (called under the lock). */
final class ValuesOps {

  /** A concrete area: sheet plus zero-based, end-exclusive bounds inside the grid. */
  record Area(Sheet sheet, int startRow, int endRow, int startCol, int endCol) {
    String a1() {
      return A1.format(sheet.title, startRow, endRow, startCol, endCol);
    }
  }

  private ValuesOps() {}

  /** The area a range reads or clears: clipped to the grid; 400 if it starts outside it. */
  static Area area(Spreadsheet book, String rangeText) {
    rangeText = named(book, rangeText);
    A1.Range range = A1.parse(rangeText);
    Sheet sheet = book.sheetOf(range, rangeText);
    if (range.startRow() >= sheet.rowCount || range.startCol() >= sheet.columnCount) {
      throw gridLimits(sheet, range.startRow(), range.startCol());
    }
    return new Area(
        sheet,
        range.startRow(),
        Math.min(range.endRow(), sheet.rowCount),
        range.startCol(),
        Math.min(range.endCol(), sheet.columnCount));
  }

  /**
   * A named range used as a range ({@code Keys}, or {@code 'Sheet1'!Keys} as gspread sends it) as
   * the A1 range it names; any other text unchanged.
   */
  static String named(Spreadsheet book, String rangeText) {
    JsonNode names = book.objects.path("namedRanges");
    if (names.isEmpty()) {
      return rangeText;
    }
    String name = rangeText.substring(rangeText.lastIndexOf('!') + 1);
    for (JsonNode n : names) {
      if (n.path("name").asText().equalsIgnoreCase(name)) {
        JsonNode r = n.path("range");
        Sheet sheet = book.sheetById(r.path("sheetId").asInt(0));
        if (sheet != null) {
          return A1.format(
              sheet.title,
              r.path("startRowIndex").asInt(),
              r.path("endRowIndex").asInt(),
              r.path("startColumnIndex").asInt(),
              r.path("endColumnIndex").asInt());
        }
      }
    }
    return rangeText;
  }

  static ApiException gridLimits(Sheet sheet, int row, int col) {
    return ApiException.badRequest(
        "Range ('"
            + sheet.title.replace("'", "''")
            + "'!"
            + A1.columnLetters(col)
            + (row + 1)
            + ") exceeds grid limits. Max rows: "
            + sheet.rowCount
            + ", max columns: "
            + sheet.columnCount);
  }

  /** A ValueRange: {@code range}, {@code majorDimension} and {@code values} (absent if empty). */
  static ObjectNode get(
      Spreadsheet book, String rangeText, boolean columns, Options.Rendering render) {
    Area area = area(book, rangeText);
    List<List<Object>> rows = render(book, area, render);
    if (columns) {
      rows = transpose(rows);
    }
    trim(rows);
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("range", area.a1()).put("majorDimension", columns ? "COLUMNS" : "ROWS");
    if (!rows.isEmpty()) {
      out.set("values", Json.MAPPER.valueToTree(rows));
    }
    return out;
  }

  /** The rendered cells of an area, untrimmed. */
  static List<List<Object>> render(Spreadsheet book, Area area, ValueRender render) {
    return render(book, area, new Options.Rendering(render, false));
  }

  static List<List<Object>> render(Spreadsheet book, Area area, Options.Rendering render) {
    FormulaEvaluator ev = new FormulaEvaluator(book);
    int endRow = Math.min(area.endRow(), area.sheet().usedRows());
    int endCol = Math.min(area.endCol(), area.sheet().usedColumns());
    List<List<Object>> rows = new ArrayList<>();
    for (int r = area.startRow(); r < endRow; r++) {
      List<Object> row = new ArrayList<>();
      for (int c = area.startCol(); c < endCol; c++) {
        Cell cell = area.sheet().get(r, c);
        Object evaluated = cell instanceof Cell.Formula ? ev.value(area.sheet(), r, c) : null;
        Object v = CellCodec.render(cell, evaluated, render.value(), render.formattedDates());
        row.add(v == null ? "" : v);
      }
      rows.add(row);
    }
    return rows;
  }

  /** Drops trailing "" of every row, then trailing empty rows. */
  static void trim(List<List<Object>> rows) {
    for (List<Object> row : rows) {
      while (!row.isEmpty() && "".equals(row.get(row.size() - 1))) {
        row.remove(row.size() - 1);
      }
    }
    while (!rows.isEmpty() && rows.get(rows.size() - 1).isEmpty()) {
      rows.remove(rows.size() - 1);
    }
  }

  private static <T> List<List<T>> transpose(List<List<T>> rows) {
    int width = rows.stream().mapToInt(List::size).max().orElse(0);
    List<List<T>> out = new ArrayList<>();
    for (int c = 0; c < width; c++) {
      List<T> col = new ArrayList<>();
      for (List<T> row : rows) {
        col.add(c < row.size() ? row.get(c) : null);
      }
      out.add(col);
    }
    return out;
  }

  /** The request's values as rows of JSON nodes (null for a missing node). */
  static List<List<JsonNode>> matrix(JsonNode valueRange) {
    List<List<JsonNode>> rows = new ArrayList<>();
    JsonNode values = valueRange.path("values");
    if (!values.isMissingNode() && !values.isNull() && !values.isArray()) {
      throw ApiException.invalidValue(
          "data.values",
          "google.protobuf.ListValue",
          values.isTextual() ? values.asText() : values.toString());
    }
    for (JsonNode row : values) {
      List<JsonNode> cells = new ArrayList<>();
      if (row.isArray()) {
        row.forEach(cells::add);
      } else {
        cells.add(row);
      }
      rows.add(cells);
    }
    if (Options.columns(valueRange, "data.major_dimension")) {
      rows = transpose(rows);
    }
    return rows;
  }

  /** values.update: writes at the range's first cell; the data must fit the range and the grid. */
  static ObjectNode update(Spreadsheet book, String rangeText, JsonNode body, boolean userEntered) {
    List<List<JsonNode>> rows = matrix(body); // as on Google, a bad body wins over a bad range
    rangeText = named(book, rangeText);
    A1.Range range = A1.parse(rangeText);
    Sheet sheet = book.sheetOf(range, rangeText);
    int height = rows.size();
    int width = rows.stream().mapToInt(List::size).max().orElse(0);
    // A single cell only anchors the data; a larger range must hold all of it.
    boolean anchor =
        range.endRow() - range.startRow() == 1 && range.endCol() - range.startCol() == 1;
    if (!anchor && range.startRow() + height > range.endRow() && height > 0) {
      throw ApiException.badRequest(
          "Requested writing within range ["
              + rangeText
              + "], but tried writing to row ["
              + (range.endRow() + 1)
              + "]");
    }
    if (!anchor && range.startCol() + width > range.endCol() && width > 0) {
      throw ApiException.badRequest(
          "Requested writing within range ["
              + rangeText
              + "], but tried writing to column ["
              + A1.columnLetters(range.endCol())
              + "]");
    }
    int lastRow = range.startRow() + Math.max(height, 1) - 1;
    int lastCol = range.startCol() + Math.max(width, 1) - 1;
    if (lastRow >= sheet.rowCount || lastCol >= sheet.columnCount) {
      throw gridLimits(
          sheet,
          Math.min(lastRow, Math.max(range.startRow(), sheet.rowCount)),
          Math.min(lastCol, Math.max(range.startCol(), sheet.columnCount)));
    }
    return write(book, sheet, range.startRow(), range.startCol(), rows, userEntered);
  }

  /** Writes rows at a position inside the grid; the UpdateValuesResponse. */
  static ObjectNode write(
      Spreadsheet book,
      Sheet sheet,
      int row,
      int col,
      List<List<JsonNode>> rows,
      boolean userEntered) {
    int cells = 0;
    int updatedRows = 0;
    boolean[] columns = new boolean[rows.stream().mapToInt(List::size).max().orElse(0)];
    for (int i = 0; i < rows.size(); i++) {
      boolean touched = false;
      for (int j = 0; j < rows.get(i).size(); j++) {
        Cell cell = CellCodec.input(rows.get(i).get(j), userEntered);
        if (cell == CellCodec.SKIP) {
          continue;
        }
        sheet.set(row + i, col + j, cell);
        cells++;
        touched = true;
        columns[j] = true;
      }
      updatedRows += touched ? 1 : 0;
    }
    int updatedColumns = 0;
    for (boolean c : columns) {
      updatedColumns += c ? 1 : 0;
    }
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("spreadsheetId", book.spreadsheetId);
    int width = Math.max(columns.length, 1);
    out.put(
        "updatedRange",
        A1.format(sheet.title, row, row + Math.max(rows.size(), 1), col, col + width));
    if (cells > 0) {
      out.put("updatedRows", updatedRows)
          .put("updatedColumns", updatedColumns)
          .put("updatedCells", cells);
    }
    return out;
  }

  /** values.clear: empties the cells of the range (values only); {@code clearedRange}. */
  static String clear(Spreadsheet book, String rangeText) {
    Area area = area(book, rangeText);
    int endRow = Math.min(area.endRow(), area.sheet().usedRows());
    int endCol = Math.min(area.endCol(), area.sheet().usedColumns());
    for (int r = area.startRow(); r < endRow; r++) {
      for (int c = area.startCol(); c < endCol; c++) {
        area.sheet().set(r, c, null);
      }
    }
    return area.a1();
  }
}
