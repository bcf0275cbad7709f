package dev.sheetsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one JSON mapper and the error body in Google's shape. */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /**
   * The body with every snake_case field name in camelCase, as protobuf's JSON parser accepts both
   * spellings ({@code update_sheet_properties}, {@code sheet_id}). Values are left as they are.
   */
  static JsonNode camelCaseNames(JsonNode node) {
    return hasSnakeCaseName(node) ? camelCased(node) : node; // large value writes stay uncopied
  }

  private static boolean hasSnakeCaseName(JsonNode node) {
    if (node.isObject()) {
      var names = node.fieldNames();
      while (names.hasNext()) {
        if (names.next().indexOf('_') >= 0) {
          return true;
        }
      }
    }
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        if (hasSnakeCaseName(child)) {
          return true;
        }
      }
    }
    return false;
  }

  private static JsonNode camelCased(JsonNode node) {
    if (node.isArray()) {
      ArrayNode out = MAPPER.createArrayNode();
      node.forEach(child -> out.add(camelCased(child)));
      return out;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode out = MAPPER.createObjectNode();
    node.fields().forEachRemaining(e -> out.set(camelCase(e.getKey()), camelCased(e.getValue())));
    return out;
  }

  private static String camelCase(String name) {
    if (name.indexOf('_') < 0) {
      return name;
    }
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char ch : name.toCharArray()) {
      if (ch == '_') {
        upper = out.length() > 0;
      } else {
        out.append(upper ? Character.toUpperCase(ch) : ch);
        upper = false;
      }
    }
    return out.toString();
  }

  /**
   * {@code {"error":{"code","message","status"}}} as Google's JSON API answers today: no legacy
   * {@code errors[]} array (a client reading it would work here and break on Google).
   */
  static ObjectNode error(int code, String message) {
    ObjectNode root = MAPPER.createObjectNode();
    root.putObject("error")
        .put("code", code)
        .put("message", message)
        .put("status", ApiException.status(code));
    return root;
  }

  /** The error body of an ApiException, with Google's {@code details[]} where it sends them. */
  static ObjectNode error(ApiException e) {
    ObjectNode root = error(e.code(), e.getMessage());
    if (e.details() != null) {
      ((ObjectNode) root.get("error")).set("details", e.details());
    }
    return root;
  }
}
