package dev.sheetsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code values.append} and its table detection.
 *
 * <p>The rule implemented, fitted to Google's recorded answers (gspread's cassettes
 * WorksheetTest.test_append_row*, 2023):
 *
 * <ol>
 *   <li>Clip the input range to the grid and find its <em>last</em> non-empty cell: the bottom row
 *       holding data, its rightmost non-empty cell. If there is none, there is no table: values are
 *       written at the range's first cell and {@code tableRange} is omitted.
 *   <li>Otherwise the table starts as that cell and grows, over the whole tab (not only inside the
 *       input range), by whole rows and columns: a row directly above or below joins if it has a
 *       non-empty cell within the table's columns; a column directly left or right joins if it has
 *       a non-empty cell within the table's rows. Repeat until nothing joins. So an empty column
 *       (within the table's rows) ends a table, as does an empty row.
 *   <li>Values are written from the row after the table's last row, starting at the table's first
 *       column. {@code INSERT_ROWS} first inserts as many rows there (rows below shift down and the
 *       grid grows); {@code OVERWRITE} writes over what is there, growing the grid only if the data
 *       runs past its end (columns too, in both modes).
 * </ol>
 *
 * <p>The recorded cases behind it: on an empty tab, appending {@code [["a","","c"]]} to {@code
 * Sheet1} writes {@code Sheet1!A1:C1} with no tableRange; appending it again to {@code Sheet1}
 * finds the table {@code Sheet1!C1} (the last cell, cut off from A1 by the empty B1) and writes
 * {@code Sheet1!C2:E2}; appending it instead to {@code Sheet1!A1} finds {@code Sheet1!A1} and
 * writes {@code Sheet1!A2:C2}. Rows of full data appended to {@code Sheet1} grow one table, {@code
 * Sheet1!A1:J1} then {@code A1:J2}, {@code A1:J3}…
 */
final class Append {

  record Table(int startRow, int endRow, int startCol, int endCol) {}

  private Append() {}

  static ObjectNode append(
      Spreadsheet book, String rangeText, JsonNode body, boolean userEntered, boolean insertRows) {
    ValuesOps.Area area = ValuesOps.area(book, rangeText);
    Sheet sheet = area.sheet();
    Table table = detect(sheet, area);
    int row = table == null ? area.startRow() : table.endRow();
    int col = table == null ? area.startCol() : table.startCol();
    List<List<JsonNode>> rows = ValuesOps.matrix(body);
    int height = rows.size();
    int width = rows.stream().mapToInt(List::size).max().orElse(0);
    if (insertRows && height > 0) {
      Structure.insertRows(book, sheet, row, height);
    }
    sheet.rowCount = Math.max(sheet.rowCount, row + height);
    sheet.columnCount = Math.max(sheet.columnCount, col + width);
    ObjectNode updates = ValuesOps.write(book, sheet, row, col, rows, userEntered);
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("spreadsheetId", book.spreadsheetId);
    if (table != null) {
      out.put(
          "tableRange",
          A1.format(
              sheet.title, table.startRow(), table.endRow(), table.startCol(), table.endCol()));
    }
    out.set("updates", updates);
    return out;
  }

  /** The table found from the area, or null. */
  static Table detect(Sheet sheet, ValuesOps.Area area) {
    int endRow = Math.min(area.endRow(), sheet.usedRows());
    int endCol = Math.min(area.endCol(), sheet.usedColumns());
    for (int r = endRow - 1; r >= area.startRow(); r--) {
      for (int c = endCol - 1; c >= area.startCol(); c--) {
        if (sheet.get(r, c) != null) {
          return grow(sheet, r, c);
        }
      }
    }
    return null;
  }

  private static Table grow(Sheet sheet, int row, int col) {
    int r0 = row;
    int r1 = row + 1;
    int c0 = col;
    int c1 = col + 1;
    boolean grew = true;
    while (grew) {
      grew = false;
      if (r0 > 0 && anyInRow(sheet, r0 - 1, c0, c1)) {
        r0--;
        grew = true;
      }
      if (anyInRow(sheet, r1, c0, c1)) {
        r1++;
        grew = true;
      }
      if (c0 > 0 && anyInColumn(sheet, c0 - 1, r0, r1)) {
        c0--;
        grew = true;
      }
      if (anyInColumn(sheet, c1, r0, r1)) {
        c1++;
        grew = true;
      }
    }
    return new Table(r0, r1, c0, c1);
  }

  private static boolean anyInRow(Sheet sheet, int row, int c0, int c1) {
    for (int c = c0; c < c1; c++) {
      if (sheet.get(row, c) != null) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyInColumn(Sheet sheet, int col, int r0, int r1) {
    for (int r = r0; r < r1; r++) {
      if (sheet.get(r, col) != null) {
        return true;
      }
    }
    return false;
  }
}
