package dev.sheetsync.sheets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/**
 * Reads what people type or see in a cell back into a field value: the inverse of {@link
 * CellValues}, tolerant of the ways a sheet shows numbers and dates. Pure and thread-safe; every
 * method throws {@link IllegalArgumentException} with a message fit for a person ("'12,5,0' is not
 * a number").
 *
 * <p>Decisions (README, "Values typed in the sheet"):
 *
 * <ul>
 *   <li>Numbers: currency signs, spaces and letters around the digits are ignored ({@code
 *       $1,234.50}, {@code 1 234,50 €}). With both {@code ,} and {@code .} the last one is the
 *       decimal separator ({@code 1.250,50} = 1250.5); a lone {@code ,} followed by one or two
 *       digits is a decimal comma ({@code 12,5}), followed by three digits a thousands separator
 *       ({@code 1,250}), as Google's default (en_US) display writes it.
 *   <li>Dates: {@code yyyy-MM-dd} (what sheetsync writes), {@code yyyy/MM/dd}, and day first with
 *       slashes or dots ({@code 10/01/2026} = 10 January 2026), the agency's convention.
 * </ul>
 */
public final class SheetText {

  private static final List<DateTimeFormatter> DATES =
      List.of(
          strict("uuuu-MM-dd"),
          strict("uuuu/M/d"),
          strict("d/M/uuuu"),
          strict("d.M.uuuu"),
          strict("d-M-uuuu"));

  private static final List<DateTimeFormatter> DATETIMES =
      List.of(
          strict("uuuu-MM-dd HH:mm:ss"),
          strict("uuuu-MM-dd HH:mm"),
          strict("uuuu-MM-dd'T'HH:mm:ss"),
          strict("d/M/uuuu HH:mm:ss"),
          strict("d/M/uuuu HH:mm"));

  private SheetText() {}

  /** The exact number a cell shows. */
  public static BigDecimal number(String shown) {
    String text = shown == null ? "" : shown.strip();
    boolean negative = text.startsWith("-") || (text.startsWith("(") && text.endsWith(")"));
    String digits = text.replaceAll("[^0-9.,]", "");
    if (digits.isEmpty() || !digits.matches("[0-9.,]*[0-9][0-9.,]*")) {
      throw new IllegalArgumentException("'" + shorten(shown) + "' is not a number");
    }
    int comma = digits.lastIndexOf(',');
    int dot = digits.lastIndexOf('.');
    String plain;
    if (comma >= 0 && dot >= 0) {
      char decimal = comma > dot ? ',' : '.';
      char grouping = decimal == ',' ? '.' : ',';
      plain = digits.replace(String.valueOf(grouping), "").replace(decimal, '.');
    } else if (comma >= 0) {
      boolean decimalComma = digits.indexOf(',') == comma && digits.length() - comma - 1 <= 2;
      plain = decimalComma ? digits.replace(',', '.') : digits.replace(",", "");
    } else {
      plain = digits.indexOf('.') != dot ? digits.replace(".", "") : digits;
    }
    try {
      BigDecimal value = new BigDecimal(plain);
      return negative ? value.negate() : value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + shorten(shown) + "' is not a number");
    }
  }

  /** The date a cell shows. */
  public static LocalDate date(String shown) {
    String text = shown == null ? "" : shown.strip();
    for (DateTimeFormatter format : DATES) {
      try {
        return LocalDate.parse(text, format);
      } catch (DateTimeParseException e) {
        // next pattern
      }
    }
    throw new IllegalArgumentException(
        "'" + shorten(shown) + "' is not a date (yyyy-MM-dd or dd/MM/yyyy)");
  }

  /** The date and time a cell shows (UTC, as sheetsync writes them). */
  public static LocalDateTime dateTime(String shown) {
    String text = shown == null ? "" : shown.strip();
    for (DateTimeFormatter format : DATETIMES) {
      try {
        return LocalDateTime.parse(text, format);
      } catch (DateTimeParseException e) {
        // next pattern
      }
    }
    throw new IllegalArgumentException(
        "'" + shorten(shown) + "' is not a date and time (yyyy-MM-dd HH:mm:ss)");
  }

  /**
   * The value of a field of {@code format} from the text a cell shows: text as it is, numbers as
   * {@link BigDecimal}, dates as {@link LocalDate}; an empty cell is null (the field is cleared).
   */
  public static Object value(ColumnFormat format, String shown) {
    if (shown == null || shown.isEmpty()) {
      return null;
    }
    return switch (format) {
      case TEXT -> shown;
      case NUMBER, DECIMAL -> number(shown);
      case DATE -> date(shown);
      case DATETIME -> dateTime(shown);
    };
  }

  private static DateTimeFormatter strict(String pattern) {
    return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
  }

  private static String shorten(String text) {
    String value = String.valueOf(text);
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
