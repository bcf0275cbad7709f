package dev.sheetsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The enum options of the values methods, read from the query or the body and validated as Google
 * does: a value outside the enum is a 400 INVALID_ARGUMENT naming the field and the proto type,
 * with a {@code BadRequest} field violation.
 */
final class Options {

  /** How to render a read: the value option, and whether date cells become formatted text. */
  record Rendering(ValueRender value, boolean formattedDates) {
    static final Rendering DEFAULT = new Rendering(ValueRender.FORMATTED_VALUE, false);
  }

  private Options() {}

  /** {@code valueRenderOption} and {@code dateTimeRenderOption} of a read. */
  static Rendering reading(Map<String, List<String>> q) {
    return rendering(
        Http.first(q, "valueRenderOption", null),
        "value_render_option",
        Http.first(q, "dateTimeRenderOption", null),
        "date_time_render_option");
  }

  /** {@code responseValueRenderOption} and {@code responseDateTimeRenderOption} of a write. */
  static Rendering response(String value, String dateTime) {
    return rendering(
        value, "response_value_render_option", dateTime, "response_date_time_render_option");
  }

  private static Rendering rendering(
      String value, String valueField, String dateTime, String dateTimeField) {
    ValueRender render =
        ValueRender.valueOf(
            oneOf(
                value,
                "FORMATTED_VALUE",
                valueField,
                "ValueRenderOption",
                "FORMATTED_VALUE",
                "UNFORMATTED_VALUE",
                "FORMULA"));
    String dates =
        oneOf(
            dateTime,
            "SERIAL_NUMBER",
            dateTimeField,
            "DateTimeRenderOption",
            "SERIAL_NUMBER",
            "FORMATTED_STRING");
    // Google: dateTimeRenderOption is ignored when values are FORMATTED_VALUE (already text).
    return new Rendering(render, dates.equals("FORMATTED_STRING"));
  }

  /** {@code majorDimension}: ROWS unless COLUMNS; DIMENSION_UNSPECIFIED reads as ROWS. */
  static boolean columns(String value, String field) {
    return oneOf(value, "ROWS", field, "Dimension", "ROWS", "COLUMNS", "DIMENSION_UNSPECIFIED")
        .equals("COLUMNS");
  }

  static boolean columns(JsonNode valueRange, String field) {
    JsonNode v = valueRange.path("majorDimension");
    return columns(v.isTextual() ? v.asText() : null, field);
  }

  /** The value if it is one of {@code allowed} (null or empty gives the default), else a 400. */
  static String oneOf(String value, String fallback, String field, String type, String... allowed) {
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    for (String a : allowed) {
      if (a.equals(value)) {
        return value;
      }
    }
    throw ApiException.invalidValue(field, type, value);
  }
}
