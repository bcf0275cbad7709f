package dev.sheetsync.emulator;

import java.util.function.Function;

/**
 * Moves cells of a sheet and keeps every formula in the spreadsheet pointing at the same data, as
 * Sheets does.
 *
 * <p>The rule: inserting rows (columns) at index i shifts every reference to that tab at or below
 * (right of) i by the count; a range grows when the insertion falls inside it. Deleting shifts
 * references below the deleted band up; a cell reference inside the band becomes {@code #REF!}; a
 * range is cut to what survives, or becomes {@code #REF!} if nothing does. Whole-column references
 * ignore row changes and whole-row references column changes. {@code $} anchors do not matter here
 * (they only matter when a formula is copied). A formula moved by a sort is treated as copied: its
 * relative row references move by the same distance, so {@code =B5*C5} written in row 5 reads
 * {@code =B2*C2} when sorted to row 2.
 */
final class Structure {

  private Structure() {}

  static void insertRows(Spreadsheet book, Sheet sheet, int at, int count) {
    sheet.insertRows(at, count);
    rewriteAll(book, sheet, ref -> shift(ref, true, at, count));
  }

  static void deleteRows(Spreadsheet book, Sheet sheet, int from, int to) {
    sheet.deleteRows(from, to);
    rewriteAll(book, sheet, ref -> cut(ref, true, from, to));
  }

  static void insertColumns(Spreadsheet book, Sheet sheet, int at, int count) {
    sheet.insertColumns(at, count);
    rewriteAll(book, sheet, ref -> shift(ref, false, at, count));
  }

  static void deleteColumns(Spreadsheet book, Sheet sheet, int from, int to) {
    sheet.deleteColumns(from, to);
    rewriteAll(book, sheet, ref -> cut(ref, false, from, to));
  }

  /** Renames references to {@code oldTitle}; with {@code newTitle} null they become #REF!. */
  static void renameSheet(Spreadsheet book, String oldTitle, String newTitle) {
    for (Sheet s : book.sheets) {
      forEachFormula(
          s,
          source ->
              FormulaRefs.rewrite(
                  source,
                  ref -> {
                    if (ref.sheet() == null || !ref.sheet().equalsIgnoreCase(oldTitle)) {
                      return null;
                    }
                    return newTitle == null
                        ? "#REF!"
                        : new FormulaRefs.Ref(newTitle, ref.start(), ref.end()).text();
                  }));
    }
  }

  /** The formula as if copied {@code delta} rows down (up when negative). */
  static String copyRows(String source, int delta) {
    return copied(source, delta, 0);
  }

  /** The formula as if copied {@code rows} down and {@code cols} right ($ anchors hold). */
  static String copied(String source, int rows, int cols) {
    return FormulaRefs.rewrite(
        source,
        ref -> {
          FormulaRefs.Point a = moveRelative(ref.start(), rows, cols);
          FormulaRefs.Point b = ref.end() == null ? null : moveRelative(ref.end(), rows, cols);
          if (a == null || (ref.end() != null && b == null)) {
            return "#REF!";
          }
          return new FormulaRefs.Ref(ref.sheet(), a, b).text();
        });
  }

  private static FormulaRefs.Point moveRelative(FormulaRefs.Point p, int rows, int cols) {
    int row = p.row() < 0 || p.rowAbs() ? p.row() : p.row() + rows;
    int col = p.col() < 0 || p.colAbs() ? p.col() : p.col() + cols;
    if ((p.row() >= 0 && row < 0) || (p.col() >= 0 && col < 0)) {
      return null;
    }
    return new FormulaRefs.Point(col, p.colAbs(), row, p.rowAbs());
  }

  /**
   * Moves rows (columns) {@code [start, end)} to {@code destination}, an index counted before the
   * move as moveDimension does; references to the tab follow the cells they pointed at.
   */
  static void moveDimension(
      Spreadsheet book, Sheet sheet, boolean rows, int start, int end, int destination) {
    int n = end - start;
    int insertAt = destination > start ? destination - n : destination;
    java.util.function.IntUnaryOperator moved =
        i -> {
          if (i >= start && i < end) {
            return insertAt + i - start;
          }
          int j = i >= end ? i - n : i;
          return j >= insertAt ? j + n : j;
        };
    sheet.move(rows, start, end, insertAt);
    rewriteAll(
        book,
        sheet,
        ref -> {
          FormulaRefs.Point a = remap(ref.start(), rows, moved);
          FormulaRefs.Point b = ref.end() == null ? null : remap(ref.end(), rows, moved);
          if (b != null && (rows ? b.row() < a.row() : b.col() < a.col())) {
            FormulaRefs.Point lo =
                rows ? withIndex(a, true, b.row()) : withIndex(a, false, b.col());
            FormulaRefs.Point hi =
                rows ? withIndex(b, true, a.row()) : withIndex(b, false, a.col());
            return new FormulaRefs.Ref(ref.sheet(), lo, hi);
          }
          return new FormulaRefs.Ref(ref.sheet(), a, b);
        });
  }

