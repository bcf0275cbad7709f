package dev.sheetsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * The batchUpdate requests that edit cells the way people do in the UI: {@code copyPaste}, {@code
 * cutPaste}, {@code moveDimension}, {@code updateCells} and {@code repeatCell}. Values and formulas
 * and notes are modelled; formats, borders, validation and conditional formats are accepted without
 * effect.
 *
 * <p>The rules, as the API reference states them: a copy repeats the source to fill a destination
 * that is a whole multiple of it, and otherwise pastes the whole source once from the destination's
 * first cell; copied formulas shift their relative references ({@code $} anchors hold), and {@code
 * PASTE_VALUES} pastes what formulas show. A cut empties the source, pastes it unchanged at the
 * destination, and every reference wholly inside the cut area follows it. {@code moveDimension}
 * counts {@code destinationIndex} before the move, and references follow the moved rows.
 */
final class CellEdits {

  /** A grid range resolved against its sheet: zero-based, end-exclusive, inside the grid. */
  record Grid(Sheet sheet, int startRow, int endRow, int startCol, int endCol) {
    boolean contains(FormulaRefs.Point p) {
      return p.row() >= startRow && p.row() < endRow && p.col() >= startCol && p.col() < endCol;
    }

    int height() {
      return endRow - startRow;
    }

    int width() {
      return endCol - startCol;
    }
  }

  private static final Set<String> PASTE_TYPES =
      Set.of(
          "PASTE_NORMAL",
          "PASTE_VALUES",
          "PASTE_FORMAT",
          "PASTE_NO_BORDERS",
          "PASTE_FORMULA",
          "PASTE_DATA_VALIDATION",
          "PASTE_CONDITIONAL_FORMATTING");

  /** Paste types that carry no values: the emulator does not model what they paste. */
  private static final Set<String> FORMAT_ONLY =
      Set.of("PASTE_FORMAT", "PASTE_DATA_VALIDATION", "PASTE_CONDITIONAL_FORMATTING");

  private CellEdits() {}

  /** A GridRange: missing bounds mean the whole sheet; 400 outside the grid. */
  static Grid grid(Spreadsheet book, JsonNode range) {
    Sheet sheet = SpreadsheetOps.sheet(book, range.path("sheetId"));
    int startRow = range.path("startRowIndex").asInt(0);
    int endRow = range.path("endRowIndex").asInt(sheet.rowCount);
    int startCol = range.path("startColumnIndex").asInt(0);
    int endCol = range.path("endColumnIndex").asInt(sheet.columnCount);
    if (startRow < 0 || startCol < 0 || endRow < startRow || endCol < startCol) {
      throw ApiException.badRequest("Invalid range: start index must not exceed end index.");
    }
    if (endRow > sheet.rowCount || endCol > sheet.columnCount) {
      throw ValuesOps.gridLimits(
          sheet, Math.min(endRow - 1, sheet.rowCount), Math.min(endCol - 1, sheet.columnCount));
    }
    return new Grid(sheet, startRow, endRow, startCol, endCol);
  }

  static void copyPaste(Spreadsheet book, JsonNode r) {
    Grid source = grid(book, r.path("source"));
    Grid destination = grid(book, r.path("destination"));
    String type = pasteType(r);
    String orientation = r.path("pasteOrientation").asText("NORMAL");
    if (!orientation.equals("NORMAL") && !orientation.equals("TRANSPOSE")) {
      throw invalidEnum("paste_orientation", "PasteOrientation", orientation);
    }
    if (FORMAT_ONLY.contains(type)) {
      return;
    }
    boolean transpose = orientation.equals("TRANSPOSE");
    List<List<Cell>> cells =
        source
            .sheet()
            .rowSlice(source.startRow(), source.endRow(), source.startCol(), source.endCol());
    FormulaEvaluator ev = new FormulaEvaluator(book);
    int height = transpose ? source.width() : source.height();
    int width = transpose ? source.height() : source.width();
    int tilesDown =
        destination.height() % height == 0 ? Math.max(1, destination.height() / height) : 1;
    int tilesRight =
        destination.width() % width == 0 ? Math.max(1, destination.width() / width) : 1;
    Sheet into = destination.sheet();
    into.rowCount = Math.max(into.rowCount, destination.startRow() + height * tilesDown);
    into.columnCount = Math.max(into.columnCount, destination.startCol() + width * tilesRight);
    for (int i = 0; i < source.height(); i++) {
      for (int j = 0; j < source.width(); j++) {
        Cell cell = cells.get(i).get(j);
        Object shown =
            cell instanceof Cell.Formula && type.equals("PASTE_VALUES")
                ? ev.value(source.sheet(), source.startRow() + i, source.startCol() + j)
                : null;
        for (int ti = 0; ti < tilesDown; ti++) {
          for (int tj = 0; tj < tilesRight; tj++) {
            int row = destination.startRow() + ti * height + (transpose ? j : i);
            int col = destination.startCol() + tj * width + (transpose ? i : j);
            into.set(
                row,
                col,
                pasted(cell, shown, row - source.startRow() - i, col - source.startCol() - j));
          }
        }
      }
    }
  }

