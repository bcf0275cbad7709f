package dev.sheetsync.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code spreadsheets.get} with {@code ranges} and grid data: only the tabs the ranges name are
 * listed, and each carries {@code data}, one GridData per range, whose {@code rowData} holds per
 * cell its {@code userEnteredValue}, {@code effectiveValue}, {@code formattedValue} and {@code
 * note}. As Google answers, trailing empty cells of a row and trailing empty rows are left out, an
 * empty row is {@code {}}, and {@code startRow}/{@code startColumn} are left out when 0. Formats
 * and row/column metadata are not modelled.
 */
final class GridData {

  private GridData() {}

  /** The Spreadsheet resource for {@code ranges} (all tabs when empty), with grid data or not. */
  static ObjectNode resource(
      Spreadsheet book, String baseUrl, List<String> ranges, boolean includeGridData) {
    ObjectNode out = SpreadsheetOps.resource(book, baseUrl);
    if (ranges.isEmpty() && !includeGridData) {
      return out;
    }
    Map<Sheet, List<ValuesOps.Area>> areas = new LinkedHashMap<>();
    if (ranges.isEmpty()) {
      for (Sheet sheet : book.sheets) {
        areas.put(
            sheet, List.of(new ValuesOps.Area(sheet, 0, sheet.rowCount, 0, sheet.columnCount)));
      }
    }
    for (String range : ranges) {
      ValuesOps.Area area = ValuesOps.area(book, range);
      areas.computeIfAbsent(area.sheet(), s -> new ArrayList<>()).add(area);
    }
    ArrayNode sheets = out.putArray("sheets");
    for (Sheet sheet : book.sheets) {
      if (!areas.containsKey(sheet)) {
        continue;
      }
      ObjectNode entry = sheets.addObject();
      entry.set("properties", SpreadsheetOps.properties(book, sheet));
      entry.setAll(sheet.objects.deepCopy());
      if (includeGridData) {
        ArrayNode data = entry.putArray("data");
        FormulaEvaluator ev = new FormulaEvaluator(book);
        for (ValuesOps.Area area : areas.get(sheet)) {
          data.add(gridData(sheet, area, ev));
        }
      }
    }
    return out;
  }

  private static ObjectNode gridData(Sheet sheet, ValuesOps.Area area, FormulaEvaluator ev) {
    ObjectNode grid = Json.MAPPER.createObjectNode();
    if (area.startRow() > 0) {
      grid.put("startRow", area.startRow());
    }
    if (area.startCol() > 0) {
      grid.put("startColumn", area.startCol());
    }
    int endRow = Math.min(area.endRow(), sheet.usedRowsWithNotes());
    int endCol = Math.min(area.endCol(), sheet.usedColumnsWithNotes());
    ArrayNode rowData = Json.MAPPER.createArrayNode();
    int lastRow = -1;
    for (int r = area.startRow(); r < endRow; r++) {
      ObjectNode row = rowData.addObject();
      ArrayNode values = Json.MAPPER.createArrayNode();
      int lastCell = -1;
      for (int c = area.startCol(); c < endCol; c++) {
        ObjectNode cell = cellData(sheet, r, c, ev);
        values.add(cell);
        if (!cell.isEmpty()) {
          lastCell = values.size() - 1;
        }
      }
      while (values.size() > lastCell + 1) {
        values.remove(values.size() - 1);
      }
      if (!values.isEmpty()) {
        row.set("values", values);
        lastRow = rowData.size() - 1;
      }
    }
    while (rowData.size() > lastRow + 1) {
      rowData.remove(rowData.size() - 1);
    }
    if (!rowData.isEmpty()) {
      grid.set("rowData", rowData);
    }
    return grid;
  }

  private static ObjectNode cellData(Sheet sheet, int row, int col, FormulaEvaluator ev) {
    ObjectNode data = Json.MAPPER.createObjectNode();
    Cell cell = sheet.get(row, col);
    if (cell != null) {
      data.set(
          "userEnteredValue",
          extended(
              cell instanceof Cell.Formula f ? f.source() : Values.of(cell),
              cell instanceof Cell.Formula));
      Object shown = cell instanceof Cell.Formula ? ev.value(sheet, row, col) : Values.of(cell);
      data.set("effectiveValue", extended(shown, false));
      data.put(
          "formattedValue",
          String.valueOf(CellCodec.render(cell, shown, ValueRender.FORMATTED_VALUE)));
    }
    String note = sheet.note(row, col);
    if (note != null) {
      data.put("note", note);
    }
    return data;
  }

  /** An ExtendedValue: formulaValue, numberValue, boolValue, errorValue or stringValue. */
  private static ObjectNode extended(Object v, boolean formula) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    if (formula) {
      out.put("formulaValue", (String) v);
    } else if (v instanceof Double d) {
      out.put("numberValue", d);
    } else if (v instanceof Boolean b) {
      out.put("boolValue", b);
    } else if (v instanceof FormulaEvaluator.Error e) {
      out.putObject("errorValue").put("type", "ERROR").put("message", e.code());
    } else {
      out.put("stringValue", Values.text(v));
    }
    return out;
  }
}
