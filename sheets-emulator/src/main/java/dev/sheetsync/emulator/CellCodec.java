package dev.sheetsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Turns request values into cells ({@code valueInputOption}) and cells into response values ({@code
 * valueRenderOption}).
 *
 * <p>USER_ENTERED, as typing does for the kinds of values sheetsync writes: {@code ""} clears, a
 * leading {@code '} makes the rest literal text, {@code =...} is a formula, TRUE/FALSE (any case) a
 * boolean, a decimal number a number, an ISO date {@code yyyy-MM-dd} a date serial (formatted back
 * as {@code yyyy-MM-dd}, the pattern it was typed in, as Sheets does); anything else is text.
 * Percentages, currencies and thousands separators are not parsed. RAW stores strings as they are.
 * JSON numbers and booleans are stored as such in both modes; JSON null skips the cell.
 */
final class CellCodec {

  /** The marker for "leave this cell as it is". */
  static final Cell SKIP = new Cell.Text("\u0000skip");

  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /** Google's limit on the text of one cell. */
  static final int MAX_CELL_CHARACTERS = 50_000;

  private CellCodec() {}

  /** The cell a JSON value writes; null clears; {@link #SKIP} leaves the cell untouched. */
  static Cell input(JsonNode node, boolean userEntered) {
    if (node == null || node.isNull()) {
      return SKIP;
    }
    if (node.isNumber()) {
      return new Cell.Num(node.doubleValue(), false);
    }
    if (node.isBoolean()) {
      return new Cell.Bool(node.booleanValue());
    }
    if (!node.isValueNode()) {
      throw ApiException.badRequest(
          "Invalid values[0][0]: " + (node.isArray() ? "list_value" : "struct_value"));
    }
    String s = node.asText();
    if (s.length() > MAX_CELL_CHARACTERS) {
      throw ApiException.badRequest(
          "Your input contains more than the maximum of 50000 characters in a single cell.");
    }
    return userEntered ? typed(s) : s.isEmpty() ? null : new Cell.Text(s);
  }

  /** The cell a person typing {@code s} would get. */
  static Cell typed(String s) {
    if (s.isEmpty()) {
      return null;
    }
    if (s.startsWith("'")) {
      return s.length() == 1 ? null : new Cell.Text(s.substring(1));
    }
    if (s.startsWith("=") && s.length() > 1) {
      return new Cell.Formula(s);
    }
    String t = s.trim();
    if (t.equalsIgnoreCase("TRUE") || t.equalsIgnoreCase("FALSE")) {
      return new Cell.Bool(t.equalsIgnoreCase("TRUE"));
    }
    if (NUMBER.matcher(t).matches()) {
      return new Cell.Num(Double.parseDouble(t), false);
    }
    if (ISO_DATE.matcher(t).matches()) {
      try {
        return new Cell.Num(Values.dateSerial(LocalDate.parse(t)), true);
      } catch (DateTimeParseException e) {
        return new Cell.Text(s);
      }
    }
    return new Cell.Text(s);
  }

  /** A stored cell as the API renders it (String, Long/Double or Boolean); null when empty. */
  static Object render(Cell cell, Object evaluated, ValueRender render) {
    return render(cell, evaluated, render, false);
  }

  /**
   * As {@link #render(Cell, Object, ValueRender)}; with {@code formattedDates} (Google's
   * dateTimeRenderOption FORMATTED_STRING) a date cell is its formatted text in every render.
   */
  static Object render(Cell cell, Object evaluated, ValueRender render, boolean formattedDates) {
    if (cell == null) {
      return null;
    }
    if (cell instanceof Cell.Formula f) {
      if (render == ValueRender.FORMULA) {
        return f.source();
      }
      return renderValue(evaluated, false, render);
    }
    boolean date = cell instanceof Cell.Num n && n.date();
    if (date && formattedDates) {
      return Values.formatDate(((Cell.Num) cell).value());
    }
    return renderValue(Values.of(cell), date, render);
  }

  private static Object renderValue(Object v, boolean date, ValueRender render) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      if (render == ValueRender.FORMATTED_VALUE) {
        return date ? Values.formatDate(d) : Values.formatNumber(d);
      }
      return Values.jsonNumber(d);
    }
    if (v instanceof Boolean b) {
      return render == ValueRender.FORMATTED_VALUE ? (b ? "TRUE" : "FALSE") : b;
    }
    if (v instanceof FormulaEvaluator.Error e) {
      return e.code();
    }
    return v;
  }
}
