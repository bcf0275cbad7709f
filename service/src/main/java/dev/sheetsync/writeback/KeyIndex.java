package dev.sheetsync.writeback;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One tab's key column: which row holds which id. Rows are 1-based, as Sheets numbers them. Read
 * from the sheet, then kept true by the batch's own inserts and deletes ({@link #insert}, {@link
 * #delete}), so "where is this record now" needs no second read. Not thread-safe.
 */
final class KeyIndex {

  private final List<String> keys;
  private Map<String, List<Integer>> rows;

  KeyIndex(List<Object> column) {
    this.keys = new ArrayList<>(column == null ? 0 : column.size());
    if (column != null) {
      for (Object cell : column) {
        keys.add(cell == null ? "" : cell.toString().strip());
      }
    }
    index();
  }

  private void index() {
    rows = new HashMap<>();
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

  /** The first row holding {@code id}, or 0. */
  int rowOf(String id) {
    List<Integer> at = rowsOf(id);
    return at.isEmpty() ? 0 : at.get(0);
  }

  /** The last row with a key (0 for an empty column). */
  int lastRow() {
    return keys.size();
  }

  /** Rows inserted at {@code at} holding {@code ids}: the rows there and below move down. */
  void insert(int at, List<String> ids) {
    while (keys.size() < at - 1) {
      keys.add("");
    }
    keys.addAll(at - 1, ids);
    index();
  }

  /** Rows deleted: the rows below each move up. */
  void delete(Collection<Integer> deleted) {
    deleted.stream()
        .distinct()
        .sorted(Comparator.reverseOrder())
        .filter(row -> row >= 1 && row <= keys.size())
        .forEach(row -> keys.remove(row - 1));
    index();
  }

  /**
   * Rows repeating a record id found higher up. Only id-shaped keys count: whatever else people
   * type into the key column is theirs.
   */
  List<Integer> copies() {
    return copies(Map.of());
  }

  /**
   * Rows to remove so that each record id is left in one row: the row in {@code keep} (the row
   * sheetsync last wrote the record to) when it still holds the id, else the first. A copy people
   * pasted above the record's row must not win over the row holding their other cells.
   */
  List<Integer> copies(Map<String, Integer> keep) {
    List<Integer> copies = new ArrayList<>();
    rows.forEach(
        (id, at) -> {
          if (at.size() > 1 && isRecordId(id)) {
            Integer stored = keep.get(id);
            int kept = stored != null && at.contains(stored) ? stored : at.get(0);
            at.stream().filter(r -> r != kept).forEach(copies::add);
          }
        });
    return copies;
  }

  /** Ids that appear in more than one row. */
  java.util.Set<String> copiedIds() {
    java.util.Set<String> ids = new java.util.HashSet<>();
    rows.forEach(
        (id, at) -> {
          if (at.size() > 1 && isRecordId(id)) {
            ids.add(id);
          }
        });
    return ids;
  }

  private static boolean isRecordId(String key) {
    try {
      return UUID.fromString(key).toString().equals(key.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  Set<String> ids() {
    return new HashSet<>(rows.keySet());
  }
}
