package dev.sheetsync.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One tab: its properties and a sparse row-major store of cells. Not thread-safe; {@link Workbooks}
 * guards every access with its lock.
 */
final class Sheet {

  static final int DEFAULT_ROWS = 1000;
  static final int DEFAULT_COLUMNS = 26;

  final int sheetId;
  String title;
  int rowCount;
  int columnCount;
  int frozenRowCount;
  int frozenColumnCount;

  /** Presentation-only properties, stored as Google echoes them (see {@link PropertyEdits}). */
  ObjectNode extra = Json.MAPPER.createObjectNode();

  /** Merges, protected ranges and the basic filter, as answered (see {@link SheetObjects}). */
  ObjectNode objects = Json.MAPPER.createObjectNode();

  private final List<List<Cell>> rows = new ArrayList<>();

  Sheet(int sheetId, String title, int rowCount, int columnCount) {
    this.sheetId = sheetId;
    this.title = title;
    this.rowCount = rowCount;
    this.columnCount = columnCount;
  }

  Cell get(int row, int col) {
    if (row >= rows.size()) {
      return null;
    }
    List<Cell> r = rows.get(row);
    return col < r.size() ? r.get(col) : null;
  }

  void set(int row, int col, Cell cell) {
    if (cell == null && get(row, col) == null) {
      return;
    }
    while (rows.size() <= row) {
      rows.add(new ArrayList<>());
    }
    List<Cell> r = rows.get(row);
    while (r.size() <= col) {
      r.add(null);
    }
    r.set(col, cell);
  }

  /** One past the last row that stores a cell. */
  int usedRows() {
    for (int i = rows.size() - 1; i >= 0; i--) {
      for (Cell c : rows.get(i)) {
        if (c != null) {
          return i + 1;
        }
      }
    }
    return 0;
  }

  /** One past the last column that stores a cell. */
  int usedColumns() {
    int max = 0;
    for (List<Cell> r : rows) {
      for (int c = r.size() - 1; c >= max; c--) {
        if (r.get(c) != null) {
          max = c + 1;
          break;
        }
      }
    }
    return max;
  }

  void insertRows(int at, int count) {
    if (at < rows.size()) {
      for (int i = 0; i < count; i++) {
        rows.add(at, new ArrayList<>());
      }
    }
    rowCount += count;
  }

  void deleteRows(int from, int to) {
    for (int i = Math.min(to, rows.size()) - 1; i >= from; i--) {
      rows.remove(i);
    }
    rowCount -= to - from;
  }

  void insertColumns(int at, int count) {
    for (List<Cell> r : rows) {
      if (at < r.size()) {
        for (int i = 0; i < count; i++) {
          r.add(at, null);
        }
      }
    }
    columnCount += count;
  }

  void deleteColumns(int from, int to) {
    for (List<Cell> r : rows) {
      for (int i = Math.min(to, r.size()) - 1; i >= from; i--) {
        r.remove(i);
      }
    }
    columnCount -= to - from;
  }

  /** Moves rows (columns) {@code [start, end)} so that they begin at {@code insertAt} after. */
  void move(boolean asRows, int start, int end, int insertAt) {
    if (asRows) {
      moveWithin(rows, start, end, insertAt, ArrayList::new);
    } else {
      for (List<Cell> r : rows) {
        moveWithin(r, start, end, insertAt, () -> null);
      }
    }
  }

  private static <T> void moveWithin(
      List<T> list, int start, int end, int insertAt, java.util.function.Supplier<T> empty) {
    int needed = Math.max(end, insertAt + end - start);
    if (list.size() <= start && list.size() <= insertAt) {
      return; // nothing stored in either place
    }
    while (list.size() < needed) {
      list.add(empty.get());
    }
    List<T> band = new ArrayList<>(list.subList(start, end));
    list.subList(start, end).clear();
    list.addAll(insertAt, band);
  }

  Sheet copy() {
    Sheet copy = new Sheet(sheetId, title, rowCount, columnCount);
    copy.frozenRowCount = frozenRowCount;
    copy.frozenColumnCount = frozenColumnCount;
    copy.extra = extra.deepCopy();
    copy.objects = objects.deepCopy();
    for (List<Cell> r : rows) {
      copy.rows.add(new ArrayList<>(r));
    }
    return copy;
  }

  /** The cells of rows {@code [from, to)} and columns {@code [startCol, endCol)}. */
  List<List<Cell>> rowSlice(int from, int to, int startCol, int endCol) {
    List<List<Cell>> out = new ArrayList<>();
    for (int r = from; r < to; r++) {
      List<Cell> row = new ArrayList<>();
      for (int c = startCol; c < endCol; c++) {
        row.add(get(r, c));
      }
      out.add(row);
    }
    return out;
  }
}
