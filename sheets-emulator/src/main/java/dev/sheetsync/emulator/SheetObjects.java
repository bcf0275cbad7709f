package dev.sheetsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The things people put on a sheet besides values, kept as Google answers them in {@code
 * spreadsheets.get}: merges, protected ranges and the basic filter ({@link NamedRanges} and {@link
 * DimensionGroups} keep the others). Formatting-like requests (data validation, dimension sizes and
 * visibility, auto-resize) are checked and accepted without effect, since values are all the
 * emulator renders.
 *
 * <p>Merging keeps the value of each merge's top-left cell and empties the others, as Sheets does;
 * a merge replaces the merges it overlaps. Merges and the other ranges stay where they were created
 * when rows or columns move (not modelled).
 */
final class SheetObjects {

  private SheetObjects() {}

  /** A GridRange as Google answers it: concrete bounds, sheetId left out when 0. */
  static ObjectNode range(CellEdits.Grid g) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    if (g.sheet().sheetId != 0) {
      out.put("sheetId", g.sheet().sheetId);
    }
    return out.put("startRowIndex", g.startRow())
        .put("endRowIndex", g.endRow())
        .put("startColumnIndex", g.startCol())
        .put("endColumnIndex", g.endCol());
  }

  static void mergeCells(Spreadsheet book, JsonNode r) {
    CellEdits.Grid g = CellEdits.grid(book, r.path("range"));
    String type =
        Options.oneOf(
            r.path("mergeType").asText(null),
            "MERGE_ALL",
            "merge_type",
            "MergeType",
            "MERGE_ALL",
            "MERGE_COLUMNS",
            "MERGE_ROWS");
    if (g.height() * g.width() < 2 && type.equals("MERGE_ALL")) {
      throw ApiException.badRequest("Must merge at least two cells.");
    }
    unmerge(g);
    ArrayNode merges = arrayOf(g.sheet().objects, "merges");
    if (type.equals("MERGE_ALL")) {
      merge(merges, g);
    } else if (type.equals("MERGE_ROWS")) {
      for (int row = g.startRow(); row < g.endRow(); row++) {
        merge(merges, new CellEdits.Grid(g.sheet(), row, row + 1, g.startCol(), g.endCol()));
      }
    } else {
      for (int col = g.startCol(); col < g.endCol(); col++) {
        merge(merges, new CellEdits.Grid(g.sheet(), g.startRow(), g.endRow(), col, col + 1));
      }
    }
  }

  private static void merge(ArrayNode merges, CellEdits.Grid g) {
    merges.add(range(g));
    for (int row = g.startRow(); row < g.endRow(); row++) {
      for (int col = g.startCol(); col < g.endCol(); col++) {
        if (row != g.startRow() || col != g.startCol()) {
          g.sheet().set(row, col, null);
        }
      }
    }
  }

  static void unmergeCells(Spreadsheet book, JsonNode r) {
    unmerge(CellEdits.grid(book, r.path("range")));
  }

  /** Removes every merge that overlaps the area. */
  private static void unmerge(CellEdits.Grid g) {
    ArrayNode merges = arrayOf(g.sheet().objects, "merges");
    for (int i = merges.size() - 1; i >= 0; i--) {
      JsonNode m = merges.get(i);
      boolean overlaps =
          m.path("startRowIndex").asInt() < g.endRow()
              && g.startRow() < m.path("endRowIndex").asInt()
              && m.path("startColumnIndex").asInt() < g.endCol()
              && g.startCol() < m.path("endColumnIndex").asInt();
      if (overlaps) {
        merges.remove(i);
      }
    }
    if (merges.isEmpty()) {
      g.sheet().objects.remove("merges");
    }
  }

  static JsonNode addProtectedRange(Spreadsheet book, JsonNode r) {
    JsonNode given = r.path("protectedRange");
    CellEdits.Grid g = CellEdits.grid(book, given.path("range"));
    ObjectNode stored = Json.MAPPER.createObjectNode();
    stored.put("protectedRangeId", given.path("protectedRangeId").asInt(nextId(book)));
    stored.set("range", range(g));
    JsonNode rest = PropertyEdits.proto3(given);
    if (rest != null) {
      for (String field : new String[] {"description", "warningOnly"}) {
        if (rest.has(field)) {
          stored.set(field, rest.get(field));
        }
      }
    }
    // The caller owns the spreadsheet, so may edit; Google lists no editors for it here.
    stored.put("requestingUserCanEdit", true);
    stored.putObject("editors");
    arrayOf(g.sheet().objects, "protectedRanges").add(stored);
    ObjectNode reply = Json.MAPPER.createObjectNode();
    reply.putObject("addProtectedRange").set("protectedRange", stored.deepCopy());
    return reply;
  }

  static void deleteProtectedRange(Spreadsheet book, JsonNode r) {
    String id = r.path("protectedRangeId").asText();
    for (Sheet sheet : book.sheets) {
      if (sheet.objects.has("protectedRanges")) {
        for (JsonNode p : sheet.objects.get("protectedRanges")) {
          if (p.path("protectedRangeId").asText().equals(id)) {
            remove(sheet.objects, "protectedRanges", "protectedRangeId", id);
            return;
          }
        }
      }
    }
    throw ApiException.badRequest("No protected range with id: " + id);
  }

  static void setBasicFilter(Spreadsheet book, JsonNode r) {
    JsonNode filter = r.path("filter");
    CellEdits.Grid g = CellEdits.grid(book, filter.path("range"));
    ObjectNode stored = Json.MAPPER.createObjectNode();
    stored.set("range", range(g));
    for (String field : new String[] {"sortSpecs", "filterSpecs", "criteria"}) {
      if (filter.has(field)) {
        stored.set(field, filter.get(field));
      }
    }
    g.sheet().objects.set("basicFilter", stored);
  }

  static void clearBasicFilter(Spreadsheet book, JsonNode r) {
    SpreadsheetOps.sheet(book, r.path("sheetId")).objects.remove("basicFilter");
  }

  /** Requests that only format: their ranges are checked, nothing else changes. */
  static void acceptFormatting(Spreadsheet book, String kind, JsonNode r) {
    switch (kind) {
      case "setDataValidation" -> CellEdits.grid(book, r.path("range"));
      case "updateDimensionProperties" -> {
        dimensionRange(book, r.path("range"));
        if (r.path("fields").asText("").isBlank()) {
          throw ApiException.badRequest("At least one field must be specified.");
        }
      }
      default -> dimensionRange(book, r.path("dimensions"));
    }
  }

  /** Checks a DimensionRange against its sheet; whether it is of rows. */
  static boolean dimensionRange(Spreadsheet book, JsonNode range) {
    Sheet sheet = SpreadsheetOps.sheet(book, range.path("sheetId"));
    boolean rows =
        Options.oneOf(
                range.path("dimension").asText(null),
                "",
                "range.dimension",
                "Dimension",
                "ROWS",
                "COLUMNS")
            .equals("ROWS");
    int count = rows ? sheet.rowCount : sheet.columnCount;
    int start = range.path("startIndex").asInt(0);
    int end = range.path("endIndex").asInt(count);
    if (start < 0 || end < start || end > count) {
      throw ApiException.badRequest("Invalid dimension range: [" + start + ", " + end + ").");
    }
    return rows;
  }

  static int nextId(Spreadsheet book) {
    return ++book.lastObjectId;
  }

  static ArrayNode arrayOf(ObjectNode holder, String name) {
    return holder.has(name) ? (ArrayNode) holder.get(name) : holder.putArray(name);
  }

  static ObjectNode find(ObjectNode holder, String array, String idField, String id) {
    for (JsonNode n : arrayOf(holder, array)) {
      if (n.path(idField).asText().equals(id)) {
        return (ObjectNode) n;
      }
    }
    throw ApiException.badRequest("No " + array.replaceAll("s$", "") + " with id: " + id);
  }

  static void remove(ObjectNode holder, String array, String idField, String id) {
    ArrayNode items = arrayOf(holder, array);
    find(holder, array, idField, id);
    for (int i = items.size() - 1; i >= 0; i--) {
      if (items.get(i).path(idField).asText().equals(id)) {
        items.remove(i);
      }
    }
    if (items.isEmpty()) {
      holder.remove(array);
    }
  }
}
