package dev.sheetsync.sheets;

import com.google.api.client.util.Data;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What a cell shows, for comparing the sheet with what sheetsync wrote. Values are compared as the
 * sheet displays them ({@code valueRenderOption=FORMATTED_VALUE}, Google's default for reads), so
 * conflicts and reports show what people see. Pure and thread-safe.
 *
 * <p>Equal means "the same value", not "the same characters": a number column formatted by people
 * as {@code $1,234.50} still holds the 1234.5 sheetsync wrote, and a date column shown as {@code
 * 10/01/2026} the date {@code 2026-01-10} (recorded Google traffic shows an ISO date entered with
 * {@code USER_ENTERED} read back as {@code 2020-01-01}; other displays come from people's formats).
 * Text is compared exactly: a changed letter is a person's edit.
 */
public final class CellDisplay {

  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private CellDisplay() {}

  /**
   * The display of a value sheetsync sends with {@code USER_ENTERED}: text without the leading
   * apostrophe that marks it as text, numbers as plain digits, dates as sent.
   *
   * @return null for {@link Data#NULL_STRING} (the cell is not written)
   */
  public static String ofSent(Object sent) {
    if (sent == null || Data.isNull(sent)) {
      return null;
    }
    if (sent instanceof BigDecimal number) {
      return number.toPlainString();
    }
    String text = sent.toString();
    return text.startsWith("'") ? text.substring(1) : text;
  }

  /** A cell as read: {@code ""} for an empty or absent cell. */
  public static String ofRead(Object cell) {
    if (cell == null || Data.isNull(cell)) {
      return "";
    }
    if (cell instanceof BigDecimal number) {
      return number.toPlainString();
    }
    return cell.toString();
  }

  /** The cell at {@code column} of a row as read (rows end at their last non-empty cell). */
  public static String at(List<Object> row, int column) {
    return row == null || column >= row.size() ? "" : ofRead(row.get(column));
  }

  /**
   * Whether the sheet's display {@code shown} holds the value sheetsync displayed as {@code
   * written}, in a column of {@code format}.
   */
  public static boolean same(ColumnFormat format, String written, String shown) {
    String a = written == null ? "" : written;
    String b = shown == null ? "" : shown;
    if (a.equals(b)) {
      return true;
    }
    if (a.isEmpty() || b.isEmpty() || format == null) {
      return false;
    }
    return switch (format) {
      case NUMBER, DECIMAL -> sameNumber(a, b);
      case DATE -> sameDate(a, b);
      case DATETIME -> sameDateTime(a, b);
      case TEXT -> false;
    };
  }

  private static boolean sameNumber(String written, String shown) {
    try {
      BigDecimal w = new BigDecimal(written);
      BigDecimal s = SheetText.number(shown);
      return w.compareTo(s) == 0;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean sameDate(String written, String shown) {
    try {
      return LocalDate.parse(written).equals(SheetText.date(shown));
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean sameDateTime(String written, String shown) {
    try {
      return LocalDateTime.parse(written, DATETIME).equals(SheetText.dateTime(shown));
    } catch (RuntimeException e) {
      return false;
    }
  }
}
