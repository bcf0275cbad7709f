package dev.sheetsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Row and column groups ({@code addDimensionGroup}, {@code deleteDimensionGroup}) as Google answers
 * them.
 */
final class DimensionGroups {

  private DimensionGroups() {}

  /**
   * addDimensionGroup: a row or column group (depth one more than the groups holding it); the reply
   * lists the dimension's groups. Google then shows the group control after the group ({@code
   * rowGroupControlAfter}) for good, as recorded.
   */
  static JsonNode addDimensionGroup(Spreadsheet book, JsonNode r) {
    JsonNode range = r.path("range");
    Sheet sheet = SpreadsheetOps.sheet(book, range.path("sheetId"));
    boolean rows = SheetObjects.dimensionRange(book, range);
    int start = range.path("startIndex").asInt(0);
    int end = range.path("endIndex").asInt(rows ? sheet.rowCount : sheet.columnCount);
    String name = rows ? "rowGroups" : "columnGroups";
    ArrayNode groups = SheetObjects.arrayOf(sheet.objects, name);
    int depth = 1;
    for (JsonNode g : groups) {
      JsonNode gr = g.path("range");
      if (gr.path("startIndex").asInt() <= start && end <= gr.path("endIndex").asInt()) {
        depth = Math.max(depth, g.path("depth").asInt() + 1);
      }
    }
    ObjectNode group = groups.addObject();
    ObjectNode stored = group.putObject("range");
    if (sheet.sheetId != 0) {
      stored.put("sheetId", sheet.sheetId);
    }
    stored
        .put("dimension", rows ? "ROWS" : "COLUMNS")
        .put("startIndex", start)
        .put("endIndex", end);
    group.put("depth", depth);
    ObjectNode grid =
        sheet.extra.has("gridProperties")
            ? (ObjectNode) sheet.extra.get("gridProperties")
            : sheet.extra.putObject("gridProperties");
    grid.put(rows ? "rowGroupControlAfter" : "columnGroupControlAfter", true);
    ObjectNode reply = Json.MAPPER.createObjectNode();
    reply.putObject("addDimensionGroup").set("dimensionGroups", groups.deepCopy());
    return reply;
  }

  /** deleteDimensionGroup: removes the deepest group over exactly that range. */
  static JsonNode deleteDimensionGroup(Spreadsheet book, JsonNode r) {
    JsonNode range = r.path("range");
    Sheet sheet = SpreadsheetOps.sheet(book, range.path("sheetId"));
    boolean rows = SheetObjects.dimensionRange(book, range);
    String name = rows ? "rowGroups" : "columnGroups";
    ArrayNode groups = SheetObjects.arrayOf(sheet.objects, name);
    int found = -1;
    for (int i = 0; i < groups.size(); i++) {
      JsonNode gr = groups.get(i).path("range");
      if (gr.path("startIndex").asInt() == range.path("startIndex").asInt(0)
          && gr.path("endIndex").asInt() == range.path("endIndex").asInt(-1)
          && (found < 0
              || groups.get(i).path("depth").asInt() > groups.get(found).path("depth").asInt())) {
        found = i;
      }
    }
    if (found < 0) {
      throw ApiException.badRequest("No group with that range.");
    }
    groups.remove(found);
    ObjectNode reply = Json.MAPPER.createObjectNode();
    ObjectNode body = reply.putObject("deleteDimensionGroup");
    if (groups.isEmpty()) {
      sheet.objects.remove(name);
    } else {
      body.set("dimensionGroups", groups.deepCopy());
    }
    return reply;
  }
}
