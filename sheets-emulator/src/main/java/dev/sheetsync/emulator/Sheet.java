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

  private SparseGrid<Cell> cells = new SparseGrid<>();
  private SparseGrid<String> notes = new SparseGrid<>();

  Sheet(int sheetId, String title, int rowCount, int columnCount) {
    this.sheetId = sheetId;
    this.title = title;
    this.rowCount = rowCount;
    this.columnCount = columnCount;
  }

  Cell get(int row, int col) {
    return cells.get(row, col);
  }

  void set(int row, int col, Cell cell) {
    cells.set(row, col, cell);
  }

  /** The note on a cell, or null. */
  String note(int row, int col) {
    return notes.get(row, col);
  }

  /** Sets (null or empty: removes) the note on a cell. */
  void setNote(int row, int col, String note) {
    notes.set(row, col, note == null || note.isEmpty() ? null : note);
  }

  /** One past the last row that stores a cell. */
  int usedRows() {
    return cells.usedRows();
  }

  /** One past the last column that stores a cell. */
  int usedColumns() {
    return cells.usedColumns();
  }

  /** One past the last row or column holding a value or a note. */
  int usedRowsWithNotes() {
    return Math.max(cells.usedRows(), notes.usedRows());
  }

  int usedColumnsWithNotes() {
    return Math.max(cells.usedColumns(), notes.usedColumns());
  }

  void insertRows(int at, int count) {
    cells.insertRows(at, count);
    notes.insertRows(at, count);
    rowCount += count;
  }

  void deleteRows(int from, int to) {
    cells.deleteRows(from, to);
    notes.deleteRows(from, to);
    rowCount -= to - from;
  }

  void insertColumns(int at, int count) {
    cells.insertColumns(at, count);
    notes.insertColumns(at, count);
    columnCount += count;
  }

  void deleteColumns(int from, int to) {
    cells.deleteColumns(from, to);
    notes.deleteColumns(from, to);
    columnCount -= to - from;
  }

  /** Moves rows (columns) {@code [start, end)} so that they begin at {@code insertAt} after. */
  void move(boolean asRows, int start, int end, int insertAt) {
    cells.move(asRows, start, end, insertAt);
    notes.move(asRows, start, end, insertAt);
  }

  Sheet copy() {
    Sheet copy = new Sheet(sheetId, title, rowCount, columnCount);
    copy.frozenRowCount = frozenRowCount;
    copy.frozenColumnCount = frozenColumnCount;
    copy.extra = extra.deepCopy();
    copy.objects = objects.deepCopy();
    copy.cells = cells.copy();
    copy.notes = notes.copy();
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
