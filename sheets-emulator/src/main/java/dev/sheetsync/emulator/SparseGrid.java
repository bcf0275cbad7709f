package dev.sheetsync.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * A sparse row-major grid of values (null = empty) that rows and columns can be inserted into,
 * deleted from and moved within. {@link Sheet} keeps its cells and its notes in two of these, so a
 * note moves with its cell. Not thread-safe.
 */
final class SparseGrid<T> {

  private final List<List<T>> rows = new ArrayList<>();

  T get(int row, int col) {
    if (row >= rows.size()) {
      return null;
    }
    List<T> r = rows.get(row);
    return col < r.size() ? r.get(col) : null;
  }

  void set(int row, int col, T value) {
    if (value == null && get(row, col) == null) {
      return;
    }
    while (rows.size() <= row) {
      rows.add(new ArrayList<>());
    }
    List<T> r = rows.get(row);
    while (r.size() <= col) {
      r.add(null);
    }
    r.set(col, value);
  }

  /** One past the last row that holds a value. */
  int usedRows() {
    for (int i = rows.size() - 1; i >= 0; i--) {
      for (T v : rows.get(i)) {
        if (v != null) {
          return i + 1;
        }
      }
    }
    return 0;
  }

  /** One past the last column that holds a value. */
  int usedColumns() {
    int max = 0;
    for (List<T> r : rows) {
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
  }

  void deleteRows(int from, int to) {
    for (int i = Math.min(to, rows.size()) - 1; i >= from; i--) {
      rows.remove(i);
    }
  }

  void insertColumns(int at, int count) {
    for (List<T> r : rows) {
      if (at < r.size()) {
        for (int i = 0; i < count; i++) {
          r.add(at, null);
        }
      }
    }
  }

  void deleteColumns(int from, int to) {
    for (List<T> r : rows) {
      for (int i = Math.min(to, r.size()) - 1; i >= from; i--) {
        r.remove(i);
      }
    }
  }

  /** Moves rows (columns) {@code [start, end)} so that they begin at {@code insertAt} after. */
  void move(boolean asRows, int start, int end, int insertAt) {
    if (asRows) {
      moveWithin(rows, start, end, insertAt, ArrayList::new);
    } else {
      for (List<T> r : rows) {
        moveWithin(r, start, end, insertAt, () -> null);
      }
    }
  }

  private static <E> void moveWithin(
      List<E> list, int start, int end, int insertAt, java.util.function.Supplier<E> empty) {
    if (list.size() <= start && list.size() <= insertAt) {
      return; // nothing stored in either place
    }
    int needed = Math.max(end, insertAt + end - start);
    while (list.size() < needed) {
      list.add(empty.get());
    }
    List<E> band = new ArrayList<>(list.subList(start, end));
    list.subList(start, end).clear();
    list.addAll(insertAt, band);
  }

  SparseGrid<T> copy() {
    SparseGrid<T> copy = new SparseGrid<>();
    for (List<T> r : rows) {
      copy.rows.add(new ArrayList<>(r));
    }
    return copy;
  }
}
