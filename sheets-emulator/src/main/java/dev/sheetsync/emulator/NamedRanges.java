package dev.sheetsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Named ranges: added, renamed or moved, deleted, and answered under the spreadsheet's {@code
 * namedRanges} as Google does (ids are strings; a range on the first tab has no sheetId). A name
 * also serves as a range in the values methods (see {@link ValuesOps#named}).
 */
final class NamedRanges {

  private NamedRanges() {}

  static JsonNode addNamedRange(Spreadsheet book, JsonNode r) {
    JsonNode given = r.path("namedRange");
    String name = given.path("name").asText("");
    if (!name.matches("[A-Za-z_][A-Za-z0-9_.]*") || A1.looksLikeCell(name)) {
      throw ApiException.badRequest("Invalid namedRange.name: " + name);
    }
    ArrayNode named = SheetObjects.arrayOf(book.objects, "namedRanges");
    for (JsonNode n : named) {
      if (n.path("name").asText().equalsIgnoreCase(name)) {
        throw ApiException.badRequest(
            "Invalid namedRange.name: a named range with the name \"" + name + "\" exists.");
      }
    }
    ObjectNode stored = Json.MAPPER.createObjectNode();
    stored.put(
        "namedRangeId",
        given.path("namedRangeId").asText(Integer.toString(SheetObjects.nextId(book))));
    stored.put("name", name);
    stored.set("range", SheetObjects.range(CellEdits.grid(book, given.path("range"))));
    named.add(stored);
    ObjectNode reply = Json.MAPPER.createObjectNode();
    reply.putObject("addNamedRange").set("namedRange", stored.deepCopy());
    return reply;
  }

  static void updateNamedRange(Spreadsheet book, JsonNode r) {
    JsonNode given = r.path("namedRange");
    ObjectNode stored =
        SheetObjects.find(
            book.objects, "namedRanges", "namedRangeId", given.path("namedRangeId").asText());
    for (String field : FieldMask.paths(r.path("fields").asText("*"))) {
      if (field.equals("*") || field.equals("name")) {
        stored.put("name", given.path("name").asText(stored.path("name").asText()));
      }
      if (field.equals("*") || field.startsWith("range")) {
        stored.set("range", SheetObjects.range(CellEdits.grid(book, given.path("range"))));
      }
    }
  }

  static void deleteNamedRange(Spreadsheet book, JsonNode r) {
    SheetObjects.remove(
        book.objects, "namedRanges", "namedRangeId", r.path("namedRangeId").asText());
  }
}
