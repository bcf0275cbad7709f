package dev.sheetsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Google's field-mask syntax as its API accepts it: paths separated by commas, segments by {@code
 * .} or {@code /}, and sub-selections in parentheses, so {@code gridProperties/rowCount} and {@code
 * gridProperties(frozenRowCount,frozenColumnCount)} name the same kind of dotted paths as {@code
 * gridProperties.rowCount}. {@code *} stays {@code *}.
 */
final class FieldMask {

  private final String text;
  private int at;

  private FieldMask(String text) {
    this.text = text;
  }

  /** The dotted paths of a mask; 400 for unbalanced parentheses or an empty segment. */
  static List<String> paths(String mask) {
    FieldMask parser = new FieldMask(mask.replace(" ", ""));
    List<String> out = new ArrayList<>();
    parser.list("", out);
    if (parser.at != parser.text.length()) {
      throw parser.invalid();
    }
    return out;
  }

  /**
   * The parts of an answer a {@code fields} system parameter selects: each path kept whole at its
   * end, objects on the way kept (empty if nothing below them exists), arrays walked element by
   * element, as Google answers {@code ?fields=sheets.properties.tabColorStyle}.
   */
  static ObjectNode select(ObjectNode answer, String mask) {
    Map<String, Object> tree = new LinkedHashMap<>();
    for (String path : paths(mask)) {
      Map<String, Object> node = tree;
      for (String part : path.split("\\.")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> next =
            (Map<String, Object>) node.computeIfAbsent(part, k -> new LinkedHashMap<>());
        node = next;
      }
    }
    return (ObjectNode) select(answer, tree);
  }

  @SuppressWarnings("unchecked")
  private static JsonNode select(JsonNode node, Map<String, Object> tree) {
    if (tree.isEmpty() || tree.containsKey("*")) {
      return node;
    }
    if (node.isArray()) {
      ArrayNode out = Json.MAPPER.createArrayNode();
      node.forEach(element -> out.add(select(element, tree)));
      return out;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode out = Json.MAPPER.createObjectNode();
    tree.forEach(
        (name, sub) -> {
          if (node.has(name)) {
            out.set(name, select(node.get(name), (Map<String, Object>) sub));
          }
        });
    return out;
  }

  private void list(String prefix, List<String> out) {
    item(prefix, out);
    while (at < text.length() && text.charAt(at) == ',') {
      at++;
      item(prefix, out);
    }
  }

  private void item(String prefix, List<String> out) {
    int start = at;
    while (at < text.length() && ",()./".indexOf(text.charAt(at)) < 0) {
      at++;
    }
    if (at == start) {
      throw invalid();
    }
    String path = prefix + text.substring(start, at);
    if (at < text.length() && (text.charAt(at) == '.' || text.charAt(at) == '/')) {
      at++;
      item(path + ".", out);
    } else if (at < text.length() && text.charAt(at) == '(') {
      at++;
      list(path + ".", out);
      if (at >= text.length() || text.charAt(at) != ')') {
        throw invalid();
      }
      at++;
    } else {
      out.add(path);
    }
  }

  private ApiException invalid() {
    return ApiException.badRequest("Invalid field mask: '" + text + "'");
  }
}
