package dev.sheetsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** {@code spreadsheets.create}, {@code get} and {@code batchUpdate} (called under the lock). */
final class SpreadsheetOps {

  private SpreadsheetOps() {}

  /** Fills a new spreadsheet from a create request body. */
  static void initialize(Spreadsheet book, JsonNode body) {
    for (JsonNode s : body.path("sheets")) {
      JsonNode p = s.path("properties");
      JsonNode grid = p.path("gridProperties");
      String title = p.path("title").asText("Sheet" + (book.sheets.size() + 1));
      Integer id = p.has("sheetId") ? Integer.valueOf(p.get("sheetId").asInt()) : null;
      // Google numbers the first tab 0 when the request names no id, and picks ids for the rest.
      Sheet sheet =
          book.addSheet(
              title,
              book.sheets.isEmpty() && id == null ? Integer.valueOf(0) : id,
              grid.path("rowCount").asInt(Sheet.DEFAULT_ROWS),
              grid.path("columnCount").asInt(Sheet.DEFAULT_COLUMNS),
              book.sheets.size());
      sheet.frozenRowCount = grid.path("frozenRowCount").asInt(0);
      sheet.frozenColumnCount = grid.path("frozenColumnCount").asInt(0);
      PropertyEdits.storeGiven(sheet, p);
    }
    if (book.sheets.isEmpty()) {
      book.addSheet("Sheet1", 0, Sheet.DEFAULT_ROWS, Sheet.DEFAULT_COLUMNS, 0);
    }
  }

