package dev.sheetsync.sheets;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A1 ranges: building them with safely quoted tab names, and reading rows out of them. */
final class A1Notation {

  /** A cell reference such as {@code A11}, {@code $B$2}, {@code K} or {@code 13}. */
  private static final Pattern CELL = Pattern.compile("\\$?([A-Za-z]*)\\$?(\\d*)");

  private A1Notation() {}

  /**
   * Always quoted, apostrophes doubled: {@code Jon's Data} → {@code 'Jon''s Data'}. Quoting is
   * valid for every name and avoids guessing which names Sheets would otherwise misread (spaces,
   * {@code !}, names that look like cells such as {@code A1}).
   */
  static String quote(String tabName) {
    return "'" + tabName.replace("'", "''") + "'";
  }

  /** Row number of the range's start: {@code 'My Tab'!A11:K13} → 11. */
  static int firstRow(String range) {
    String[] cells = cells(range);
    return row(cells[0], range);
  }

  /** Row number of the range's end: {@code 'My Tab'!A11:K13} → 13; {@code Tab!A7} → 7. */
  static int lastRow(String range) {
    String[] cells = cells(range);
    return row(cells[cells.length - 1], range);
  }

  private static String[] cells(String range) {
    if (range == null || range.isBlank()) {
      throw new IllegalArgumentException("No range given");
    }
    // The cell part never contains '!', a quoted tab name may: the last '!' is the separator.
    String cells = range.substring(range.lastIndexOf('!') + 1).strip();
    String[] parts = cells.split(":", -1);
    if (parts.length > 2 || parts[0].isEmpty()) {
      throw new IllegalArgumentException("Not an A1 range: " + range);
    }
    return parts;
  }

  private static int row(String cell, String range) {
    Matcher m = CELL.matcher(cell);
    if (!m.matches() || m.group(2).isEmpty()) {
      throw new IllegalArgumentException("Range has no row number: " + range);
    }
    return Integer.parseInt(m.group(2));
  }
}
