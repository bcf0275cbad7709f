package dev.sheetsync.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Evaluates formulas at read time against the current cells of one spreadsheet, so a formula on one
 * tab reflects the other tabs' data now. Results are {@link Double}, {@link String}, {@link
 * Boolean}, {@link Error} or {@code null} (empty). One instance memoizes cell values and must be
 * used for one read only, under the {@link Workbooks} lock.
 *
 * <p>Supported: numbers, string literals, TRUE/FALSE, {@code + - * / ^ & %}, comparisons, cell
 * references on the same tab or {@code Sheet!A1}, ranges including whole columns ({@code A:A}), and
 * the functions in {@link Functions}. Any other function evaluates to {@code #NAME?}; a reference
 * to a missing tab or a circular reference to {@code #REF!}; arithmetic on text to {@code #VALUE!};
 * division by zero to {@code #DIV/0!}; unparseable formulas to {@code #ERROR!}.
 */
final class FormulaEvaluator {

  /** A formula error value such as {@code #REF!}. */
  record Error(String code) {}

  /** A range argument, clipped to the cells in use. */
  record RangeValue(Sheet sheet, int startRow, int endRow, int startCol, int endCol) {}

  static final Error REF = new Error("#REF!");
  static final Error VALUE = new Error("#VALUE!");
  static final Error DIV0 = new Error("#DIV/0!");
  static final Error NAME = new Error("#NAME?");
  static final Error SYNTAX = new Error("#ERROR!");
  static final Error NA = new Error("#N/A");

  private final Spreadsheet book;
  private final Map<Long, Object> memo = new HashMap<>();
  private final Set<Long> visiting = new HashSet<>();

  FormulaEvaluator(Spreadsheet book) {
    this.book = book;
  }

  /** The value of a cell as a formula sees it (evaluating it if it holds a formula). */
  Object value(Sheet sheet, int row, int col) {
    Cell cell = sheet.get(row, col);
    if (cell == null) {
      return null;
    }
    if (cell instanceof Cell.Formula f) {
      return evaluateCell(sheet, row, col, f.source());
    }
    return Values.of(cell);
  }

  private Object evaluateCell(Sheet sheet, int row, int col, String source) {
    long key = ((long) sheet.sheetId << 42) | ((long) row << 16) | col;
    if (memo.containsKey(key)) {
      return memo.get(key);
    }
    if (!visiting.add(key)) {
      return REF; // Google reports a circular dependency as #REF!
    }
    Object result;
    try {
      result = new Parser(source.substring(1), sheet, row).parseFormula();
    } catch (IllegalStateException | StackOverflowError e) {
      result = SYNTAX;
    } finally {
      visiting.remove(key);
    }
    if (result instanceof RangeValue r) {
      result =
          r.endRow() - r.startRow() == 1 && r.endCol() - r.startCol() == 1
              ? value(r.sheet(), r.startRow(), r.startCol())
              : VALUE;
    }
    memo.put(key, result);
    return result;
  }

  private final class Parser {
    private final String s;
    private final Sheet sheet;
    private final int row;
    private int pos;

    Parser(String s, Sheet sheet, int row) {
      this.s = s;
      this.sheet = sheet;
      this.row = row;
    }

    Object parseFormula() {
      Object v = comparison();
      skipSpaces();
      if (pos != s.length()) {
        throw new IllegalStateException("trailing input at " + pos);
      }
      return v;
    }

    private Object comparison() {
      Object left = concat();
      while (true) {
        skipSpaces();
        String op = peekAny("<>", "<=", ">=", "=", "<", ">");
        if (op == null) {
          return left;
        }
        pos += op.length();
        Object right = concat();
        left = Values.compare(scalar(left), scalar(right), op);
      }
    }

    private Object concat() {
      Object left = additive();
      while (accept('&')) {
        Object right = additive();
        Object l = scalar(left);
        Object r = scalar(right);
        left = l instanceof Error ? l : r instanceof Error ? r : Values.text(l) + Values.text(r);
      }
      return left;
    }

    private Object additive() {
      Object left = term();
      while (true) {
        skipSpaces();
        if (accept('+')) {
          left = Values.arithmetic(scalar(left), scalar(term()), '+');
        } else if (accept('-')) {
          left = Values.arithmetic(scalar(left), scalar(term()), '-');
        } else {
          return left;
        }
      }
    }

    private Object term() {
      Object left = power();
      while (true) {
        if (accept('*')) {
          left = Values.arithmetic(scalar(left), scalar(power()), '*');
        } else if (accept('/')) {
          left = Values.arithmetic(scalar(left), scalar(power()), '/');
        } else {
          return left;
        }
      }
    }

    private Object power() {
      Object left = unary();
      while (accept('^')) {
        left = Values.arithmetic(scalar(left), scalar(unary()), '^');
      }
      return left;
    }

    private Object unary() {
      if (accept('-')) {
        return Values.arithmetic(0.0, scalar(unary()), '-');
      }
      if (accept('+')) {
        return unary();
      }
      Object v = primary();
      while (accept('%')) {
        v = Values.arithmetic(scalar(v), 100.0, '/');
      }
      return v;
    }

    private Object primary() {
      skipSpaces();
      if (pos >= s.length()) {
        throw new IllegalStateException("unexpected end");
      }
      char ch = s.charAt(pos);
      if (ch == '(') {
        pos++;
        Object v = comparison();
        expect(')');
        return v;
      }
      if (ch == '"') {
        return string();
      }
      if (Character.isDigit(ch) || ch == '.') {
        return number();
      }
      if (ch == '#') {
        for (Error e : List.of(REF, VALUE, DIV0, NAME, NA)) {
          if (s.startsWith(e.code(), pos)) {
            pos += e.code().length();
            return e;
          }
        }
        throw new IllegalStateException("bad error literal");
      }
      Matcher m = FormulaRefs.REF.matcher(s);
      m.region(pos, s.length()).useTransparentBounds(true).useAnchoringBounds(false);
      if (m.lookingAt()) {
        pos = m.end();
        return reference(FormulaRefs.fromMatch(m));
      }
      int start = pos;
      while (pos < s.length()
          && (Character.isLetterOrDigit(s.charAt(pos))
              || s.charAt(pos) == '_'
              || s.charAt(pos) == '.')) {
        pos++;
      }
      if (start == pos) {
        throw new IllegalStateException("unexpected " + ch);
      }
      String name = s.substring(start, pos).toUpperCase(Locale.ROOT);
      skipSpaces();
      if (accept('(')) {
        List<Object> args = new ArrayList<>();
        skipSpaces();
        if (!accept(')')) {
          do {
            args.add(comparison());
          } while (accept(','));
          expect(')');
        }
        return Functions.call(name, args, FormulaEvaluator.this, row);
      }
      return switch (name) {
        case "TRUE" -> Boolean.TRUE;
        case "FALSE" -> Boolean.FALSE;
        default -> NAME;
      };
    }

    private Object reference(FormulaRefs.Ref ref) {
      Sheet target = ref.sheet() == null ? sheet : book.sheetByTitle(ref.sheet());
      if (target == null) {
        return REF;
      }
      FormulaRefs.Point a = ref.start();
      if (ref.end() == null) {
        return value(target, a.row(), a.col());
      }
      FormulaRefs.Point b = ref.end();
      int startRow = a.row() < 0 ? 0 : a.row();
      int endRow = b.row() < 0 ? target.usedRows() : b.row() + 1;
      int startCol = a.col() < 0 ? 0 : a.col();
      int endCol = b.col() < 0 ? target.usedColumns() : b.col() + 1;
      if (startRow > endRow - 1 && b.row() >= 0) {
        int t = startRow;
        startRow = endRow - 1;
        endRow = t + 1;
      }
      if (startCol > endCol - 1 && b.col() >= 0) {
        int t = startCol;
        startCol = endCol - 1;
        endCol = t + 1;
      }
      return new RangeValue(
          target, startRow, Math.max(startRow, endRow), startCol, Math.max(startCol, endCol));
    }

    private Object scalar(Object v) {
      if (v instanceof RangeValue r) {
        if (r.endRow() - r.startRow() == 1 && r.endCol() - r.startCol() == 1) {
          return value(r.sheet(), r.startRow(), r.startCol());
        }
        return VALUE;
      }
      return v;
    }

    private String string() {
      pos++;
      StringBuilder sb = new StringBuilder();
      while (true) {
        if (pos >= s.length()) {
          throw new IllegalStateException("unterminated string");
        }
        char ch = s.charAt(pos++);
        if (ch == '"') {
          if (pos < s.length() && s.charAt(pos) == '"') {
            sb.append('"');
            pos++;
            continue;
          }
          return sb.toString();
        }
        sb.append(ch);
      }
    }

    private Double number() {
      int start = pos;
      while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
        pos++;
      }
      if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
        pos++;
        if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
          pos++;
        }
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
          pos++;
        }
      }
      try {
        return Double.parseDouble(s.substring(start, pos));
      } catch (NumberFormatException e) {
        throw new IllegalStateException("bad number");
      }
    }

    private void skipSpaces() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    private boolean accept(char ch) {
      skipSpaces();
      if (pos < s.length() && s.charAt(pos) == ch) {
        pos++;
        return true;
      }
      return false;
    }

    private void expect(char ch) {
      if (!accept(ch)) {
        throw new IllegalStateException("expected " + ch);
      }
    }

    private String peekAny(String... ops) {
      for (String op : ops) {
        if (s.startsWith(op, pos)) {
          return op;
        }
      }
      return null;
    }
  }
}
