package dev.sheetsync.onboarding;

import dev.sheetsync.onboarding.AdoptReport.Matched;
import dev.sheetsync.onboarding.AdoptReport.Unmatched;
import dev.sheetsync.sheets.CellDisplay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Checks written ids against the key and match columns read after the write. An id is adopted where
 * it sits beside its value (people may have moved the row since: its row number is taken from
 * there). An id beside another value landed in a row people moved in between; that cell gets back
 * what its row held when read (found by its match value, when exactly one row had it) or is
 * emptied, and the record is reported unmatched. Pure.
 *
 * @param adopted the ids that sit beside their value, with their row now
 * @param readRows each adopted record's row in the read before the write (whose cells are its base)
 * @param lost the matched rows whose id did not land
 * @param fixes key cells to set again (row → text, "" to empty)
 */
record Verified(
    List<Matched> adopted,
    Map<UUID, Integer> readRows,
    List<Unmatched> lost,
    Map<Integer, String> fixes) {

  static Verified check(
      List<Matched> written,
      List<Object> keys,
      List<Object> matches,
      List<List<Object>> before,
      int keyColumn,
      int matchColumn) {
    Map<String, List<Integer>> rowsOf = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      String key = CellDisplay.ofRead(keys.get(i)).strip();
      if (!key.isEmpty()) {
        rowsOf.computeIfAbsent(key, k -> new ArrayList<>()).add(i + 1);
      }
    }
    List<Matched> adopted = new ArrayList<>();
    Map<UUID, Integer> readRows = new LinkedHashMap<>();
    List<Unmatched> lost = new ArrayList<>();
    Map<Integer, String> fixes = new LinkedHashMap<>();
    for (Matched m : written) {
      Integer good = null;
      for (int row : rowsOf.getOrDefault(m.recordId().toString(), List.of())) {
        if (good == null && text(matches, row).equals(m.value())) {
          good = row;
        } else {
          fixes.put(row, heldBefore(before, text(matches, row), keyColumn, matchColumn));
        }
      }
      if (good != null) {
        adopted.add(new Matched(good, m.recordId(), m.value()));
        readRows.put(m.recordId(), m.row());
      } else {
        lost.add(new Unmatched(m.row(), m.value()));
      }
    }
    return new Verified(adopted, readRows, lost, fixes);
  }

  /** The key the row showing {@code value} had when read, if exactly one row showed it; else "". */
  private static String heldBefore(
      List<List<Object>> before, String value, int keyColumn, int matchColumn) {
    if (value.isEmpty()) {
      return "";
    }
    String key = null;
    int found = 0;
    for (List<Object> row : before) {
      if (CellDisplay.at(row, matchColumn).strip().equals(value)) {
        found++;
        key = CellDisplay.at(row, keyColumn).strip();
      }
    }
    return found == 1 ? key : "";
  }

  private static String text(List<Object> column, int row) {
    return row <= column.size() ? CellDisplay.ofRead(column.get(row - 1)).strip() : "";
  }
}
