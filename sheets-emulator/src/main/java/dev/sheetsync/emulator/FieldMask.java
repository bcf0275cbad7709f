package dev.sheetsync.emulator;

import java.util.ArrayList;
import java.util.List;

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