  private static FormulaRefs.Point remap(
      FormulaRefs.Point p, boolean rows, java.util.function.IntUnaryOperator moved) {
    int index = rows ? p.row() : p.col();
    return index < 0 ? p : withIndex(p, rows, moved.applyAsInt(index));
  }

  /**
   * After a cut and paste: references wholly inside the cut area of {@code from} now point at the
   * pasted cells, {@code rows} down and {@code cols} right, on {@code to}.
   */
  static void followCut(
      Spreadsheet book, Sheet from, CellEdits.Grid cut, Sheet to, int rows, int cols) {
    for (Sheet s : book.sheets) {
      forEachFormula(
          s,
          source ->
              FormulaRefs.rewrite(
                  source,
                  ref -> {
                    boolean pointsAtCut =
                        ref.sheet() == null ? s == from : ref.sheet().equalsIgnoreCase(from.title);
                    if (!pointsAtCut
                        || !cut.contains(ref.start())
                        || (ref.end() != null && !cut.contains(ref.end()))) {
                      return null;
                    }
                    String sheet = to == from ? ref.sheet() : to.title;
                    return new FormulaRefs.Ref(
                            sheet,
                            shiftBy(ref.start(), rows, cols),
                            ref.end() == null ? null : shiftBy(ref.end(), rows, cols))
                        .text();
                  }));
    }
  }

  private static FormulaRefs.Point shiftBy(FormulaRefs.Point p, int rows, int cols) {
    return new FormulaRefs.Point(p.col() + cols, p.colAbs(), p.row() + rows, p.rowAbs());
  }

  private static void rewriteAll(
      Spreadsheet book, Sheet target, Function<FormulaRefs.Ref, FormulaRefs.Ref> change) {
    for (Sheet s : book.sheets) {
      forEachFormula(
          s,
          source ->
              FormulaRefs.rewrite(
                  source,
                  ref -> {
                    boolean pointsHere =
                        ref.sheet() == null
                            ? s == target
                            : ref.sheet().equalsIgnoreCase(target.title);
                    if (!pointsHere) {
                      return null;
                    }
                    FormulaRefs.Ref changed = change.apply(ref);
                    return changed == null ? "#REF!" : changed.text();
                  }));
    }
  }

  private static void forEachFormula(Sheet sheet, Function<String, String> rewrite) {
    int rows = sheet.usedRows();
    int cols = sheet.usedColumns();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (sheet.get(r, c) instanceof Cell.Formula f) {
          String updated = rewrite.apply(f.source());
          if (!updated.equals(f.source())) {
            sheet.set(r, c, new Cell.Formula(updated));
          }
        }
      }
    }
  }

  private static FormulaRefs.Ref shift(FormulaRefs.Ref ref, boolean rows, int at, int count) {
    return new FormulaRefs.Ref(
        ref.sheet(),
        shiftPoint(ref.start(), rows, at, count),
        ref.end() == null ? null : shiftPoint(ref.end(), rows, at, count));
  }

  private static FormulaRefs.Point shiftPoint(FormulaRefs.Point p, boolean rows, int at, int n) {
    int index = rows ? p.row() : p.col();
    if (index < at) {
      return p;
    }
    return rows
        ? new FormulaRefs.Point(p.col(), p.colAbs(), index + n, p.rowAbs())
        : new FormulaRefs.Point(index + n, p.colAbs(), p.row(), p.rowAbs());
  }

  /** The reference after deleting [from, to); null when nothing it pointed at survives. */
  private static FormulaRefs.Ref cut(FormulaRefs.Ref ref, boolean rows, int from, int to) {
    int n = to - from;
    FormulaRefs.Point a = ref.start();
    int ia = rows ? a.row() : a.col();
    if (ref.end() == null) {
      if (ia < from) {
        return ref;
      }
      if (ia < to) {
        return null;
      }
      return new FormulaRefs.Ref(ref.sheet(), withIndex(a, rows, ia - n), null);
    }
    FormulaRefs.Point b = ref.end();
    int ib = rows ? b.row() : b.col();
    if (ia < 0 || ib < 0) {
      return ref; // whole columns (rows) are not affected by row (column) deletes
    }
    int na = ia < from ? ia : ia < to ? from : ia - n;
    int nb = ib < from ? ib : ib < to ? from - 1 : ib - n;
    if (nb < na) {
      return null;
    }
    return new FormulaRefs.Ref(ref.sheet(), withIndex(a, rows, na), withIndex(b, rows, nb));
  }

  private static FormulaRefs.Point withIndex(FormulaRefs.Point p, boolean rows, int index) {
    return rows
        ? new FormulaRefs.Point(p.col(), p.colAbs(), index, p.rowAbs())
        : new FormulaRefs.Point(index, p.colAbs(), p.row(), p.rowAbs());
  }
}
