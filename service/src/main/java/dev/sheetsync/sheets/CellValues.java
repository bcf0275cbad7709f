package dev.sheetsync.sheets;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Turns one record value into what {@code valueInputOption=USER_ENTERED} turns into the intended
 * cell. Throws {@link IllegalArgumentException} with the problem; {@link RowMapper} adds column and
 * record.
 */
final class CellValues {

  /** Google Sheets' limit on characters in one cell; longer text fails the whole request. */
  static final int MAX_CELL_CHARACTERS = 50_000;

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private CellValues() {}

  static Object format(ColumnFormat format, Object value) {
    if (value == null) {
      return ""; // clears the cell
    }
    return switch (format) {
      case NUMBER, DECIMAL -> number(value);
      case DATE -> DATE.format(inSheetRange(date(value)));
      case DATETIME -> DATETIME.format(inSheetRange(dateTime(value)));
      case TEXT -> text(value instanceof BigDecimal d ? d.toPlainString() : value.toString());
    };
  }

  /**
   * Text that USER_ENTERED keeps exactly as typed: the leading apostrophe tells Sheets "this is
   * text" and is not part of the value, so {@code =HYPERLINK(…)}, {@code +cmd|…}, {@code @SUM(1)},
   * {@code -1+1}, {@code 007}, {@code 2026-01-10} or {@code TRUE} all land as text, never as a
   * formula, number, date or boolean.
   */
  static String text(String value) {
    if (value.length() > MAX_CELL_CHARACTERS) {
      throw new IllegalArgumentException(
          "text of "
              + value.length()
              + " characters exceeds Google Sheets' limit of "
              + MAX_CELL_CHARACTERS
              + " per cell");
    }
    return value.isEmpty() ? "" : "'" + value;
  }

  /**
   * An exact number. Never through {@code double} arithmetic: {@code BigDecimal} goes to JSON as
   * its digits; trailing zeros and exponents are removed so {@code 1234.50} is the number 1234.5.
   */
  static BigDecimal number(Object value) {
    BigDecimal exact;
    if (value instanceof BigDecimal d) {
      exact = d;
    } else if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      exact = BigDecimal.valueOf(((Number) value).longValue());
    } else if (value instanceof BigInteger i) {
      exact = new BigDecimal(i);
    } else if (value instanceof Double d && Double.isFinite(d)) {
      exact = new BigDecimal(Double.toString(d)); // the shortest decimal that reads back as d
    } else if (value instanceof Float f && Float.isFinite(f)) {
      exact = new BigDecimal(Float.toString(f));
    } else if (value instanceof String s) {
      exact = parseNumber(s);
    } else {
      throw new IllegalArgumentException(describe(value) + " is not a number");
    }
    BigDecimal stripped = exact.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static BigDecimal parseNumber(String text) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(describe(text) + " is not a number");
    }
  }

  private static LocalDate date(Object value) {
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof String s) {
      return parse(s, LocalDate::parse, "a date (yyyy-MM-dd)");
    }
    if (value instanceof OffsetDateTime
        || value instanceof ZonedDateTime
        || value instanceof Instant
        || value instanceof LocalDateTime) {
      return dateTime(value).toLocalDate();
    }
    throw new IllegalArgumentException(describe(value) + " is not a date");
  }

  /** Date-times are written in UTC, the zone the database stores them in. */
  private static LocalDateTime dateTime(Object value) {
    if (value instanceof OffsetDateTime t) {
      return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
    if (value instanceof ZonedDateTime t) {
      return t.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
    if (value instanceof Instant i) {
      return i.atOffset(ZoneOffset.UTC).toLocalDateTime();
    }
    if (value instanceof LocalDateTime t) {
      return t;
    }
    if (value instanceof LocalDate d) {
      return d.atStartOfDay();
    }
    if (value instanceof String s) {
      return parse(s, OffsetDateTime::parse, "a timestamp (ISO-8601 with offset)")
          .withOffsetSameInstant(ZoneOffset.UTC)
          .toLocalDateTime();
    }
    throw new IllegalArgumentException(describe(value) + " is not a timestamp");
  }

  private static <T> T parse(
      String text, java.util.function.Function<String, T> parser, String what) {
    try {
      return parser.apply(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(describe(text) + " is not " + what);
    }
  }

  /** Years outside 1–9999 would be written as {@code +10000-…}, which Sheets reads as a formula. */
  private static <T extends java.time.temporal.Temporal> T inSheetRange(T value) {
    int year = value.get(java.time.temporal.ChronoField.YEAR);
    if (year < 1 || year > 9999) {
      throw new IllegalArgumentException("year " + year + " is outside 1-9999");
    }
    return value;
  }

  private static String describe(Object value) {
    String text = String.valueOf(value);
    String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
    return "value '" + shown + "' (" + value.getClass().getSimpleName() + ")";
  }
}
