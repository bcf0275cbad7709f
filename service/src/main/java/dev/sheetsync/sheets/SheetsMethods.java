package dev.sheetsync.sheets;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a Sheets API call after Google's method ({@code values.append}, {@code
 * spreadsheets.batchUpdate}, …) from its HTTP method and path, for the {@code sheets.requests}
 * metric. Ranges in paths may hold ':' ({@code A1:B2}), so only a known verb after the last ':'
 * counts as a custom method.
 */
final class SheetsMethods {

  private static final Pattern VALUES_COLLECTION =
      Pattern.compile(".*/spreadsheets/[^/:]+/values:(\\w+)$");
  private static final Pattern VALUES_RANGE = Pattern.compile(".*/spreadsheets/[^/:]+/values/.+$");
  private static final Pattern RANGE_VERB = Pattern.compile(".*:(append|clear)$");
  private static final Pattern SPREADSHEET_VERB = Pattern.compile(".*/spreadsheets/[^/:]+:(\\w+)$");
  private static final Pattern SPREADSHEET = Pattern.compile(".*/spreadsheets/[^/:]+$");
  private static final Pattern SPREADSHEETS = Pattern.compile(".*/spreadsheets/?$");

  /** The methods the service calls, each a possible {@code method} tag. */
  static final List<String> KNOWN =
      List.of(
          "spreadsheets.get",
          "spreadsheets.batchUpdate",
          "values.get",
          "values.batchGet",
          "values.update",
          "values.batchUpdate",
          "values.append",
          "values.clear",
          "values.batchClear");

  private SheetsMethods() {}

  static String name(String httpMethod, String rawPath) {
    String path = rawPath == null ? "" : rawPath;
    Matcher m = VALUES_COLLECTION.matcher(path);
    if (m.matches()) {
      return "values." + m.group(1);
    }
    if (VALUES_RANGE.matcher(path).matches()) {
      Matcher verb = RANGE_VERB.matcher(path);
      if (verb.matches()) {
        return "values." + verb.group(1);
      }
      return "PUT".equals(httpMethod) ? "values.update" : "values.get";
    }
    m = SPREADSHEET_VERB.matcher(path);
    if (m.matches()) {
      return "spreadsheets." + m.group(1);
    }
    if (SPREADSHEET.matcher(path).matches() && "GET".equals(httpMethod)) {
      return "spreadsheets.get";
    }
    if (SPREADSHEETS.matcher(path).matches() && "POST".equals(httpMethod)) {
      return "spreadsheets.create";
    }
    return "other";
  }
}
