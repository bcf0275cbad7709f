package dev.sheetsync.onboarding;

import dev.sheetsync.onboarding.AdoptReport.Ambiguous;
import dev.sheetsync.onboarding.AdoptReport.Matched;
import dev.sheetsync.onboarding.AdoptReport.Unmatched;
import dev.sheetsync.onboarding.AdoptReport.WithoutRow;
import dev.sheetsync.sheets.CellDisplay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Matches a tab's key-less rows to records by the value of one column, as read. Pure.
 *
 * <p>A row's value matches the record showing exactly that text; failing that, the record whose
 * text differs only in case and spacing ({@code bk-12 } for {@code BK-12}), since people type codes
 * by hand. A row is matched only when nothing else claims the same record: a second row with the
 * value, a second record with the folded value, or a row already holding the record's id all make
 * it ambiguous, and ambiguous rows are left for a person. Rows with an empty key and an empty match
 * cell are people's own (notes, totals) and not reported.
 */
final class MatchPlan {

  private MatchPlan() {}

  /**
   * @param rows the tab's rows as read from row 1 ({@code FORMATTED_VALUE})
   * @param firstDataRow the 1-based row below the header row
   * @param keyColumn zero-based sheet column of the key
   * @param matchColumn zero-based sheet column matched on
   * @param values each record's match value, oldest record first; values are unique (checked)
   */
  static AdoptReport plan(
      List<List<Object>> rows,
      int firstDataRow,
      int keyColumn,
      int matchColumn,
      Map<UUID, String> values) {
    Map<String, UUID> exact = new HashMap<>();
    Map<String, List<UUID>> folded = new HashMap<>();
    values.forEach(
        (id, value) -> {
          if (!value.isEmpty()) {
            exact.put(value, id);
            folded.computeIfAbsent(fold(value), v -> new ArrayList<>()).add(id);
          }
        });
    Set<UUID> withRow = new HashSet<>();
    Map<Integer, String> keyless = new LinkedHashMap<>();
    for (int row = firstDataRow; row <= rows.size(); row++) {
      List<Object> cells = rows.get(row - 1);
      String key = CellDisplay.at(cells, keyColumn).strip();
      if (!key.isEmpty()) {
        withRow.addAll(idsNamed(key, values));
        continue;
      }
      String value = CellDisplay.at(cells, matchColumn).strip();
      if (!value.isEmpty()) {
        keyless.put(row, value);
      }
    }
    Map<Integer, List<UUID>> candidates = new LinkedHashMap<>();
    Map<UUID, Integer> claims = new HashMap<>();
    keyless.forEach(
        (row, value) -> {
          UUID id = exact.get(value);
          List<UUID> found = id != null ? List.of(id) : folded.getOrDefault(fold(value), List.of());
          candidates.put(row, found);
          found.forEach(r -> claims.merge(r, 1, Integer::sum));
        });
    List<Matched> matched = new ArrayList<>();
    List<Unmatched> unmatched = new ArrayList<>();
    List<Ambiguous> ambiguous = new ArrayList<>();
    candidates.forEach(
        (row, found) -> {
          String value = keyless.get(row);
          if (found.isEmpty()) {
            unmatched.add(new Unmatched(row, value));
          } else if (found.size() > 1
              || withRow.contains(found.get(0))
              || claims.get(found.get(0)) > 1) {
            ambiguous.add(new Ambiguous(row, value, found));
          } else {
            matched.add(new Matched(row, found.get(0), value));
          }
        });
    Set<UUID> adopted = new HashSet<>();
    matched.forEach(m -> adopted.add(m.recordId()));
    List<WithoutRow> withoutRow = new ArrayList<>();
    values.forEach(
        (id, value) -> {
          if (!withRow.contains(id) && !adopted.contains(id)) {
            withoutRow.add(new WithoutRow(id, value));
          }
        });
    return new AdoptReport(matched, unmatched, ambiguous, withoutRow);
  }

  /** Case and runs of spaces do not tell two hand-typed codes apart. */
  static String fold(String value) {
    return value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static Set<UUID> idsNamed(String key, Map<UUID, String> values) {
    try {
      UUID id = UUID.fromString(key);
      return values.containsKey(id) ? Set.of(id) : Set.of();
    } catch (IllegalArgumentException e) {
      return Set.of(); // people's text in the key column: not a record's row
    }
  }
}
