package dev.sheetsync.reliability;

import dev.sheetsync.reliability.TabShape.Column;
import dev.sheetsync.reliability.TabShape.DeletePolicy;
import dev.sheetsync.reliability.TabShape.Owner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * sheetsync's promise as one check: every committed change reaches the sheet, once, in its own row.
 *
 * <ul>
 *   <li>every live record: exactly one row of its tab holds its id, and that row's cells that
 *       sheetsync writes equal the record's current values;
 *   <li>deleted records: their rows follow the tab's delete policy;
 *   <li>no row holds a mix of two records, and no row without a known id holds data;
 *   <li>formula and people-owned cells equal what was there before (or the formula template for the
 *       row);
 *   <li>the queue holds nothing PENDING or PROCESSING, nothing FAILED that was not meant to fail,
 *       and every COMPLETED item has exactly one SUCCESS log row.
 * </ul>
 *
 * <p>A cell that differs from the record's value is a <em>wrong-row write</em> when it holds the
 * value another record of the tab has in that column (the mismatching cells together point at one
 * other record), otherwise a <em>lost change</em>. Stateless and thread-safe.
 */
final class ConsistencyCheck {

  private final List<TabShape> layouts;

  ConsistencyCheck(List<TabShape> layouts) {
    this.layouts = List.copyOf(layouts);
  }

  ConsistencyReport check(Map<String, SheetTab> sheet, Expectations expected, QueueState queue) {
    ConsistencyReport report = new ConsistencyReport();
    for (TabShape layout : layouts) {
      SheetTab tab = sheet.get(layout.tab());
      if (tab == null) {
        report.lost("tab " + layout.tab() + " is missing from the spreadsheet");
        continue;
      }
      new TabCheck(layout, tab, expected, report).run();
    }
    checkQueue(queue, expected, report);
    return report;
  }

  private static void checkQueue(
      QueueState queue, Expectations expected, ConsistencyReport report) {
    for (QueueState.Item item : queue.items()) {
      report.checkedItem();
      int successes = queue.successLogs(item.id());
      String what =
          "item %d (%s %s %s)".formatted(item.id(), item.action(), item.model(), item.recordId());
      switch (item.status()) {
        case "PENDING", "PROCESSING" -> report.queue(what + " is still " + item.status());
        case "FAILED" -> {
          if (!expected.failureExpected(item.id())) {
            report.lost(what + " FAILED after " + item.retries() + " retries");
          }
        }
        default -> {
          if (expected.failureExpected(item.id())) {
            report.queue(what + " was meant to fail but is " + item.status());
          }
        }
      }
      if ("COMPLETED".equals(item.status()) && successes != 1) {
        if (successes > 1) {
          report.duplicate(what + " has " + successes + " SUCCESS log rows");
        } else {
          report.queue(what + " is COMPLETED without a SUCCESS log row");
        }
      } else if (!"COMPLETED".equals(item.status()) && successes > 0) {
        report.queue(what + " is " + item.status() + " but has a SUCCESS log row");
      }
    }
  }

  /** The check of one tab. */
  private static final class TabCheck {
    private final TabShape layout;
    private final SheetTab tab;
    private final Expectations expected;
    private final ConsistencyReport report;
    private final int key;
    private final Map<String, List<String>> live;
    private final Map<String, List<Integer>> rowsById = new LinkedHashMap<>();

    /** Per column, which live records have which value: to name the owner of a stray cell. */
    private final List<Map<String, Set<String>>> owners = new ArrayList<>();

    TabCheck(TabShape layout, SheetTab tab, Expectations expected, ConsistencyReport report) {
      this.layout = layout;
      this.tab = tab;
      this.expected = expected;
      this.report = report;
      this.key = layout.keyColumn();
      this.live = expected.live(layout.tab());
    }

    void run() {
      checkHeader();
      indexRows();
      indexOwners();
      for (Map.Entry<String, List<String>> record : live.entrySet()) {
        checkLive(record.getKey(), record.getValue());
      }
      for (String id : expected.deleted(layout.tab())) {
        checkDeleted(id);
      }
      checkStrayRows();
    }

    private void checkHeader() {
      List<String> headers = layout.headers();
      for (int c = 0; c < headers.size(); c++) {
        if (!headers.get(c).equals(tab.value(0, c))) {
          report.overwritten(
              "%s!%s1 header is '%s', expected '%s'"
                  .formatted(layout.tab(), column(c), tab.value(0, c), headers.get(c)));
        }
      }
    }

    private void indexRows() {
      for (int r = 1; r < tab.rowCount(); r++) {
        String id = tab.value(r, key);
        if (!id.isEmpty()) {
          rowsById.computeIfAbsent(id, i -> new ArrayList<>()).add(r);
        }
      }
    }

    private void indexOwners() {
      for (int c = 0; c < layout.columns().size(); c++) {
        Map<String, Set<String>> byValue = new HashMap<>();
        if (layout.columns().get(c).owner() == Owner.WRITABLE) {
          for (Map.Entry<String, List<String>> record : live.entrySet()) {
            byValue
                .computeIfAbsent(record.getValue().get(c), v -> new HashSet<>())
                .add(record.getKey());
          }
        }
        owners.add(byValue);
      }
    }

    private void checkLive(String id, List<String> cells) {
      report.checkedRecord();
      List<Integer> rows = rowsById.getOrDefault(id, List.of());
      if (rows.isEmpty()) {
        report.lost("%s: no row holds live record %s".formatted(layout.tab(), id));
        return;
      }
      if (rows.size() > 1) {
        report.duplicate(
            "%s: record %s is in rows %s".formatted(layout.tab(), id, rowNumbers(rows)));
      }
      for (int r : rows) {
        checkRow(id, cells, r);
      }
    }

