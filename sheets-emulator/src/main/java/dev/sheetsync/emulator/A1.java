package dev.sheetsync.emulator;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and formats A1 notation. Indexes are zero-based; ends are exclusive; {@link #UNBOUNDED}
 * marks an open end ({@code A:A} has no row bounds, {@code A5:A} no end row).
 */
final class A1 {

  static final int UNBOUNDED = Integer.MAX_VALUE;

  private static final Pattern ENDPOINT = Pattern.compile("\\$?([A-Za-z]{0,3})\\$?(\\d*)");
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern CELL_LIKE =
      // Google quotes 'D3' but echoes letters-only names such as Raw unquoted (recorded).
      Pattern.compile("(?i)[A-Z]{1,3}\\d+|R\\d*C\\d*|TRUE|FALSE");

  private A1() {}

  /**
   * A parsed range. {@code sheet} is null when the text named no sheet (the first sheet is meant).
   */
  record Range(String sheet, int startRow, int endRow, int startCol, int endCol) {

    boolean wholeSheet() {
      return startRow == 0 && startCol == 0 && endRow == UNBOUNDED && endCol == UNBOUNDED;
    }
  }

  /** Parses {@code text}, throwing a 400 "Unable to parse range" when it is not A1 notation. */
  static Range parse(String text) {
    if (text == null || text.isBlank()) {
      throw ApiException.badRequest("Unable to parse range: " + text);
    }
    String sheet;
    String cells;
    if (text.startsWith("'")) {
      int i = 1;
      StringBuilder name = new StringBuilder();
      while (true) {
        if (i >= text.length()) {
          throw ApiException.badRequest("Unable to parse range: " + text);
        }
        char ch = text.charAt(i);
        if (ch == '\'') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
            name.append('\'');
            i += 2;
            continue;
          }
          i++;
          break;
        }
        name.append(ch);
        i++;
      }
      sheet = name.toString();
      if (i == text.length()) {
        return new Range(sheet, 0, UNBOUNDED, 0, UNBOUNDED);
      }
      if (text.charAt(i) != '!') {
        throw ApiException.badRequest("Unable to parse range: " + text);
      }
      cells = text.substring(i + 1);
    } else {
      int bang = text.lastIndexOf('!');
      if (bang >= 0) {
        sheet = text.substring(0, bang);
        cells = text.substring(bang + 1);
      } else {
        Range bare = parseCells(null, text);
        return bare != null ? bare : new Range(text, 0, UNBOUNDED, 0, UNBOUNDED);
      }
    }
    Range range = parseCells(sheet, cells);
    if (range == null) {
      throw ApiException.badRequest("Unable to parse range: " + text);
    }
    return range;
  }

  /** Parses the part after the {@code !}; null when it is not a cell range. */
  private static Range parseCells(String sheet, String cells) {
    String[] parts = cells.split(":", -1);
    if (parts.length > 2) {
      return null;
    }
    int[] a = endpoint(parts[0]);
    if (a == null) {
      return null;
    }
    if (parts.length == 1) {
      if (a[0] < 0 || a[1] < 0) {
        return null; // a lone "A" or "5" is not a range
      }
      return new Range(sheet, a[1], a[1] + 1, a[0], a[0] + 1);
    }
    int[] b = endpoint(parts[1]);
    if (b == null) {
      return null;
    }
    boolean aCol = a[0] >= 0;
    boolean aRow = a[1] >= 0;
    boolean bCol = b[0] >= 0;
    boolean bRow = b[1] >= 0;
    if ((!aRow && !bCol) || (!aCol && !bRow)) {
      return null; // "A:5" or "5:A"
    }
    int startCol = aCol ? a[0] : 0;
    int endCol = bCol ? b[0] + 1 : UNBOUNDED;
    int startRow = aRow ? a[1] : 0;
    int endRow = bRow ? b[1] + 1 : UNBOUNDED;
    if (endCol != UNBOUNDED && startCol >= endCol) { // "B2:A1" means "A1:B2"
      int t = startCol;
      startCol = endCol - 1;
      endCol = t + 1;
    }
    if (endRow != UNBOUNDED && startRow >= endRow) {
      int t = startRow;
      startRow = endRow - 1;
      endRow = t + 1;
    }
    return new Range(sheet, startRow, endRow, startCol, endCol);
  }

  /** {column, row} zero-based, -1 for a missing part; null when malformed. */
  private static int[] endpoint(String text) {
    Matcher m = ENDPOINT.matcher(text);
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return null;
    }
    int col = m.group(1).isEmpty() ? -1 : columnIndex(m.group(1));
    int row = -1;
    if (!m.group(2).isEmpty()) {
      if (m.group(2).length() > 7) {
        return null;
      }
      row = Integer.parseInt(m.group(2)) - 1;
      if (row < 0) {
        return null;
      }
    }
    return new int[] {col, row};
  }

  /** "A" → 0, "Z" → 25, "AA" → 26. */
  static int columnIndex(String letters) {
    int n = 0;
    for (char ch : letters.toUpperCase(Locale.ROOT).toCharArray()) {
      n = n * 26 + (ch - 'A' + 1);
    }
    return n - 1;
  }

  /** 0 → "A", 26 → "AA". */
  static String columnLetters(int index) {
    StringBuilder sb = new StringBuilder();
    int n = index + 1;
    while (n > 0) {
      int rem = (n - 1) % 26;
      sb.insert(0, (char) ('A' + rem));
      n = (n - 1) / 26;
    }
    return sb.toString();
  }

  /** Quotes a sheet name the way Google echoes it: only when it is not a plain identifier. */
  /** Whether a name reads as a cell reference (A1, R1C1), which a named range may not be. */
  static boolean looksLikeCell(String name) {
    return CELL_LIKE.matcher(name).matches();
  }

  static String quoteSheet(String title) {
    if (PLAIN_NAME.matcher(title).matches() && !CELL_LIKE.matcher(title).matches()) {
      return title;
    }
    return "'" + title.replace("'", "''") + "'";
  }

  /** Formats a concrete, bounded area as {@code Sheet!A1:B2} (or {@code Sheet!A1} for a cell). */
  static String format(String sheet, int startRow, int endRow, int startCol, int endCol) {
    String first = columnLetters(startCol) + (startRow + 1);
    String last = columnLetters(endCol - 1) + endRow;
    String cells = first.equals(last) ? first : first + ":" + last;
    return quoteSheet(sheet) + "!" + cells;
  }
}
