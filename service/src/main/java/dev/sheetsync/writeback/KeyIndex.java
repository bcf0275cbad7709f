package dev.sheetsync.writeback;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One tab's key column as read from the sheet: which row holds which id. Rows are 1-based, as
 * Sheets numbers them.
 */
final class KeyIndex {

  private final List<String> keys;
  private final Map<String, List<Integer>> rows = new HashMap<>();

  KeyIndex(List<Object> column) {
    this.keys = new ArrayList<>(column == null ? 0 : column.size());
    if (column != null) {
      for (Object cell : column) {
        keys.add(cell == null ? "" : cell.toString().strip());
      }
    }
    for (int i = 0; i < keys.size(); i++) {
      if (!keys.get(i).isEmpty()) {
        rows.computeIfAbsent(keys.get(i), k -> new ArrayList<>(1)).add(i + 1);
      }
    }
  }

  /** The id in {@code row}, or "" for an empty or missing cell. */
  String idAt(int row) {
    return row >= 1 && row <= keys.size() ? keys.get(row - 1) : "";
  }

  /** Rows holding {@code id}, top first; more than one only if people copied a row. */
  List<Integer> rowsOf(String id) {
    return rows.getOrDefault(id, List.of());
  }

  /** The last row with a key (0 for an empty column). */
  int lastRow() {
    return keys.size();
  }

  /**
   * Rows repeating a record id found higher up. Only id-shaped keys count: whatever else people
   * type into the key column is theirs.
   */
  List<Integer> copies() {
    List<Integer> copies = new ArrayList<>();
    rows.forEach(
        (id, at) -> {
          if (at.size() > 1 && isRecordId(id)) {
            copies.addAll(at.subList(1, at.size()));
          }
        });
    return copies;
  }

  private static boolean isRecordId(String key) {
    try {
      return java.util
          .UUID
          .fromString(key)
          .toString()
          .equals(key.toLowerCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  Set<String> ids() {
    return new HashSet<>(rows.keySet());
  }
}
