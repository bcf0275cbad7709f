package dev.sheetsync.reliability;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the sheet must show, per tab: the cells sheetsync writes for every live record (computed
 * from the database with the service's own row mapping), the ids of deleted records, the cells
 * people or formulas own as they were last left (FORMULA render, keyed by record id and column),
 * and the queue items that were meant to fail.
 */
final class Expectations {

  private final Map<String, Map<String, List<String>>> live = new HashMap<>();
  private final Map<String, Set<String>> deleted = new HashMap<>();
  private final Map<String, Map<String, Map<Integer, String>>> kept = new HashMap<>();
  private final Set<Long> expectedFailedItems = new HashSet<>();

  /**
   * The record's row as sheetsync writes it: one text per column in sheet order ({@link
   * Cells#text}); entries of columns sheetsync does not write are ignored.
   */
  Expectations live(String tab, String id, List<String> cells) {
    live.computeIfAbsent(tab, t -> new HashMap<>()).put(id, List.copyOf(cells));
    return this;
  }

  Expectations deleted(String tab, String id) {
    deleted.computeIfAbsent(tab, t -> new HashSet<>()).add(id);
    return this;
  }

  /** A formula or people-owned cell of the record's row must read exactly {@code formula}. */
  Expectations kept(String tab, String id, int column, String formula) {
    kept.computeIfAbsent(tab, t -> new HashMap<>())
        .computeIfAbsent(id, i -> new HashMap<>())
        .put(column, formula);
    return this;
  }

  Expectations expectFailed(long queueItemId) {
    expectedFailedItems.add(queueItemId);
    return this;
  }

  Map<String, List<String>> live(String tab) {
    return live.getOrDefault(tab, Map.of());
  }

  Set<String> deleted(String tab) {
    return deleted.getOrDefault(tab, Set.of());
  }

  Map<Integer, String> kept(String tab, String id) {
    return kept.getOrDefault(tab, Map.of()).getOrDefault(id, Map.of());
  }

  boolean failureExpected(long queueItemId) {
    return expectedFailedItems.contains(queueItemId);
  }

  int liveCount() {
    return live.values().stream().mapToInt(Map::size).sum();
  }
}
