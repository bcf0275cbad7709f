package dev.sheetsync.reliability;

import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * People correcting cells sheetsync owns (Phone, Email, Destination and Notes of Requests, Supplier
 * of Operators) in rows that already exist, through Google's client as a colleague in the browser
 * would. Each edit types a recognisable value ({@code edit-<n>}, never one the database holds);
 * some are followed by a change of the same record through the API, so the next write-back rewrites
 * that row. A person typing into a cell they edited before replaces their own earlier value: that
 * earlier edit is checked right then (the cell still showed it, or a conflict held it) and counted
 * as superseded. Not thread-safe: one person types at a time, between write-back runs.
 */
final class Typist {

  /** The sheetsync-owned columns people correct, per tab. */
  private static final Map<String, List<String>> COLUMNS =
      Map.of(
          "Requests",
          List.of("Phone", "Email", "Destination", "Notes"),
          "Operators",
          List.of("Supplier"));

  /** The rows the workload's updates favour: the newest records of each kind. */
  private static final int RECENT_ROWS = 12;

  /**
   * One value typed into one cell.
   *
   * @param typedAt when the sheet had it (after Google's client returned)
   */
  record Edit(
      String tab, String recordId, String header, int column, String value, Instant typedAt) {

    String cell() {
      return tab + "/" + recordId + "/" + header;
    }
  }

  private final Scenario scenario;
  private final Sheets sheets;
  private final ApiClient api;
  private final Random random;
  private final Map<String, TabShape> shapes = new LinkedHashMap<>();
  private final List<Edit> edits = new ArrayList<>();
  private final Map<String, Edit> lastByCell = new LinkedHashMap<>();
  private final List<String> violations = new ArrayList<>();
  private int typed;
  private int superseded;
  private int lostWhenRetyped;
  private int changedThroughApi;

  Typist(Scenario scenario, ApiClient api, long seed) {
    this.scenario = scenario;
    this.sheets = PeopleClient.of(scenario).sheets();
    this.api = api;
    this.random = new Random(seed);
    for (TabShape shape : scenario.env.layout.shapes()) {
      shapes.put(shape.tab(), shape);
    }
  }

  int typed() {
    return typed;
  }

  int changedThroughApi() {
    return changedThroughApi;
  }

  /**
   * Types {@code count} values into the sheet as it is now (no write-back may run meanwhile), each
   * followed now and then by a change of its record through the API.
   */
  void round(int count) {
    Map<String, SheetTab> sheet = scenario.readSheet();
    Set<String> typedNow = new HashSet<>();
    List<EditTally.SeenConflict> conflicts = null;
    for (int i = 0; i < count; i++) {
      String tab = random.nextInt(4) == 0 ? "Operators" : "Requests";
      SheetTab now = sheet.get(tab);
      Target target = choose(tab, now);
      if (target == null) {
        continue;
      }
      TabShape shape = shapes.get(tab);
      int row = target.row();
      String header = target.header();
      String id = now.value(row, shape.keyColumn());
      int column = shape.headers().indexOf(header);
      Edit previous = lastByCell.get(tab + "/" + id + "/" + header);
      if (previous != null) {
        String shown =
            typedNow.contains(previous.cell()) ? previous.value() : now.value(row, column);
        boolean kept = shown.equals(previous.value());
        if (!kept) {
          conflicts = conflicts == null ? EditTally.conflicts(api) : conflicts;
          kept = EditTally.find(conflicts, previous).isPresent();
        }
        if (kept) {
          superseded++;
        } else {
          lostWhenRetyped++;
          violations.add(
              "%s!%s%d (%s of %s): '%s' was overwritten with '%s' without a conflict"
                  .formatted(
                      tab,
                      ConsistencyCheck.column(column),
                      row + 1,
                      header,
                      id,
                      previous.value(),
                      shown));
        }
      }
      Edit edit = type(tab, id, header, column, row);
      edits.add(edit);
      lastByCell.put(edit.cell(), edit);
      typedNow.add(edit.cell());
      if (random.nextInt(3) == 0) {
        change(edit);
      }
    }
  }

  /** A cell to type into: its row (0-based) and its column's header. */
  private record Target(int row, String header) {}

  /**
   * A cell of a live record's row: now and then one the same person edited before, otherwise one
   * not edited yet, in one of the newest rows (the workload keeps changing those) or any row.
   */
  private Target choose(String tab, SheetTab now) {
    TabShape shape = shapes.get(tab);
    Map<String, Integer> rows = new LinkedHashMap<>();
    for (int r = 1; r < now.rowCount(); r++) {
      boolean marked =
          shape.marker() != null
              && shape.marker().value().equals(now.value(r, shape.marker().column()));
      if (!now.value(r, shape.keyColumn()).isEmpty() && !marked) {
        rows.put(now.value(r, shape.keyColumn()), r);
      }
    }
    if (rows.isEmpty()) {
      return null;
    }
    List<Edit> before =
        lastByCell.values().stream()
            .filter(e -> e.tab().equals(tab) && rows.containsKey(e.recordId()))
            .toList();
    if (!before.isEmpty() && random.nextInt(10) == 0) {
      Edit again = before.get(random.nextInt(before.size()));
      return new Target(rows.get(again.recordId()), again.header());
    }
    List<String> ids = List.copyOf(rows.keySet());
    String id =
        random.nextBoolean()
            ? ids.get(ids.size() - 1 - random.nextInt(Math.min(RECENT_ROWS, ids.size())))
            : ids.get(random.nextInt(ids.size()));
    List<String> fresh =
        COLUMNS.get(tab).stream()
            .filter(h -> !lastByCell.containsKey(tab + "/" + id + "/" + h))
            .toList();
    List<String> headers = fresh.isEmpty() ? COLUMNS.get(tab) : fresh;
    return new Target(rows.get(id), headers.get(random.nextInt(headers.size())));
  }

  private Edit type(String tab, String id, String header, int column, int row) {
    String value = "edit-" + (++typed);
    String a1 = "'" + tab + "'!" + ConsistencyCheck.column(column) + (row + 1);
    try {
      sheets
          .spreadsheets()
          .values()
          .update(scenario.spreadsheetId, a1, new ValueRange().setValues(List.of(List.of(value))))
          .setValueInputOption("USER_ENTERED")
          .execute();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Edit(tab, id, header, column, value, Instant.now());
  }

  /**
   * Changes a field the workload never sends (its notes prove what it was acknowledged), so the
   * record's next write rewrites the edited row. A record deleted meanwhile answers 404.
   */
  private void change(Edit edit) {
    boolean request = edit.tab().equals("Requests");
    String path = (request ? "/api/requests/" : "/api/operators/") + edit.recordId();
    Map<String, Object> body =
        request
            ? Map.of("pax", 1 + typed % 9)
            : Map.of("description", "Service changed after " + edit.value());
    ApiClient.Response response = api.patch(path, body);
    if (response.ok()) {
      changedThroughApi++;
    } else if (response.status() != 404 && response.status() != 409) {
      throw new AssertionError("PATCH " + path + " was refused: " + response);
    }
  }

  /** Where every person's last value of every cell is now. */
  EditTally tally() {
    return EditTally.of(
        scenario,
        api,
        List.copyOf(edits),
        List.copyOf(lastByCell.values()),
        superseded,
        lostWhenRetyped,
        violations);
  }
}
