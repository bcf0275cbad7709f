package dev.sheetsync.sheets;

import java.util.function.Function;

/**
 * Retargets the column letters of a layout formula template to where the columns are now.
 *
 * <p>A template is written for the layout as declared: its first column is A, its second B, and so
 * on, in every layout tab ({@code =SUMIF(Revenue!B:B,A{row},Revenue!E:E)}, {@code =J{row}-L{row}}).
 * When people insert or move columns, Sheets adjusts the formulas already in the sheet; a formula
 * sheetsync writes into a new row must be adjusted the same way, or it sums the wrong column. So
 * each reference to a layout column ({@code J5}, {@code $J$5}, {@code B:B}, {@code A5:C5}) of this
 * tab or of another layout tab (by its layout name) is rewritten to the column that now carries the
 * same header, and another tab's name to its current title. References beyond the layout's columns,
 * to other tabs, inside string literals, and function names are left as written. Pure.
 */
public final class FormulaReferences {

  private FormulaReferences() {}

  /**
   * @param formula a formula as {@link RowMapper} fills it in (row numbers already in place)
   * @param self the tab the formula is written into
   * @param tabs live tabs by layout tab name; may answer null for tabs not known
   */
  public static String retarget(String formula, LiveTab self, Function<String, LiveTab> tabs) {
    StringBuilder out = new StringBuilder(formula.length() + 8);
    int i = 0;
    int n = formula.length();
    while (i < n) {
      char c = formula.charAt(i);
      if (c == '"') {
        int end = endOfString(formula, i);
        out.append(formula, i, end);
        i = end;
        continue;
      }
      if (startsToken(formula, i)) {
        int end = reference(formula, i, self, tabs, out);
        if (end > i) {
          i = end;
          continue;
        }
        // Not a reference: copy the whole word, so its tail is not mistaken for one.
        int word = i;
        while (word < n && isWordChar(formula.charAt(word))) {
          word++;
        }
        if (word == i) {
          word = i + 1;
        }
        out.append(formula, i, word);
        i = word;
        continue;
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /** Parses a reference at {@code start}; appends its retargeted text and returns its end. */
  private static int reference(
      String f, int start, LiveTab self, Function<String, LiveTab> tabs, StringBuilder out) {
    int i = start;
    String sheetName = null;
    int afterSheet = start;
    if (f.charAt(i) == '\'') {
      StringBuilder name = new StringBuilder();
      int j = i + 1;
      while (j < f.length()) {
        if (f.charAt(j) == '\'') {
          if (j + 1 < f.length() && f.charAt(j + 1) == '\'') {
            name.append('\'');
            j += 2;
            continue;
          }
          break;
        }
        name.append(f.charAt(j++));
      }
      if (j + 1 < f.length() && f.charAt(j) == '\'' && f.charAt(j + 1) == '!') {
        sheetName = name.toString();
        afterSheet = j + 2;
      } else {
        return start;
      }
    } else {
      int j = i;
      while (j < f.length() && isWordChar(f.charAt(j))) {
        j++;
      }
      if (j < f.length() && j > i && f.charAt(j) == '!') {
        sheetName = f.substring(i, j);
        afterSheet = j + 1;
      }
    }
    Cell first = Cell.parse(f, afterSheet);
    if (first == null) {
      return start;
    }
    Cell second = null;
    int end = first.end;
    if (end < f.length() && f.charAt(end) == ':') {
      second = Cell.parse(f, end + 1);
      if (second == null) {
        return start;
      }
      end = second.end;
    }
    // A lone column (no row) is only a reference as part of a range (B:B); "SUM" alone is a name.
    boolean range = second != null;
    if (!range && first.row.isEmpty()) {
      return start;
    }
    if (range && (first.row.isEmpty() != second.row.isEmpty())) {
      return start;
    }
    if (end < f.length() && (isWordChar(f.charAt(end)) || f.charAt(end) == '(')) {
      return start;
    }
    LiveTab target = sheetName == null ? self : tabs.apply(sheetName);
    if (target == null) {
      out.append(f, start, end);
      return end;
    }
    if (sheetName != null) {
      // As written while the tab keeps its name; quoted (always valid) once people renamed it.
      out.append(
              target.title().equals(sheetName)
                  ? f.substring(start, afterSheet - 1)
                  : A1Notation.quote(target.title()))
          .append('!');
    }
    out.append(first.retarget(target));
    if (second != null) {
      out.append(':').append(second.retarget(target));
    }
    return end;
  }

  /** A1 cell or column: {@code $J$5}, {@code J5}, {@code J}. */
  private record Cell(boolean colAbs, String letters, String rowPart, String row, int end) {

    static Cell parse(String f, int at) {
      int i = at;
      boolean colAbs = i < f.length() && f.charAt(i) == '$';
      if (colAbs) {
        i++;
      }
      int lettersStart = i;
      while (i < f.length() && i - lettersStart < 4 && Character.isLetter(f.charAt(i))) {
        i++;
      }
      String letters = f.substring(lettersStart, i);
      if (letters.isEmpty() || letters.length() > 3 || !letters.chars().allMatch(c -> c < 128)) {
        return null;
      }
      int rowStart = i;
      if (i < f.length() && f.charAt(i) == '$') {
        i++;
      }
      int digits = i;
      while (i < f.length() && Character.isDigit(f.charAt(i))) {
        i++;
      }
      if (digits == i) {
        i = rowStart; // "$" without digits is not part of this cell
      }
      return new Cell(colAbs, letters, f.substring(rowStart, i), f.substring(digits, i), i);
    }

    String retarget(LiveTab tab) {
      int declared = columnIndex(letters);
      String column =
          declared < tab.layout().width() ? TabLayout.columnLetter(tab.column(declared)) : letters;
      return (colAbs ? "$" : "") + column + rowPart;
    }
  }

  private static int columnIndex(String letters) {
    int n = 0;
    for (char ch : letters.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
      n = n * 26 + (ch - 'A' + 1);
    }
    return n - 1;
  }

  private static boolean startsToken(String f, int i) {
    char c = f.charAt(i);
    if (!(Character.isLetter(c) || c == '$' || c == '\'' || c == '_')) {
      return false;
    }
    return i == 0 || !(isWordChar(f.charAt(i - 1)) || f.charAt(i - 1) == '$');
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.';
  }

  private static int endOfString(String f, int start) {
    int i = start + 1;
    while (i < f.length()) {
      if (f.charAt(i) == '"') {
        if (i + 1 < f.length() && f.charAt(i + 1) == '"') {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return f.length();
  }
}