  private static Cell pasted(Cell cell, Object shown, int rows, int cols) {
    if (!(cell instanceof Cell.Formula f)) {
      return cell;
    }
    if (shown != null) {
      return valueCell(shown);
    }
    return new Cell.Formula(Structure.copied(f.source(), rows, cols));
  }

  /** The cell holding a formula's shown value (what PASTE_VALUES pastes). */
  private static Cell valueCell(Object v) {
    if (v instanceof Double d) {
      return new Cell.Num(d, false);
    }
    if (v instanceof Boolean b) {
      return new Cell.Bool(b);
    }
    String text = Values.text(v);
    return text.isEmpty() ? null : new Cell.Text(text);
  }

  static void cutPaste(Spreadsheet book, JsonNode r) {
    Grid source = grid(book, r.path("source"));
    JsonNode at = r.path("destination");
    Sheet into = SpreadsheetOps.sheet(book, at.path("sheetId"));
    int row = at.path("rowIndex").asInt(0);
    int col = at.path("columnIndex").asInt(0);
    String type = pasteType(r);
    if (row < 0 || col < 0 || row >= into.rowCount || col >= into.columnCount) {
      throw ValuesOps.gridLimits(into, row, col);
    }
    if (FORMAT_ONLY.contains(type)) {
      return;
    }
    List<List<Cell>> cells =
        source
            .sheet()
            .rowSlice(source.startRow(), source.endRow(), source.startCol(), source.endCol());
    Structure.followCut(
        book, source.sheet(), source, into, row - source.startRow(), col - source.startCol());
    // Re-read: followCut may have rewritten formulas inside the cut area itself.
    cells =
        source
            .sheet()
            .rowSlice(source.startRow(), source.endRow(), source.startCol(), source.endCol());
    for (int i = 0; i < source.height(); i++) {
      for (int j = 0; j < source.width(); j++) {
        source.sheet().set(source.startRow() + i, source.startCol() + j, null);
      }
    }
    into.rowCount = Math.max(into.rowCount, row + source.height());
    into.columnCount = Math.max(into.columnCount, col + source.width());
    for (int i = 0; i < cells.size(); i++) {
      for (int j = 0; j < cells.get(i).size(); j++) {
        into.set(row + i, col + j, cells.get(i).get(j));
      }
    }
  }

  static void moveDimension(Spreadsheet book, JsonNode r) {
    JsonNode range = r.path("source");
    Sheet sheet = SpreadsheetOps.sheet(book, range.path("sheetId"));
    String dimension = range.path("dimension").asText("");
    if (!dimension.equals("ROWS") && !dimension.equals("COLUMNS")) {
      throw invalidEnum("source.dimension", "Dimension", dimension);
    }
    boolean rows = dimension.equals("ROWS");
    int count = rows ? sheet.rowCount : sheet.columnCount;
    int start = range.path("startIndex").asInt(0);
    int end = range.path("endIndex").asInt(count);
    int destination = r.path("destinationIndex").asInt(-1);
    if (start < 0 || end <= start || end > count) {
      throw ApiException.badRequest("Invalid source range: [" + start + ", " + end + ").");
    }
    if (destination < 0 || destination > count) {
      throw ApiException.badRequest(
          "destinationIndex must be within the grid (0 to " + count + ").");
    }
    if (destination >= start && destination <= end) {
      return; // moving a band into itself changes nothing
    }
    Structure.moveDimension(book, sheet, rows, start, end, destination);
  }

