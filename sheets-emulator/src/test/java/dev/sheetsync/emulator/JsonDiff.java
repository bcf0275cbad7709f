package dev.sheetsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Structural differences between Google's recorded JSON and the emulator's answer. Paths name array
 * elements {@code []} so that differences group by field, not by position; numbers compare by value
 * ({@code 1} equals {@code 1.0}).
 */
final class JsonDiff {

  /**
   * One difference: {@code missing} (Google has it), {@code extra} (only the emulator) or value.
   */
  record Difference(String kind, String path) {
    @Override
    public String toString() {
      return kind + " " + path;
    }
  }

  private JsonDiff() {}

  static List<Difference> diff(JsonNode google, JsonNode emulator) {
    List<Difference> out = new ArrayList<>();
    diff("", google, emulator, out);
    return out;
  }

  private static void diff(String path, JsonNode google, JsonNode emulator, List<Difference> out) {
    if (google.isObject() && emulator.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      google.fieldNames().forEachRemaining(names::add);
      emulator.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        String child = path.isEmpty() ? name : path + "." + name;
        if (!emulator.has(name)) {
          out.add(new Difference("missing", child));
        } else if (!google.has(name)) {
          out.add(new Difference("extra", child));
        } else {
          diff(child, google.get(name), emulator.get(name), out);
        }
      }
    } else if (google.isArray() && emulator.isArray()) {
      if (google.size() != emulator.size()) {
        out.add(new Difference("length", path + "[]"));
        return;
      }
      Iterator<JsonNode> a = google.elements();
      Iterator<JsonNode> b = emulator.elements();
      while (a.hasNext()) {
        diff(path + "[]", a.next(), b.next(), out);
      }
    } else if (google.isNumber() && emulator.isNumber()) {
      if (google.decimalValue().compareTo(emulator.decimalValue()) != 0) {
        out.add(new Difference("value", path));
      }
    } else if (!google.equals(emulator)) {
      out.add(new Difference("value", path));
    }
  }
}
