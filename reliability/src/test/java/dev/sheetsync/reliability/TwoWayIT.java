package dev.sheetsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 9: people edit two-way cells (Requests' Status, Operators' Payment Status) and the
 * sheet-to-db Staff Notes while the API changes the status of some of the same records, and
 * write-backs run on several instances at once (all triggered together each round: one takes the
 * cluster lock, the others answer 409 or run right after, finding nothing to apply again).
 *
 * <p>People type between rounds of runs, as in scenarios 4 and 8 (Sheets has no conditional write).
 * Each round: people type; the API changes some of the typed records' status <em>before</em> the
 * runs (a both-sides conflict is expected) and some <em>while</em> the runs go (either the read-in
 * applied the edit first and the API's value wins, or a conflict). Right after the round, every
 * edit is classified against the records API and the conflicts (every status):
 *
 * <ul>
 *   <li>applied (the field holds the typed value, normalised), or held by a conflict whose {@code
 *       sheetValue} is the typed text, or overtaken by an API change made after the runs;
 *   <li>an invalid value ({@code MAYBE}) must be a conflict, with a {@code message} when the
 *       database did not change too (a both-sides conflict carries none: counted, not failed);
 *   <li>an API change before the runs must make a conflict (nothing applied);
 *   <li>no API change is lost: the field holds the round's last API value;
 *   <li>the read-in's own count of applied cells (the instances' log lines) equals the edits that
 *       must have been applied: more would be an edit applied twice, fewer an edit lost.
 * </ul>
 *
 * At the end, quiet runs must send no {@code values.batchUpdate} at all (no ping-pong), and the
 * sheet is consistent (cells held by an open conflict show the person's value).
 *
 * <p>People also type new Revenue rows ({@code import-new-rows}) below the last row each round, one
 * valid (booking code, {@code dd/MM/yyyy} date, {@code 1.250,50}, {@code cash}, a unique reference)
 * and every other round one invalid ({@code cheque} as the method): after the round every valid row
 * must hold the id of a revenue with its reference, the revenue total must have grown by exactly
 * the valid rows (imported exactly once), and every invalid row must be exactly one open conflict
 * with no record, its row and the Method column, its key cell still empty. Before the quiet runs
 * people clear the invalid rows, which settles their conflicts.
 */
class TwoWayIT {

  private static final Pattern APPLIED =
      Pattern.compile("Read in from the sheet: (\\d+) cell\\(s\\) applied");

  private static final List<String> REQUEST_VALID =
      List.of("Confirmed", "cancelled", "COMPLETED", "new", "Cancelled", "confirmed");
  private static final List<String> OPERATOR_VALID = List.of("paid", "Partial", "UNPAID", "PAID");
  private static final List<String> INVALID = List.of("MAYBE", "maybe later", "half paid");
  private static final List<String> REQUEST_STATUSES =
      List.of("NEW", "CONFIRMED", "COMPLETED", "CANCELLED");
  private static final List<String> PAYMENT_STATUSES = List.of("UNPAID", "PARTIAL", "PAID");

  /** One cell people changed. */
  record Edit(
      int n,
      String tab,
      String recordId,
      String header,
      String value,
      boolean valid,
      String before,
      String apiBefore,
      String apiLater) {

    String path() {
      return (tab.equals("Requests") ? "/api/requests/" : "/api/operators/") + recordId;
    }

    String field() {
      return switch (header) {
        case "Status" -> "status";
        case "Payment Status" -> "paymentStatus";
        default -> "staffNotes";
      };
    }

    boolean notes() {
      return header.equals("Staff Notes");
    }

    String normalised() {
      return notes() ? value : normal(value);
    }
  }

  /** A conflict as the API lists it. */
  record Seen(
      String recordId,
      String column,
      String writtenValue,
      String sheetValue,
      String databaseValue,
      String message,
      String status,
      int rowIndex) {

    /** A refused typed row's conflict: it belongs to no record. */
    boolean ofTypedRow() {
      return recordId == null || recordId.isEmpty() || recordId.equals("null");
    }
  }

  /** A Revenue row people typed: 0-based row, its unique reference, whether it is valid. */
  record TypedRow(int row, String reference, boolean valid) {}

  private final Map<String, Integer> counts = new LinkedHashMap<>();
  private final List<String> violations = new ArrayList<>();

  @Test
  void everySheetEditIsAppliedOnceOrAConflictAndNoApiChangeIsLost() {
    run(false);
  }

  /**
   * The same with the API's changes sent while the runs go (racing the read-in). It found two bugs,
   * both fixed: the read-in decided "database unchanged since the base" on a snapshot loaded before
   * its apply transaction (an API change committed in between was overwritten: a lost update), and
   * typing the base back into a cell a conflict held was not seen. See the README (scenario 9).
   */
  @Test
  void apiChangesRacingTheReadInAreNotLost() {
    run(true);
  }

  private void run(boolean racing) {
    ReliabilityEnvironment env = ReliabilityEnvironment.get();
    ReliabilitySize size = env.size;
    boolean full = size.name().equals("full");
    int rounds = full ? 50 : 8;
    int perRound = full ? 10 : 6;
    int instanceCount = full ? 3 : 2;
    try (Scenario scenario = env.scenario(racing ? "two_way_racing" : "two_way")) {
      List<CompletableFuture<ServiceProcess>> starting = new ArrayList<>();
      for (int i = 0; i < instanceCount; i++) {
        String instance = "i" + i;
        starting.add(CompletableFuture.supplyAsync(() -> scenario.start(instance)));
      }
      List<ServiceProcess> instances = new ArrayList<>();
      List<ApiClient> admins = new ArrayList<>();
      for (CompletableFuture<ServiceProcess> s : starting) {
        instances.add(s.join());
        admins.add(scenario.admin(instances.get(instances.size() - 1)));
      }
      Scenario.requireWriteBack(instances.get(0));
      Workload workload = new Workload(admins, 9, "twoway");
      workload.run(full ? 150 : 40); // rows to type into
      scenario.drain(instances.get(0), Duration.ofMinutes(2));
      ApiClient api = admins.get(0);
      Sheets sheets = PeopleClient.of(scenario).sheets();
      Map<String, TabShape> shapes = new HashMap<>();
      scenario.env.layout.shapes().forEach(s -> shapes.put(s.tab(), s));
      Random random = new Random(9);
      List<Edit> edits = new ArrayList<>();
      int typed = 0;
      int runs = 0;
      int refused409 = 0;
      int logged = appliedInLogs(instances); // the log files may hold an earlier run's lines
      int expectedApplied = logged;
      int appliedTwice = 0;
      List<TypedRow> typedRows = new ArrayList<>();

      for (int round = 0; round < rounds; round++) {
        Map<String, SheetTab> sheet = scenario.readSheet();
        Map<String, String> open = openConflictCells(api);
        Set<String> typedNow = new HashSet<>();
        List<Edit> roundEdits = new ArrayList<>();
        Map<String, String> lastApi = new HashMap<>(); // path+field → the round's last API value
        List<Runnable> duringRuns = new ArrayList<>();
        for (int i = 0; i < perRound; i++) {
          int dice = random.nextInt(10);
          String tab = dice < 3 ? "Operators" : "Requests";
          String header =
              tab.equals("Operators") ? "Payment Status" : dice < 6 ? "Status" : "Staff Notes";
          TabShape shape = shapes.get(tab);
          SheetTab now = sheet.get(tab);
          List<Integer> rows = liveRows(shape, now);
          int row = rows.get(rows.size() - 1 - random.nextInt(Math.min(15, rows.size())));
          String id = now.value(row, shape.keyColumn());
          if (!typedNow.add(tab + "/" + id + "/" + header)) {
            continue; // one value per cell per round: each is checked after its runs
          }
          int column = shape.headers().indexOf(header);
          typed++;
          String value;
          boolean valid = true;
          if (header.equals("Staff Notes")) {
            value = "staff note " + typed + " ✓";
          } else if (random.nextInt(4) == 0) {
            value = INVALID.get(random.nextInt(INVALID.size()));
            valid = false;
          } else {
            // never what the cell shows already (in any case): that is no change to read in
            String showing = normal(now.value(row, column));
            // Not built (see README): typing the base back into a cell a conflict holds is not
            // seen; only the racing variant does it.
            String base = racing ? null : normal(open.getOrDefault(key(id, header), ""));
            List<String> pool =
                (tab.equals("Operators") ? OPERATOR_VALID : REQUEST_VALID)
                    .stream()
                        .filter(v -> !normal(v).equals(showing) && !normal(v).equals(base))
                        .toList();
            value = pool.get(random.nextInt(pool.size()));
          }
          String path = (tab.equals("Requests") ? "/api/requests/" : "/api/operators/") + id;
          String field =
              header.equals("Status")
                  ? "status"
                  : header.equals("Payment Status") ? "paymentStatus" : "staffNotes";
          String before = api.get(path).json().path(field).asString("");
          String shownBefore = now.value(row, column);
          type(sheets, scenario, tab, column, row, value);
          // The API changes the same field of some typed records: before the runs (a conflict
          // must follow), or while they go. Never a cell a conflict holds already.
          String apiBefore = null;
          String apiLater = null;
          boolean apiAllowed = !header.equals("Staff Notes") && !open.containsKey(key(id, header));
          int when = apiAllowed ? random.nextInt(racing ? 4 : 6) : 5;
          if (racing && when > 0) {
            when = when < 3 ? 1 : 5;
          }
          if (when <= 1) {
            List<String> statuses = header.equals("Status") ? REQUEST_STATUSES : PAYMENT_STATUSES;
            String to =
                other(
                    random,
                    statuses,
                    new HashSet<>(List.of(before, normal(value), normal(shownBefore))));
            if (to == null) {
              when = 5;
            } else if (when == 0) {
              patch(api, path, field, to);
              apiBefore = to;
            } else {
              apiLater = to;
              String during = to;
              duringRuns.add(() -> patch(admins.get(1), path, field, during));
            }
            if (to != null) {
              lastApi.put(path + "#" + field, to);
            }
          }
          Edit edit = new Edit(typed, tab, id, header, value, valid, before, apiBefore, apiLater);
          roundEdits.add(edit);
          edits.add(edit);
        }

        // New Revenue rows typed below the last one: one valid, every other round one invalid.
        List<TypedRow> roundRows = new ArrayList<>();
        TabShape revenueShape = shapes.get("Revenue");
        SheetTab revenueNow = sheet.get("Revenue");
        int next = revenueNow.rowCount();
        List<Integer> requestRows = liveRows(shapes.get("Requests"), sheet.get("Requests"));
        String code =
            sheet
                .get("Requests")
                .value(
                    requestRows.get(random.nextInt(requestRows.size())),
                    shapes.get("Requests").headers().indexOf("Booking Code"));
        for (int k = 0; k < (round % 2 == 0 ? 2 : 1); k++) {
          boolean valid = k == 0;
          TypedRow typedRow = new TypedRow(next + k, "typed-" + round + "-" + k, valid);
          Map<String, String> cells = new LinkedHashMap<>();
          cells.put("Booking Code", code);
          cells.put("Payment Date", "15/01/2026");
          cells.put("Amount", "1.250,50");
          cells.put("Method", valid ? "cash" : "cheque");
          cells.put("Reference", typedRow.reference());
          cells.forEach(
              (header, value) ->
                  type(
                      sheets,
                      scenario,
                      "Revenue",
                      revenueShape.headers().indexOf(header),
                      typedRow.row(),
                      value));
          roundRows.add(typedRow);
          typedRows.add(typedRow);
        }
        long revenuesBefore = api.get("/api/revenues?size=1").json().path("total").asLong();

        // Every instance triggered at once; the API changes some typed records meanwhile.
        List<CompletableFuture<ApiClient.Response>> triggers = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
          ServiceProcess instance = instances.get(i);
          ApiClient admin = admins.get(i);
          boolean cron = random.nextBoolean();
          triggers.add(
              CompletableFuture.supplyAsync(
                  () ->
                      cron
                          ? Scenario.triggerWriteBack(instance)
                          : admin.post("/api/sync/write-back", "")));
        }
        if (racing) {
          ServiceProcess.sleep(Duration.ofMillis(random.nextInt(60)));
          duringRuns.forEach(Runnable::run);
        }
        for (CompletableFuture<ApiClient.Response> t : triggers) {
          int status = t.join().status();
          assertThat(status).as("write-back trigger").isIn(200, 409);
          if (status == 200) {
            runs++;
          } else {
            refused409++;
          }
        }
        if (!racing) {
          duringRuns.forEach(Runnable::run); // after the runs: the API's value must win
        }

        // Classify this round's edits.
        List<Seen> conflicts = conflicts(api);
        List<String> classes = new ArrayList<>();
        for (Edit edit : roundEdits) {
          int needed = classify(api, edit, conflicts);
          expectedApplied += needed;
          classes.add(edit + " needs " + needed);
        }
        for (Map.Entry<String, String> change : lastApi.entrySet()) {
          String[] parts = change.getKey().split("#");
          String have = api.get(parts[0]).json().path(parts[1]).asString("");
          if (!have.equals(change.getValue())) {
            count("API changes lost");
            violations.add(
                "round %d: API set %s of %s to %s, the record holds %s"
                    .formatted(round, parts[1], parts[0], change.getValue(), have));
          }
        }
        checkTypedRows(api, scenario, shapes, roundRows, revenuesBefore, round);
        int applied = appliedInLogs(instances);
        if (applied != expectedApplied) {
          violations.add(
              "after round %d: the read-in applied %d cells, %d edits needed applying"
                      .formatted(round, applied, expectedApplied)
                  + ": "
                  + classes);
          appliedTwice += Math.max(0, applied - expectedApplied);
          expectedApplied = applied; // report each difference once
        }
      }

      // People clear the refused rows they typed: their conflicts are settled by the next run.
      for (TypedRow refused : typedRows) {
        if (!refused.valid()) {
          for (String header :
              List.of("Booking Code", "Payment Date", "Amount", "Method", "Reference")) {
            type(
                sheets,
                scenario,
                "Revenue",
                shapes.get("Revenue").headers().indexOf(header),
                refused.row(),
                "");
          }
        }
      }
      Scenario.triggerWriteBack(instances.get(0));

      // Quiet runs: the normalised values are written, then nothing more.
      scenario.drain(instances.get(0), Duration.ofMinutes(2));
      List<Long> quietWrites = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        long before = env.emulator.control().requestCounts().count("values.batchUpdate");
        Scenario.triggerWriteBack(instances.get(i % instances.size()));
        quietWrites.add(
            env.emulator.control().requestCounts().count("values.batchUpdate") - before);
      }
      long writesInQuietRuns = quietWrites.stream().mapToLong(Long::longValue).sum();
      if (writesInQuietRuns != 0) {
        violations.add("values.batchUpdate in quiet runs: " + quietWrites);
      }
      List<Seen> all = conflicts(api);
      for (Seen c : all) {
        if (c.ofTypedRow()) {
          if (c.status().equals("OPEN")) {
            violations.add("a refused typed row still open after people cleared it: " + c);
          }
          continue;
        }
        if (edits.stream()
            .noneMatch(
                e -> e.recordId().equals(c.recordId()) && e.value().equals(c.sheetValue()))) {
          violations.add("conflict nobody typed: " + c);
        }
      }
      int appliedTotal = appliedInLogs(instances) - logged;
      System.out.println("two-way edits: " + counts + ", read-in applied " + appliedTotal);
      violations.forEach(v -> System.out.println("two-way violation: " + v));

      int finalTyped = typed;
      int finalRuns = runs;
      int final409 = refused409;
      Outcome.finish(
          scenario,
          workload,
          9,
          racing ? "9b. two-way edits, API racing the read-in" : "9. two-way edits",
          ("%d edits typed into two-way and Staff Notes cells (%d invalid), %d new Revenue rows"
                  + " typed (%d invalid), %d API status changes"
                  + " of the same records; %d instances, %d runs, %d triggers refused 409")
              .formatted(
                  finalTyped,
                  counts.getOrDefault("invalid", 0),
                  typedRows.size(),
                  typedRows.stream().filter(t -> !t.valid()).count(),
                  counts.getOrDefault("API before runs", 0)
                      + counts.getOrDefault("API after or during runs", 0),
                  instances.size(),
                  finalRuns,
                  final409),
          ("%d applied (read-in count %d), %d in conflicts (%d with a message; %d invalid values"
                  + " in both-sides conflicts, no message), %d overtaken by a later API change; **%d edits lost, %d applied twice, %d API changes lost**;"
                  + " typed rows: %d imported once with their id, %d refused as one conflict each, **%d"
                  + " imported twice or lost**; values.batchUpdate in quiet runs: %d")
              .formatted(
                  counts.getOrDefault("applied", 0),
                  appliedTotal,
                  counts.getOrDefault("conflict", 0),
                  counts.getOrDefault("conflict with message", 0),
                  counts.getOrDefault("invalid in a both-sides conflict, no message", 0),
                  counts.getOrDefault("overtaken", 0),
                  counts.getOrDefault("lost", 0),
                  appliedTwice,
                  counts.getOrDefault("API changes lost", 0),
                  counts.getOrDefault("typed row imported", 0),
                  counts.getOrDefault("typed row refused", 0),
                  counts.getOrDefault("typed row wrong", 0),
                  writesInQuietRuns),
          expected -> holdCells(expected, all, shapes));
      assertThat(violations).as("two-way edits").isEmpty();
    }
  }

  /**
   * Where one edit ended up right after its runs; returns how many cells the read-in must have
   * applied for it (0 or 1).
   */
  private int classify(ApiClient api, Edit edit, List<Seen> conflicts) {
    String have = api.get(edit.path()).json().path(edit.field()).asString("");
    Seen conflict =
        conflicts.stream()
            .filter(
                c ->
                    c.recordId().equals(edit.recordId())
                        && c.column().equals(edit.header())
                        && edit.value().equals(c.sheetValue()))
            .findFirst()
            .orElse(null);
    String where =
        "edit %d '%s' (%s of %s)".formatted(edit.n(), edit.value(), edit.header(), edit.recordId());
    if (!edit.valid()) {
      count("invalid");
    }
    if (edit.apiBefore() != null) {
      count("API before runs");
    }
    if (edit.apiLater() != null) {
      count("API after or during runs");
    }
    if (conflict != null) {
      count("conflict");
      if (conflict.message() != null && !conflict.message().isEmpty()) {
        count("conflict with message");
      } else if (!edit.valid()
          && java.util.Objects.equals(conflict.writtenValue(), conflict.databaseValue())) {
        violations.add(where + " is an invalid value held by a conflict without a message");
      } else if (!edit.valid()) {
        count("invalid in a both-sides conflict, no message");
      }
      return 0;
    }
    if (!edit.valid()) {
      count("lost");
      violations.add(where + " is invalid but no conflict holds it; the record has " + have);
      return 0;
    }
    boolean unchanged = edit.normalised().equals(edit.before());
    if (edit.apiBefore() != null && !edit.normalised().equals(edit.apiBefore())) {
      count("lost");
      violations.add(
          where
              + ": the API changed the field to "
              + edit.apiBefore()
              + " before the runs, yet no conflict holds the edit; the record has "
              + have);
      return 0;
    }
    if (edit.apiLater() != null && have.equals(edit.apiLater())) {
      count("overtaken");
      return unchanged ? 0 : 1; // applied by the read-in, then the API's later value
    }
    if (have.equals(edit.normalised())) {
      count("applied");
      return unchanged || edit.normalised().equals(edit.apiBefore()) ? 0 : 1;
    }
    count("lost");
    violations.add(where + " is lost: the record has '" + have + "' and no conflict holds it");
    return 0;
  }

  /**
   * Each typed row after its round: a valid one holds the id of a revenue with its reference, and
   * the revenues grew by exactly the valid rows; an invalid one is exactly one open conflict
   * without a record (its row, the Method column) and its key cell is still empty.
   */
  private void checkTypedRows(
      ApiClient api,
      Scenario scenario,
      Map<String, TabShape> shapes,
      List<TypedRow> rows,
      long revenuesBefore,
      int round) {
    TabShape shape = shapes.get("Revenue");
    SheetTab revenue = scenario.readSheet().get("Revenue");
    List<Seen> conflicts = conflicts(api);
    long valid = rows.stream().filter(TypedRow::valid).count();
    long revenuesNow = api.get("/api/revenues?size=1").json().path("total").asLong();
    if (revenuesNow != revenuesBefore + valid) {
      count("typed row wrong");
      violations.add(
          "round %d: %d valid rows typed, revenues went from %d to %d"
              .formatted(round, valid, revenuesBefore, revenuesNow));
    }
    int referenceColumn = shape.headers().indexOf("Reference");
    for (TypedRow row : rows) {
      List<Integer> found = new ArrayList<>();
      for (int r = 1; r < revenue.rowCount(); r++) {
        if (revenue.value(r, referenceColumn).equals(row.reference())) {
          found.add(r);
        }
      }
      String where = "round %d, typed row '%s'".formatted(round, row.reference());
      if (found.size() != 1) {
        count("typed row wrong");
        violations.add(where + " is in rows " + found + " (one expected)");
        continue;
      }
      String id = revenue.value(found.get(0), shape.keyColumn());
      if (row.valid()) {
        ApiClient.Response record = id.isEmpty() ? null : api.get("/api/revenues/" + id);
        if (record == null
            || !record.ok()
            || !row.reference().equals(record.json().path("reference").asString(""))
            || !"1250.50".equals(record.json().path("amount").asString(""))) {
          count("typed row wrong");
          violations.add(where + " holds id '" + id + "': " + record);
        } else {
          count("typed row imported");
        }
      } else {
        long open =
            conflicts.stream()
                .filter(
                    c ->
                        c.ofTypedRow()
                            && c.status().equals("OPEN")
                            && c.rowIndex() == found.get(0) + 1
                            && c.column().equals("Method")
                            && "cheque".equals(c.sheetValue()))
                .count();
        if (open != 1 || !id.isEmpty()) {
          count("typed row wrong");
          violations.add(where + ": " + open + " open conflicts, id '" + id + "'");
        } else {
          count("typed row refused");
        }
      }
    }
  }

  /** A cell an open conflict holds shows the person's value until the conflict is resolved. */
  private static void holdCells(Expectations expected, List<Seen> all, Map<String, TabShape> s) {
    for (Seen c : all) {
      if (!c.status().equals("OPEN") || c.column().equals("Staff Notes") || c.ofTypedRow()) {
        continue;
      }
      String tab = c.column().equals("Status") ? "Requests" : "Operators";
      List<String> cells = expected.live(tab).get(c.recordId());
      if (cells != null) {
        List<String> adjusted = new ArrayList<>(cells);
        adjusted.set(s.get(tab).headers().indexOf(c.column()), c.sheetValue());
        expected.live(tab, c.recordId(), adjusted);
      }
    }
  }

  private static List<Integer> liveRows(TabShape shape, SheetTab now) {
    List<Integer> rows = new ArrayList<>();
    for (int r = 1; r < now.rowCount(); r++) {
      boolean marked = shape.marker().value().equals(now.value(r, shape.marker().column()));
      if (!now.value(r, shape.keyColumn()).isEmpty() && !marked) {
        rows.add(r);
      }
    }
    return rows;
  }

  /** A value none of {@code not}; null when there is none. */
  private static String other(Random random, List<String> values, Set<String> not) {
    List<String> left = values.stream().filter(v -> !not.contains(v)).toList();
    return left.isEmpty() ? null : left.get(random.nextInt(left.size()));
  }

  private static String normal(String text) {
    return text.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
  }

  private void patch(ApiClient api, String path, String field, String value) {
    ApiClient.Response response = api.patch(path, Map.of(field, value));
    if (!response.ok()) {
      throw new AssertionError("PATCH " + path + " " + field + "=" + value + ": " + response);
    }
  }

  private static void type(
      Sheets sheets, Scenario scenario, String tab, int column, int row, String value) {
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
  }

  private static String key(String id, String column) {
    return id + "/" + column;
  }

  /** Cells an open conflict holds, with the base (what sheetsync last wrote there). */
  private static Map<String, String> openConflictCells(ApiClient api) {
    Map<String, String> open = new HashMap<>();
    for (Seen c : conflicts(api)) {
      if (c.status().equals("OPEN")) {
        open.put(key(c.recordId(), c.column()), c.writtenValue() == null ? "" : c.writtenValue());
      }
    }
    return open;
  }

  /** Every conflict, all statuses, all pages. */
  static List<Seen> conflicts(ApiClient api) {
    List<Seen> all = new ArrayList<>();
    int size = 100;
    for (int page = 0; ; page++) {
      String path = "/api/sync/conflicts?status=&page=" + page + "&size=" + size;
      ApiClient.Response response = api.get(path);
      if (!response.ok()) {
        throw new AssertionError("GET " + path + ": " + response);
      }
      JsonNode json = response.json();
      for (JsonNode item : json.path("items")) {
        all.add(
            new Seen(
                item.path("recordId").asString(),
                item.path("column").asString(),
                item.path("writtenValue").asString(null),
                item.path("sheetValue").asString(null),
                item.path("databaseValue").asString(null),
                item.path("message").asString(null),
                item.path("status").asString(),
                item.path("rowIndex").asInt(0)));
      }
      if ((long) (page + 1) * size >= json.path("total").asLong()) {
        return all;
      }
    }
  }

  /** Cells the read-in applied, from every instance's log. */
  private static int appliedInLogs(List<ServiceProcess> instances) {
    int applied = 0;
    for (ServiceProcess service : instances) {
      for (String line : service.logLines()) {
        Matcher m = APPLIED.matcher(line);
        if (m.find()) {
          applied += Integer.parseInt(m.group(1));
        }
      }
    }
    return applied;
  }

  private void count(String what) {
    counts.merge(what, 1, Integer::sum);
  }
}