  /**
   * updateCells: the CellData of {@code rows} written from {@code start} (or over {@code range},
   * where cells the rows do not cover lose the masked fields). {@code userEnteredValue} and {@code
   * note} are modelled; other masked fields are accepted.
   */
  static void updateCells(Spreadsheet book, JsonNode r) {
    String mask = r.path("fields").asText("");
    boolean values = masks(mask, "userEnteredValue");
    boolean notes = masks(mask, "note");
    Grid area;
    if (r.has("range")) {
      area = grid(book, r.path("range"));
    } else {
      JsonNode start = r.path("start");
      Sheet sheet = SpreadsheetOps.sheet(book, start.path("sheetId"));
      int row = start.path("rowIndex").asInt(0);
      int col = start.path("columnIndex").asInt(0);
      int height = r.path("rows").size();
      int width = 0;
      for (JsonNode rowData : r.path("rows")) {
        width = Math.max(width, rowData.path("values").size());
      }
      if (row + height > sheet.rowCount || col + width > sheet.columnCount) {
        throw ValuesOps.gridLimits(sheet, row + height - 1, col + width - 1);
      }
      area = new Grid(sheet, row, row + height, col, col + width);
    }
    JsonNode rows = r.path("rows");
    for (int i = 0; i < area.height(); i++) {
      JsonNode cells = rows.path(i).path("values");
      for (int j = 0; j < area.width(); j++) {
        JsonNode data = cells.path(j);
        int row = area.startRow() + i;
        int col = area.startCol() + j;
        if (values) {
          area.sheet().set(row, col, entered(data.path("userEnteredValue")));
        }
        if (notes) {
          area.sheet().setNote(row, col, data.path("note").asText(null));
        }
      }
    }
  }

  /** repeatCell: one CellData over a range; a formula shifts as if filled from the first cell. */
  static void repeatCell(Spreadsheet book, JsonNode r) {
    Grid area = grid(book, r.path("range"));
    String mask = r.path("fields").asText("");
    boolean values = masks(mask, "userEnteredValue");
    boolean notes = masks(mask, "note");
    Cell cell = entered(r.path("cell").path("userEnteredValue"));
    String note = r.path("cell").path("note").asText(null);
    for (int i = 0; i < area.height(); i++) {
      for (int j = 0; j < area.width(); j++) {
        if (values) {
          area.sheet().set(area.startRow() + i, area.startCol() + j, pasted(cell, null, i, j));
        }
        if (notes) {
          area.sheet().setNote(area.startRow() + i, area.startCol() + j, note);
        }
      }
    }
  }

  /** Whether a CellData mask covers a field; 400 for an empty mask. */
  private static boolean masks(String mask, String field) {
    if (mask.isBlank()) {
      throw ApiException.badRequest("At least one field must be specified.");
    }
    return FieldMask.paths(mask).stream()
        .anyMatch(p -> p.equals("*") || p.equals(field) || p.startsWith(field + "."));
  }

  /** The cell an ExtendedValue writes; no value clears. */
  private static Cell entered(JsonNode v) {
    if (v.has("formulaValue")) {
      return CellCodec.typed(v.get("formulaValue").asText());
    }
    if (v.has("numberValue")) {
      return new Cell.Num(v.get("numberValue").asDouble(), false);
    }
    if (v.has("boolValue")) {
      return new Cell.Bool(v.get("boolValue").asBoolean());
    }
    if (v.has("stringValue")) {
      String s = v.get("stringValue").asText();
      return s.isEmpty() ? null : new Cell.Text(s);
    }
    return null;
  }

  private static String pasteType(JsonNode r) {
    String type = r.path("pasteType").asText("PASTE_NORMAL");
    if (!PASTE_TYPES.contains(type)) {
      throw invalidEnum("paste_type", "PasteType", type);
    }
    return type;
  }

  static ApiException invalidEnum(String field, String type, String value) {
    return ApiException.invalidValue(field, type, value);
  }
}
