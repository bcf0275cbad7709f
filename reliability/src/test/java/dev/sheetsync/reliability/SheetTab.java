package dev.sheetsync.reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * One tab as read back from the sheet in three renders: UNFORMATTED_VALUE (numbers are numbers,
 * text exactly the text), FORMATTED_VALUE (as people see it), FORMULA. Row 0 is sheet row 1 (the
 * header). Cells are normalised to strings ({@link Cells#text}); a missing cell is "".
 */
record SheetTab(
    String title,
    List<List<String>> values,
    List<List<String>> formatted,
    List<List<String>> formulas) {

  SheetTab {
    values = copy(values);
    formatted = copy(formatted);
    formulas = copy(formulas);
  }

  int rowCount() {
    return Math.max(values.size(), formulas.size());
  }

  String value(int rowIndex, int column) {
    return cell(values, rowIndex, column);
  }

  /** Whether the cell shows {@code expected}, read either unformatted or formatted. */
  boolean shows(int rowIndex, int column, String expected) {
    return Cells.same(expected, value(rowIndex, column))
        || Cells.same(expected, cell(formatted, rowIndex, column));
  }

  String formula(int rowIndex, int column) {
    return cell(formulas, rowIndex, column);
  }

  /** Sheet row number (1-based) of a zero-based row index. */
  static int rowNumber(int rowIndex) {
    return rowIndex + 1;
  }

  private static String cell(List<List<String>> rows, int rowIndex, int column) {
    if (rowIndex >= rows.size()) {
      return "";
    }
    List<String> row = rows.get(rowIndex);
    return column < row.size() && row.get(column) != null ? row.get(column) : "";
  }

  private static List<List<String>> copy(List<List<String>> rows) {
    List<List<String>> copy = new ArrayList<>(rows.size());
    for (List<String> row : rows) {
      copy.add(List.copyOf(row.stream().map(c -> c == null ? "" : c).toList()));
    }
    return List.copyOf(copy);
  }
}
