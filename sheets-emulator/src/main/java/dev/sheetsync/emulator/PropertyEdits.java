package dev.sheetsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * {@code updateSheetProperties} and {@code updateSpreadsheetProperties} with Google's field masks.
 * Properties the emulator acts on (title, index, grid size, frozen counts) change the sheet;
 * presentation-only ones Google records and echoes ({@code hidden}, {@code tabColorStyle}, {@code
 * gridProperties.hideGridlines}…) are stored as given and answered back in proto3 JSON form, where
 * defaults ({@code false}, {@code 0}, {@code null}) are left out and colour channels are floats.
 */
final class PropertyEdits {

  /** SheetProperties fields, the modelled ones first, then those only stored. */
  private static final List<String> SHEET_FIELDS =
      List.of(
          "sheetId",
          "title",
          "index",
          "sheetType",
          "gridProperties.rowCount",
          "gridProperties.columnCount",
          "gridProperties.frozenRowCount",
          "gridProperties.frozenColumnCount",
          "hidden",
          "tabColor",
          "tabColorStyle",
          "rightToLeft",
          "gridProperties.hideGridlines",
          "gridProperties.rowGroupControlAfter",
          "gridProperties.columnGroupControlAfter");

  /** Where the stored-only fields start in {@link #SHEET_FIELDS}. */
  private static final int STORED_FROM = SHEET_FIELDS.indexOf("hidden");

  /** SpreadsheetProperties fields; all but the title are only stored. */
  private static final List<String> SPREADSHEET_FIELDS =
      List.of(
          "title",
          "locale",
          "timeZone",
          "autoRecalc",
          "defaultFormat",
          "iterativeCalculationSettings");

  private PropertyEdits() {}

  static void updateSheetProperties(Spreadsheet book, JsonNode r) {
    JsonNode p = r.path("properties");
    Sheet sheet = SpreadsheetOps.sheet(book, p.path("sheetId"));
    for (String field : fields(r, SHEET_FIELDS)) {
      JsonNode grid = p.path("gridProperties");
      switch (field) {
        case "sheetId", "sheetType" -> {}
        case "title" -> SpreadsheetOps.rename(book, sheet, p.path("title").asText(""));
        case "index" -> {
          book.sheets.remove(sheet);
          book.sheets.add(
              Math.max(0, Math.min(p.path("index").asInt(0), book.sheets.size())), sheet);
        }
        case "gridProperties.rowCount" ->
            SpreadsheetOps.resize(book, sheet, true, grid.path("rowCount").asInt(0));
        case "gridProperties.columnCount" ->
            SpreadsheetOps.resize(book, sheet, false, grid.path("columnCount").asInt(0));
        case "gridProperties.frozenRowCount" ->
            sheet.frozenRowCount = grid.path("frozenRowCount").asInt(0);
        case "gridProperties.frozenColumnCount" ->
            sheet.frozenColumnCount = grid.path("frozenColumnCount").asInt(0);
        case "hidden" -> {
          boolean hide = p.path("hidden").asBoolean(false);
          long visible =
              book.sheets.stream()
                  .filter(s -> s != sheet && !s.extra.path("hidden").asBoolean())
                  .count();
          if (hide && visible == 0) {
            throw ApiException.badRequest("You can't hide all the sheets in a document.");
          }
          store(sheet.extra, field, p);
        }
        default -> store(sheet.extra, field, p);
      }
    }
  }

  /** Stores the presentation-only properties an addSheet request gives. */
  static void storeGiven(Sheet sheet, JsonNode p) {
    for (String field : SHEET_FIELDS.subList(STORED_FROM, SHEET_FIELDS.size())) {
      store(sheet.extra, field, p);
    }
  }

  static void updateSpreadsheetProperties(Spreadsheet book, JsonNode r) {
    JsonNode p = r.path("properties");
    for (String field : fields(r, SPREADSHEET_FIELDS)) {
      if (field.equals("title")) {
        book.title = p.path("title").asText("");
      } else {
        store(book.extra, field, p);
      }
    }
  }

  /** The mask's paths, {@code *} and parents expanded to known fields; 400 for other fields. */
  private static List<String> fields(JsonNode r, List<String> known) {
    String mask = r.path("fields").asText("");
    if (mask.isBlank()) {
      throw ApiException.badRequest("At least one field must be specified.");
    }
    List<String> out = new ArrayList<>();
    for (String path : FieldMask.paths(mask)) {
      List<String> matching =
          known.stream()
              .filter(k -> path.equals("*") || k.equals(path) || k.startsWith(path + "."))
              .toList();
      String parent = known.stream().filter(k -> path.startsWith(k + ".")).findFirst().orElse(null);
      if (!matching.isEmpty()) {
        out.addAll(matching);
      } else if (parent != null) {
        out.add(parent);
      } else {
        throw ApiException.badRequest(
            "Invalid field mask: \"" + path + "\" is not a field of the properties.");
      }
    }
    return out;
  }

  /** Copies the value at a dotted path of {@code from} into {@code into} (absent removes it). */
  private static void store(ObjectNode into, String path, JsonNode from) {
    String[] parts = path.split("\\.");
    ObjectNode target = into;
    JsonNode source = from;
    for (int i = 0; i < parts.length - 1; i++) {
      target =
          target.has(parts[i]) ? (ObjectNode) target.get(parts[i]) : target.putObject(parts[i]);
      source = source.path(parts[i]);
    }
    String last = parts[parts.length - 1];
    JsonNode value = proto3(source.path(last));
    if (value == null) {
      target.remove(last);
    } else {
      target.set(last, value);
    }
  }

  private static final Set<String> COLOUR_CHANNELS = Set.of("red", "green", "blue");

  /**
   * A colour channel as Google stores it: 8 bits, halves rounded down (0.5 becomes 127/255, which
   * Google answers as 0.49803922, as recorded).
   */
  private static JsonNode channel(JsonNode v) {
    if (!v.isNumber()) {
      return v;
    }
    double level = Math.ceil(v.doubleValue() * 255 - 0.5);
    return Json.MAPPER.getNodeFactory().numberNode(level / 255);
  }

  /** A value as Google answers it: defaults dropped, doubles as floats; null when default. */
  static JsonNode proto3(JsonNode v) {
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (v.isBoolean()) {
      return v.booleanValue() ? v : null;
    }
    if (v.isNumber()) {
      if (v.doubleValue() == 0) {
        return null;
      }
      return v.isIntegralNumber()
          ? v
          : Json.MAPPER
              .getNodeFactory()
              .numberNode(
                  new BigDecimal(Float.toString((float) v.doubleValue())).stripTrailingZeros());
    }
    if (v.isTextual()) {
      return v.asText().isEmpty() ? null : v;
    }
    if (v.isObject()) {
      ObjectNode out = Json.MAPPER.createObjectNode();
      for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        JsonNode child =
            proto3(COLOUR_CHANNELS.contains(name) ? channel(v.get(name)) : v.get(name));
        if (child != null) {
          out.set(name, child);
        }
      }
      return out.isEmpty() ? null : out;
    }
    return v;
  }
}
