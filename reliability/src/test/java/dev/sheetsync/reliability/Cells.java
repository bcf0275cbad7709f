package dev.sheetsync.reliability;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Cell comparison in one place. The sheet answers numbers as JSON numbers and dates (written as ISO
 * text with USER_ENTERED) as date serial numbers; the service's row mapping produces strings and
 * numbers. Both sides are reduced to the same text before comparing, so "12.50" equals 12.5 and
 * "2026-01-10" equals the serial 46032.
 */
final class Cells {

  /** Day zero of Google Sheets' date serials. */
  private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);

  private Cells() {}

  /** A cell value as text: null is "", numbers without trailing zeros, everything else as is. */
  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal d) {
      return canonicalNumber(d);
    }
    if (value instanceof Number n) {
      return canonicalNumber(new BigDecimal(n.toString()));
    }
    return value.toString();
  }

  /** Whether the cell read from the sheet shows what the service meant to write. */
  static boolean same(String expected, String actual) {
    if (expected.equals(actual)) {
      return true;
    }
    BigDecimal e = number(expected);
    BigDecimal a = number(actual);
    if (e != null && a != null) {
      return e.compareTo(a) == 0;
    }
    LocalDate date = date(expected);
    if (date != null && a != null) {
      return a.compareTo(BigDecimal.valueOf(ChronoUnit.DAYS.between(EPOCH, date))) == 0;
    }
    return false;
  }

  static boolean blank(String cell) {
    return cell == null || cell.isEmpty();
  }

  private static String canonicalNumber(BigDecimal d) {
    BigDecimal stripped = d.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
  }

  private static BigDecimal number(String text) {
    if (text.isEmpty() || !(Character.isDigit(text.charAt(text.length() - 1)))) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static LocalDate date(String text) {
    if (text.length() != 10 || text.charAt(4) != '-') {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
