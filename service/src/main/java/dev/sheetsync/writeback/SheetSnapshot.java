package dev.sheetsync.writeback;

import dev.sheetsync.sheets.LiveTab;
import dev.sheetsync.sheets.TabLayout;
import dev.sheetsync.sheets.TabStructureException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The batch's one model of the sheet: where each tab, column and record row is. Read at the start
 * of the batch (header rows and key columns, one {@code values.batchGet}) and kept true by every
 * insert and delete the batch makes, so "where is this record now" is answered here and only here.
 * Not thread-safe; lives for one batch.
 */
final class SheetSnapshot {

  private final Tabs tabs;
  private final Map<TabLayout, LiveTab> live;
  private final Map<TabLayout, TabStructureException> problems;
  private final Map<TabLayout, KeyIndex> keys;

  SheetSnapshot(
      Tabs tabs,
      Map<TabLayout, LiveTab> live,
      Map<TabLayout, TabStructureException> problems,
      Map<TabLayout, KeyIndex> keys) {
    this.tabs = tabs;
    this.live = live;
    this.problems = problems;
    this.keys = new LinkedHashMap<>(keys);
  }

  Tabs tabs() {
    return tabs;
  }

  /** The tab as it is now; null when it has a problem. */
  LiveTab tab(TabLayout tab) {
    return live.get(tab);
  }

  /** Every tab that can be written, by layout tab name (for formulas naming other tabs). */
  Function<String, LiveTab> byLayoutName() {
    return name ->
        live.values().stream()
            .filter(t -> t.layout().tabName().equals(name))
            .findFirst()
            .orElse(null);
  }

  /** Tabs that cannot be written as they are: gone, or a layout header missing or repeated. */
  Map<TabLayout, TabStructureException> problems() {
    return problems;
  }

  /** Tabs whose header row shows every layout header once. */
  Collection<LiveTab> writable() {
    return live.values();
  }

  KeyIndex keys(TabLayout tab) {
    return keys.get(tab);
  }

  void keys(TabLayout tab, KeyIndex index) {
    keys.put(tab, index);
  }

  /**
   * Where the record's row is now: its stored row if that still holds its id (a cheap check that
   * costs nothing), else the first row holding its id, else 0.
   */
  int rowOf(RecordWork record) {
    KeyIndex index = keys.get(record.tab);
    int hint = record.hint();
    return hint > 0 && index.idAt(hint).equals(record.key()) ? hint : index.rowOf(record.key());
  }

  /** The batch inserted rows holding {@code ids} at {@code at}. */
  void inserted(TabLayout tab, int at, List<String> ids) {
    keys.get(tab).insert(at, ids);
  }

  /** The batch deleted these rows. */
  void deleted(TabLayout tab, Collection<Integer> rows) {
    keys.get(tab).delete(rows);
  }
}
