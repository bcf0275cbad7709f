package dev.sheetsync.emulator;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and rewrites the cell references in a formula's text, outside string literals. Used to keep
 * formulas pointing at the same cells when rows or columns move (insert, delete, sort, rename).
 */
final class FormulaRefs {

  private static final String CELL = "\\$?[A-Za-z]{1,3}\\$?\\d+";
  private static final String PART = "\\$?[A-Za-z]{1,3}\\$?\\d*|\\$?\\d+";

  /** Group 1 sheet (maybe quoted); group 2 start; group 3 end (maybe null). */
  static final Pattern REF =
      Pattern.compile(
          "(?<![A-Za-z0-9_.$'!])"
              + "(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?"
              + "(?:("
              + PART
              + "):("
              + PART
              + ")|("
              + CELL
              + "))"
              + "(?![A-Za-z0-9_(!])");

  private static final Pattern PART_SPLIT = Pattern.compile("(\\$?)([A-Za-z]*)(\\$?)(\\d*)");

  private FormulaRefs() {}

  /** One endpoint: column and row zero-based (-1 when absent), with their {@code $} anchors. */
  record Point(int col, boolean colAbs, int row, boolean rowAbs) {

    static Point parse(String text) {
      Matcher m = PART_SPLIT.matcher(text);
      if (!m.matches()) {
        throw new IllegalArgumentException(text);
      }
      int col = m.group(2).isEmpty() ? -1 : A1.columnIndex(m.group(2));
      int row = m.group(4).isEmpty() ? -1 : Integer.parseInt(m.group(4)) - 1;
      boolean colAbs = !m.group(1).isEmpty();
      boolean rowAbs = !m.group(3).isEmpty();
      if (col < 0) { // "$5" anchors the row
        rowAbs = colAbs || rowAbs;
        colAbs = false;
      }
      return new Point(col, colAbs, row, rowAbs);
    }

    String text() {
      StringBuilder sb = new StringBuilder();
      if (col >= 0) {
        sb.append(colAbs ? "$" : "").append(A1.columnLetters(col));
      }
      if (row >= 0) {
        sb.append(rowAbs ? "$" : "").append(row + 1);
      }
      return sb.toString();
    }
  }

  /** A reference: {@code sheet} unquoted or null (the formula's own sheet); end null for a cell. */
  record Ref(String sheet, Point start, Point end) {

    String text() {
      String prefix = sheet == null ? "" : A1.quoteSheet(sheet) + "!";
      return prefix + start.text() + (end == null ? "" : ":" + end.text());
    }
  }

  static Ref fromMatch(Matcher m) {
    String sheet = m.group(1);
    if (sheet != null && sheet.startsWith("'")) {
      sheet = sheet.substring(1, sheet.length() - 1).replace("''", "'");
    }
    if (m.group(4) != null) {
      return new Ref(sheet, Point.parse(m.group(4)), null);
    }
    return new Ref(sheet, Point.parse(m.group(2)), Point.parse(m.group(3)));
  }

  /**
   * Rewrites every reference through {@code fn}; it returns the replacement text (for example
   * {@code #REF!}) or null to keep the reference as written.
   */
  static String rewrite(String formula, Function<Ref, String> fn) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < formula.length()) {
      int quote = formula.indexOf('"', i);
      int end = quote < 0 ? formula.length() : quote;
      out.append(rewriteSegment(formula.substring(i, end), fn));
      if (quote < 0) {
        break;
      }
      int close = quote + 1;
      while (close < formula.length()) {
        if (formula.charAt(close) == '"') {
          if (close + 1 < formula.length() && formula.charAt(close + 1) == '"') {
            close += 2;
            continue;
          }
          break;
        }
        close++;
      }
      close = Math.min(close + 1, formula.length());
      out.append(formula, quote, close);
      i = close;
    }
    return out.toString();
  }

  private static String rewriteSegment(String segment, Function<Ref, String> fn) {
    Matcher m = REF.matcher(segment);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String replacement = fn.apply(fromMatch(m));
      m.appendReplacement(
          sb, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
