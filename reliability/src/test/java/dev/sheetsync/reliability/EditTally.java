package dev.sheetsync.reliability;

import dev.sheetsync.reliability.Typist.Edit;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Where people's edits of sheetsync-owned cells ended up, once the queue is drained: each cell's
 * last value is still in the cell, or a conflict ({@code GET /api/sync/conflicts}, every status) of
 * that record and column holds it as its sheet value; anything else is an edit lost silently.
 * Earlier values of a cell were checked when the person typed over them ({@link Typist}).
 *
 * <p>Two more faults are looked for: a cell still showing a person's value although sheetsync
 * rewrote the row after it was typed (no conflict, and the database's value never arrived), and a
 * conflict nobody typed (sheetsync mistaking its own value for an edit).
 *
 * @param typed values typed, earlier and last ones
 * @param inSheet last values still shown in their cells
 * @param inConflicts last values overwritten and held by a conflict
 * @param superseded earlier values the same person typed over (checked then)
 * @param lost values in neither place (last values now, earlier values when typed over)
 * @param conflicts conflicts listed by the API at the end, every status
 * @param keptInSheet the edits still shown, for the consistency check's expectations
 */
record EditTally(
    int typed,
    int inSheet,
    int inConflicts,
    int superseded,
    int lost,
    int conflicts,
    List<Edit> keptInSheet,
    List<String> violations) {

  private static final String WRITTEN_SQL =
      """
      select record_id::text as id, written_at, deleted from sheet_written_rows
      """;

  private static final int PAGE_SIZE = 200;

  /** One conflict as the API lists it. */
  record SeenConflict(long id, String recordId, String column, String sheetValue, String status) {}

  /** Every conflict, all statuses, all pages. */
  static List<SeenConflict> conflicts(ApiClient api) {
    List<SeenConflict> all = new ArrayList<>();
    for (int page = 0; ; page++) {
      String path = "/api/sync/conflicts?status=&page=" + page + "&size=" + PAGE_SIZE;
      ApiClient.Response response = api.get(path);
      if (!response.ok()) {
        throw new AssertionError("GET " + path + ": " + response);
      }
      JsonNode json = response.json();
      JsonNode items = json.path("items");
      for (int i = 0; i < items.size(); i++) {
        JsonNode item = items.get(i);
        all.add(
            new SeenConflict(
                item.path("id").asLong(),
                item.path("recordId").asString(),
                item.path("column").asString(),
                item.path("sheetValue").asString(),
                item.path("status").asString()));
      }
      if ((long) (page + 1) * PAGE_SIZE >= json.path("total").asLong()) {
        return all;
      }
    }
  }

  /** The conflict of the edit's record and column that holds the edit's value. */
  static Optional<SeenConflict> find(List<SeenConflict> conflicts, Edit edit) {
    return conflicts.stream()
        .filter(c -> c.recordId().equals(edit.recordId()) && c.column().equals(edit.header()))
        .filter(c -> edit.value().equals(c.sheetValue()))
        .findFirst();
  }

  static EditTally of(
      Scenario scenario,
      ApiClient api,
      List<Edit> all,
      Collection<Edit> last,
      int superseded,
      int lostWhenRetyped,
      List<String> earlier) {
    Map<String, SheetTab> sheet = scenario.readSheet();
    List<SeenConflict> conflicts = conflicts(api);
    Map<String, Instant> rewritten = rewrittenLive(scenario);
    List<String> violations = new ArrayList<>(earlier);
    List<Edit> kept = new ArrayList<>();
    int inConflicts = 0;
    int lost = lostWhenRetyped;
    for (Edit edit : last) {
      SheetTab tab = sheet.get(edit.tab());
      int row = rowOf(tab, scenario.env.layout.shapes(), edit);
      String shown = row < 0 ? "(no row)" : tab.value(row, edit.column());
      String where = "%s (%s of %s)".formatted(edit.value(), edit.header(), edit.recordId());
      if (shown.equals(edit.value())) {
        kept.add(edit);
        Instant at = rewritten.get(edit.recordId());
        if (at != null && at.isAfter(edit.typedAt())) {
          violations.add(
              "%s is still in its cell although the row was rewritten at %s, after it was typed at %s"
                  .formatted(where, at, edit.typedAt()));
        }
      } else if (find(conflicts, edit).isPresent()) {
        inConflicts++;
      } else {
        lost++;
        violations.add(
            "%s is lost: the cell shows '%s' and no conflict holds it".formatted(where, shown));
      }
    }
    Map<String, Edit> byValue = new HashMap<>();
    all.forEach(e -> byValue.put(e.value(), e));
    for (SeenConflict c : conflicts) {
      Edit typed = byValue.get(c.sheetValue());
      if (typed == null) {
        violations.add(
            "conflict %d (%s of %s, sheet value '%s') was typed by nobody"
                .formatted(c.id(), c.column(), c.recordId(), c.sheetValue()));
      } else if (!typed.recordId().equals(c.recordId()) || !typed.header().equals(c.column())) {
        violations.add(
            "conflict %d puts %s under %s of %s"
                .formatted(c.id(), typed.value(), c.column(), c.recordId()));
      }
    }
    return new EditTally(
        all.size(),
        kept.size(),
        inConflicts,
        superseded,
        lost,
        conflicts.size(),
        List.copyOf(kept),
        List.copyOf(violations));
  }

  /** When sheetsync last wrote each live record's row (marks of deleted records left out). */
  private static Map<String, Instant> rewrittenLive(Scenario scenario) {
    Map<String, Instant> at = new HashMap<>();
    scenario
        .jdbc
        .sql(WRITTEN_SQL)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> {
                  if (!rs.getBoolean("deleted")) {
                    at.put(
                        rs.getString("id"),
                        rs.getObject("written_at", OffsetDateTime.class).toInstant());
                  }
                });
    return at;
  }

  private static int rowOf(SheetTab tab, List<TabShape> shapes, Edit edit) {
    TabShape shape =
        shapes.stream().filter(s -> s.tab().equals(edit.tab())).findFirst().orElseThrow();
    for (int r = 1; r < tab.rowCount(); r++) {
      if (tab.value(r, shape.keyColumn()).equals(edit.recordId())) {
        return r;
      }
    }
    return -1;
  }

  /**
   * A value a person left in a live record's cell is what the sheet must show there; the rest of
   * the row is checked as always.
   */
  void addTo(Expectations expected) {
    for (Edit edit : keptInSheet) {
      List<String> cells = expected.live(edit.tab()).get(edit.recordId());
      if (cells != null) {
        List<String> adjusted = new ArrayList<>(cells);
        adjusted.set(edit.column(), edit.value());
        expected.live(edit.tab(), edit.recordId(), adjusted);
      }
    }
  }
}