  /** The Spreadsheet resource (without grid data). */
  static ObjectNode resource(Spreadsheet book, String baseUrl) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("spreadsheetId", book.spreadsheetId);
    out.putObject("properties")
        .put("title", book.title)
        .put("locale", "en_US")
        .put("autoRecalc", "ON_CHANGE")
        .put("timeZone", "Etc/GMT");
    merge((ObjectNode) out.get("properties"), book.extra);
    ArrayNode sheets = out.putArray("sheets");
    for (Sheet sheet : book.sheets) {
      ObjectNode entry = sheets.addObject();
      entry.set("properties", properties(book, sheet));
      entry.setAll(sheet.objects.deepCopy());
    }
    out.setAll(book.objects.deepCopy());
    out.put("spreadsheetUrl", baseUrl + "view/" + book.spreadsheetId);
    return out;
  }

  static ObjectNode properties(Spreadsheet book, Sheet sheet) {
    ObjectNode p = Json.MAPPER.createObjectNode();
    p.put("sheetId", sheet.sheetId)
        .put("title", sheet.title)
        .put("index", book.sheets.indexOf(sheet))
        .put("sheetType", "GRID");
    ObjectNode grid = p.putObject("gridProperties");
    grid.put("rowCount", sheet.rowCount).put("columnCount", sheet.columnCount);
    if (sheet.frozenRowCount > 0) {
      grid.put("frozenRowCount", sheet.frozenRowCount);
    }
    if (sheet.frozenColumnCount > 0) {
      grid.put("frozenColumnCount", sheet.frozenColumnCount);
    }
    merge(p, sheet.extra);
    return p;
  }

  /** Deep-merges stored properties into an answer's. */
  private static void merge(ObjectNode into, ObjectNode extra) {
    extra
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isObject() && into.path(e.getKey()).isObject()) {
                merge((ObjectNode) into.get(e.getKey()), (ObjectNode) e.getValue());
              } else {
                into.set(e.getKey(), e.getValue().deepCopy());
              }
            });
  }

  /** Applies every request in order; the first invalid one fails the whole batch. */
  static ObjectNode batchUpdate(Spreadsheet book, JsonNode body) {
    List<JsonNode> requests = requests(body.path("requests"));
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("spreadsheetId", book.spreadsheetId);
    ArrayNode replies = out.putArray("replies");
    for (int i = 0; i < requests.size(); i++) {
      JsonNode request = requests.get(i);
      Iterator<String> names = request.fieldNames();
      if (!names.hasNext()) {
        throw ApiException.badRequest("Invalid requests[" + i + "]: No request set.");
      }
      String kind = names.next();
      try {
        replies.add(apply(book, kind, request.get(kind)));
      } catch (ApiException e) {
        throw ApiException.badRequest(
            "Invalid requests[" + i + "]." + kind + ": " + e.getMessage());
      } catch (UnsupportedOperationException e) {
        throw ApiException.badRequest(
            "Invalid JSON payload received. Unknown name \""
                + kind
                + "\" at 'requests["
                + i
                + "]': Cannot find field.");
      }
    }
    return out;
  }

  /**
   * The requests as Google reads them: a single request object stands for a list of one, and a list
   * nested in the list is read as its elements (both recorded as accepted).
   */
  private static List<JsonNode> requests(JsonNode requests) {
    List<JsonNode> out = new ArrayList<>();
    if (requests.isObject()) {
      out.add(requests);
    }
    for (JsonNode r : requests.isArray() ? requests : Json.MAPPER.createArrayNode()) {
      if (r.isArray()) {
        r.forEach(out::add);
      } else {
        out.add(r);
      }
    }
    return out;
  }

  private static JsonNode apply(Spreadsheet book, String kind, JsonNode r) {
    ObjectNode reply = Json.MAPPER.createObjectNode();
    switch (kind) {
      case "addSheet" -> reply.putObject("addSheet").set("properties", addSheet(book, r));
      case "deleteSheet" -> deleteSheet(book, r);
      case "insertDimension" -> insertDimension(book, r);
      case "deleteDimension" -> deleteDimension(book, r);
      case "appendDimension" -> appendDimension(book, r);
      case "updateSheetProperties" -> PropertyEdits.updateSheetProperties(book, r);
      case "updateSpreadsheetProperties" -> PropertyEdits.updateSpreadsheetProperties(book, r);
      case "sortRange" -> Sort.sortRange(book, r);
      case "copyPaste" -> CellEdits.copyPaste(book, r);
      case "cutPaste" -> CellEdits.cutPaste(book, r);
      case "moveDimension" -> CellEdits.moveDimension(book, r);
      case "updateCells" -> CellEdits.updateCells(book, r);
      case "repeatCell" -> CellEdits.repeatCell(book, r);
      case "mergeCells" -> SheetObjects.mergeCells(book, r);
      case "unmergeCells" -> SheetObjects.unmergeCells(book, r);
      case "addNamedRange" -> reply = (ObjectNode) NamedRanges.addNamedRange(book, r);
      case "updateNamedRange" -> NamedRanges.updateNamedRange(book, r);
      case "deleteNamedRange" -> NamedRanges.deleteNamedRange(book, r);
      case "addProtectedRange" -> reply = (ObjectNode) SheetObjects.addProtectedRange(book, r);
      case "deleteProtectedRange" -> SheetObjects.deleteProtectedRange(book, r);
      case "setBasicFilter" -> SheetObjects.setBasicFilter(book, r);
      case "addDimensionGroup" -> reply = (ObjectNode) DimensionGroups.addDimensionGroup(book, r);
      case "deleteDimensionGroup" ->
          reply = (ObjectNode) DimensionGroups.deleteDimensionGroup(book, r);
      case "clearBasicFilter" -> SheetObjects.clearBasicFilter(book, r);
      case "setDataValidation", "updateDimensionProperties", "autoResizeDimensions" ->
          SheetObjects.acceptFormatting(book, kind, r);
      default -> throw new UnsupportedOperationException(kind);
    }
    return reply;
  }

  static Sheet sheet(Spreadsheet book, JsonNode sheetId) {
    Sheet sheet = book.sheetById(sheetId.asInt(0));
    if (sheet == null) {
      throw ApiException.badRequest("No grid with id: " + sheetId.asInt(0));
    }
    return sheet;
  }

  private static ObjectNode addSheet(Spreadsheet book, JsonNode r) {
    JsonNode p = r.path("properties");
    String title = p.path("title").asText("");
    if (title.isEmpty()) {
      int n = book.sheets.size() + 1;
      while (book.sheetByTitle("Sheet" + n) != null) {
        n++;
      }
      title = "Sheet" + n;
    }
    if (book.sheetByTitle(title) != null) {
      throw ApiException.badRequest(
          "A sheet with the name \"" + title + "\" already exists. Please enter another name.");
    }
    Integer id = p.has("sheetId") ? p.get("sheetId").asInt() : null;
    if (id != null && book.sheetById(id) != null) {
      throw ApiException.badRequest("Sheet with id " + id + " already exists.");
    }
    JsonNode grid = p.path("gridProperties");
    Sheet sheet =
        book.addSheet(
            title,
            id,
            grid.path("rowCount").asInt(Sheet.DEFAULT_ROWS),
            grid.path("columnCount").asInt(Sheet.DEFAULT_COLUMNS),
            p.path("index").asInt(book.sheets.size()));
    sheet.frozenRowCount = grid.path("frozenRowCount").asInt(0);
    sheet.frozenColumnCount = grid.path("frozenColumnCount").asInt(0);
    PropertyEdits.storeGiven(sheet, p);
    return properties(book, sheet);
  }

  private static void deleteSheet(Spreadsheet book, JsonNode r) {
    Sheet sheet = book.sheetById(r.path("sheetId").asInt(-1));
    if (sheet == null) {
      throw ApiException.badRequest("No sheet with id: " + r.path("sheetId").asInt(-1));
    }
    if (book.sheets.size() == 1) {
      throw ApiException.badRequest("You can't remove all the sheets in a document.");
    }
    book.sheets.remove(sheet);
    Structure.renameSheet(book, sheet.title, null);
  }

  private record Band(Sheet sheet, boolean rows, int start, int end) {}

  private static Band band(Spreadsheet book, JsonNode range) {
    Sheet sheet = sheet(book, range.path("sheetId"));
    String dimension = range.path("dimension").asText("");
    if (!dimension.equals("ROWS") && !dimension.equals("COLUMNS")) {
      throw ApiException.badRequest("range.dimension must be ROWS or COLUMNS");
    }
    int start = range.path("startIndex").asInt(0);
    int end = range.path("endIndex").asInt(0);
    if (start < 0 || end <= start) {
      throw ApiException.badRequest(
          "range.endIndex must be greater than range.startIndex (" + start + " >= " + end + ").");
    }
    return new Band(sheet, dimension.equals("ROWS"), start, end);
  }

  private static void insertDimension(Spreadsheet book, JsonNode r) {
    Band b = band(book, r.path("range"));
    int count = b.rows() ? b.sheet().rowCount : b.sheet().columnCount;
    if (b.start() > count) {
      throw ApiException.badRequest(
          "Cannot insert "
              + (b.rows() ? "rows" : "columns")
              + " starting at index "
              + b.start()
              + ", the sheet only has "
              + count
              + ".");
    }
    if (b.rows()) {
      Structure.insertRows(book, b.sheet(), b.start(), b.end() - b.start());
    } else {
      Structure.insertColumns(book, b.sheet(), b.start(), b.end() - b.start());
    }
  }

  private static void deleteDimension(Spreadsheet book, JsonNode r) {
    Band b = band(book, r.path("range"));
    String noun = b.rows() ? "row" : "column";
    int count = b.rows() ? b.sheet().rowCount : b.sheet().columnCount;
    if (b.end() > count) {
      throw ApiException.badRequest(
          "Cannot delete a "
              + noun
              + " that doesn't exist. Tried to "
              + "delete "
              + noun
              + " index "
              + (b.end() - 1)
              + " but there are only "
              + count
              + " "
              + noun
              + "s.");
    }
    if (b.start() == 0 && b.end() == count) {
      throw ApiException.badRequest("You can't delete all the " + noun + "s on the sheet.");
    }
    if (b.rows()) {
      Structure.deleteRows(book, b.sheet(), b.start(), b.end());
    } else {
      Structure.deleteColumns(book, b.sheet(), b.start(), b.end());
    }
  }

  private static void appendDimension(Spreadsheet book, JsonNode r) {
    Sheet sheet = sheet(book, r.path("sheetId"));
    int length = r.path("length").asInt(0);
    if (length <= 0) {
      throw ApiException.badRequest("length must be greater than 0");
    }
    if ("COLUMNS".equals(r.path("dimension").asText())) {
      sheet.columnCount += length;
    } else if ("ROWS".equals(r.path("dimension").asText())) {
      sheet.rowCount += length;
    } else {
      throw ApiException.badRequest("dimension must be ROWS or COLUMNS");
    }
  }

  static void rename(Spreadsheet book, Sheet sheet, String title) {
    if (title.isBlank()) {
      throw ApiException.badRequest("The sheet name cannot be empty.");
    }
    Sheet other = book.sheetByTitle(title);
    if (other != null && other != sheet) {
      throw ApiException.badRequest(
          "A sheet with the name \"" + title + "\" already exists. Please enter another name.");
    }
    String old = sheet.title;
    sheet.title = title;
    Structure.renameSheet(book, old, title);
  }

  static void resize(Spreadsheet book, Sheet sheet, boolean rows, int size) {
    if (size < 1) {
      throw ApiException.badRequest("gridProperties must have at least one row and column.");
    }
    int current = rows ? sheet.rowCount : sheet.columnCount;
    if (size < current) {
      if (rows) {
        Structure.deleteRows(book, sheet, size, current);
      } else {
        Structure.deleteColumns(book, sheet, size, current);
      }
    } else if (rows) {
      sheet.rowCount = size;
    } else {
      sheet.columnCount = size;
    }
  }
}