    private void checkRow(String id, List<String> cells, int r) {
      List<Integer> mismatched = new ArrayList<>();
      for (int c = 0; c < layout.columns().size(); c++) {
        Column column = layout.columns().get(c);
        if (column.owner() == Owner.WRITABLE && !tab.shows(r, c, cells.get(c))) {
          mismatched.add(c);
        }
      }
      if (!mismatched.isEmpty()) {
        String cellsText = describe(r, mismatched, cells);
        Set<String> other = otherOwner(id, r, mismatched);
        if (other.isEmpty()) {
          report.lost("%s row %d of %s: %s".formatted(layout.tab(), r + 1, id, cellsText));
        } else {
          report.wrongRow(
              "%s row %d of %s holds values of %s: %s"
                  .formatted(layout.tab(), r + 1, id, other, cellsText));
        }
      }
      checkKeptCells(id, r);
    }

    /** Records other than {@code id} that have every mismatching cell's value in that column. */
    private Set<String> otherOwner(String id, int r, List<Integer> mismatched) {
      Set<String> candidates = null;
      for (int c : mismatched) {
        Set<String> withValue = new HashSet<>();
        for (Map.Entry<String, Set<String>> entry : owners.get(c).entrySet()) {
          if (tab.shows(r, c, entry.getKey())) {
            withValue.addAll(entry.getValue());
          }
        }
        if (candidates == null) {
          candidates = withValue;
        } else {
          candidates.retainAll(withValue);
        }
      }
      candidates.remove(id);
      return candidates;
    }

    private void checkKeptCells(String id, int r) {
      Map<Integer, String> kept = expected.kept(layout.tab(), id);
      for (int c = 0; c < layout.columns().size(); c++) {
        Column column = layout.columns().get(c);
        if (column.writtenBySheetsync()) {
          continue;
        }
        String want = kept.get(c);
        if (want == null && column.owner() == Owner.SEEDED) {
          continue; // its value from the append is not known here; people may have changed it
        }
        if (want == null) {
          want =
              column.formulaTemplate() == null
                  ? ""
                  : column.formulaTemplate().replace("{row}", Integer.toString(r + 1));
        }
        String have = tab.formula(r, c);
        if (!want.equals(have)) {
          report.overwritten(
              "%s!%s%d of %s is '%s', expected '%s'"
                  .formatted(layout.tab(), column(c), r + 1, id, have, want));
        }
      }
    }

    private void checkDeleted(String id) {
      List<Integer> rows = rowsById.getOrDefault(id, List.of());
      DeletePolicy policy = layout.deletePolicy();
      if (policy == DeletePolicy.DELETE_ROW && !rows.isEmpty()) {
        report.lost(
            "%s: deleted record %s still in rows %s".formatted(layout.tab(), id, rowNumbers(rows)));
        return;
      }
      if (rows.size() > 1) {
        report.duplicate(
            "%s: deleted record %s is in rows %s".formatted(layout.tab(), id, rowNumbers(rows)));
      }
      for (int r : rows) {
        if (policy == DeletePolicy.MARK) {
          String marker = tab.value(r, layout.marker().column());
          if (!layout.marker().value().equals(marker)) {
            report.lost(
                "%s row %d of deleted %s is not marked (%s='%s')"
                    .formatted(layout.tab(), r + 1, id, column(layout.marker().column()), marker));
          }
        } else if (policy == DeletePolicy.CLEAR) {
          // clearing empties every cell sheetsync writes, the key included
          report.lost("%s row %d of deleted %s was not cleared".formatted(layout.tab(), r + 1, id));
        }
        checkKeptCells(id, r);
      }
    }

    /** Rows with an id nobody knows, and rows without an id that hold sheetsync's data. */
    private void checkStrayRows() {
      Set<String> deleted = expected.deleted(layout.tab());
      for (Map.Entry<String, List<Integer>> entry : rowsById.entrySet()) {
        if (!live.containsKey(entry.getKey()) && !deleted.contains(entry.getKey())) {
          report.wrongRow(
              "%s rows %s hold unknown id '%s'"
                  .formatted(layout.tab(), rowNumbers(entry.getValue()), entry.getKey()));
        }
      }
      for (int r = 1; r < tab.rowCount(); r++) {
        if (!tab.value(r, key).isEmpty()) {
          continue;
        }
        for (int c = 0; c < layout.columns().size(); c++) {
          if (layout.columns().get(c).owner() == Owner.WRITABLE && !tab.value(r, c).isEmpty()) {
            report.wrongRow(
                "%s row %d has no id but holds %s='%s'"
                    .formatted(layout.tab(), r + 1, column(c), tab.value(r, c)));
            break;
          }
        }
      }
    }

    private String describe(int r, List<Integer> columns, List<String> cells) {
      List<String> parts = new ArrayList<>();
      for (int c : columns) {
        parts.add(
            "%s='%s' (expected '%s')"
                .formatted(layout.columns().get(c).header(), tab.value(r, c), cells.get(c)));
      }
      return String.join(", ", parts);
    }

    private static List<Integer> rowNumbers(List<Integer> rowIndexes) {
      return rowIndexes.stream().map(r -> r + 1).toList();
    }
  }

  /** Column letter(s) of a zero-based index: 0 → A, 26 → AA. */
  static String column(int index) {
    StringBuilder letters = new StringBuilder();
    for (int n = index + 1; n > 0; n = (n - 1) / 26) {
      letters.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return letters.toString();
  }
}
