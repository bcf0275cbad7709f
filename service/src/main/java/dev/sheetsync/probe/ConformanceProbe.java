package dev.sheetsync.probe;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.util.Data;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.AddSheetRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.DeleteDimensionRequest;
import com.google.api.services.sheets.v4.model.DeleteSheetRequest;
import com.google.api.services.sheets.v4.model.DimensionRange;
import com.google.api.services.sheets.v4.model.InsertDimensionRequest;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.SheetProperties;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Exercises, on a scratch tab it adds to the spreadsheet and deletes afterwards, each Sheets
 * behaviour the write-back relies on, and reports per behaviour whether Google (or the emulator)
 * answered as expected and what it answered. Not thread-safe; one run at a time per spreadsheet.
 */
public final class ConformanceProbe {

  /** One behaviour: passed, failed, or not provoked (with the reason); and what came back. */
  public record Check(String behaviour, Outcome outcome, String answer) {}

  /** The result of one check. */
  public enum Outcome {
    PASS,
    FAIL,
    SKIPPED
  }

  private final Sheets sheets;
  private final String spreadsheetId;
  private final String tab = "sheetsync-probe-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<Check> checks = new ArrayList<>();
  private int sheetId;

  private ConformanceProbe(Sheets sheets, String spreadsheetId) {
    this.sheets = sheets;
    this.spreadsheetId = spreadsheetId;
  }

  /**
   * Runs every check; the scratch tab is deleted even when a check throws. Throws IOException only
   * when the scratch tab cannot be created (wrong spreadsheet id, no access).
   */
  public static List<Check> run(Sheets sheets, String spreadsheetId) throws IOException {
    ConformanceProbe probe = new ConformanceProbe(sheets, spreadsheetId);
    probe.addTab();
    try {
      probe.all();
    } finally {
      probe.deleteTab();
    }
    return probe.checks;
  }

  private void all() {
    check("JSON null leaves a cell as it was", this::nullLeavesCell);
    check("\"\" clears a cell", this::emptyStringClears);
    check("a leading ' keeps text literal", this::apostropheKeepsText);
    check("decimals are exact under USER_ENTERED", this::exactDecimals);
    check("yyyy-MM-dd is a date under USER_ENTERED", this::isoDates);
    check("insertDimension shifts rows and formulas", this::insertShifts);
    check("deleteDimension shifts rows and formulas back", this::deleteShifts);
    check("batchGet reads key columns", this::batchGetColumns);
    check("values.append places a new row below the table", this::appendPlacement);
    check("an unparsable range is 400 INVALID_ARGUMENT", this::badRange);
    check("an unknown spreadsheet is 404 NOT_FOUND", this::unknownSpreadsheet);
    checks.add(
        new Check(
            "a spreadsheet not shared is 403 PERMISSION_DENIED",
            Outcome.SKIPPED,
            "not provoked: needs a spreadsheet the account cannot open"));
    checks.add(
        new Check(
            "an exhausted quota is 429 RESOURCE_EXHAUSTED",
            Outcome.SKIPPED,
            "not provoked: would spend the minute's quota of the live spreadsheet"));
  }

  /** A check body: returns what was answered, throws AssertionError when it is not expected. */
  private interface Body {
    String run() throws IOException;
  }

  private void check(String behaviour, Body body) {
    try {
      checks.add(new Check(behaviour, Outcome.PASS, body.run()));
    } catch (AssertionError | IOException | RuntimeException e) {
      checks.add(new Check(behaviour, Outcome.FAIL, String.valueOf(e.getMessage())));
    }
  }

  private String nullLeavesCell() throws IOException {
    write("A1:B1", "RAW", row("keep", "x"));
    write("A1:B1", "RAW", row(Data.NULL_STRING, "y"));
    return expect(read("A1:B1", "FORMATTED_VALUE"), List.of(List.of("keep", "y")));
  }

  private String emptyStringClears() throws IOException {
    write("A1:B1", "RAW", row("", ""));
    return expect(read("A1:B1", "FORMATTED_VALUE"), List.of());
  }

  private String apostropheKeepsText() throws IOException {
    write("A2:B2", "USER_ENTERED", row("'007", "'=1+1"));
    return expect(read("A2:B2", "UNFORMATTED_VALUE"), List.of(List.of("007", "=1+1")));
  }

  private String exactDecimals() throws IOException {
    write("A3", "USER_ENTERED", row("1234.56"));
    List<List<Object>> got = read("A3", "UNFORMATTED_VALUE");
    boolean exact =
        got.size() == 1
            && new BigDecimal(String.valueOf(got.get(0).get(0)))
                    .compareTo(new BigDecimal("1234.56"))
                == 0;
    return require(exact, got);
  }

  private String isoDates() throws IOException {
    write("A4", "USER_ENTERED", row("2020-01-01"));
    List<List<Object>> serial = read("A4", "UNFORMATTED_VALUE");
    List<List<Object>> shown = read("A4", "FORMATTED_VALUE");
    boolean ok =
        serial.size() == 1
            && new BigDecimal(String.valueOf(serial.get(0).get(0))).intValue() == 43831
            && shown.equals(List.of(List.of("2020-01-01")));
    return require(ok, "UNFORMATTED " + serial + ", FORMATTED " + shown);
  }

  private String insertShifts() throws IOException {
    write("A6:A7", "RAW", List.of(List.of("k1"), List.of("k2")));
    write("C1", "USER_ENTERED", row("=A7"));
    dimension(true, 6, 7);
    List<List<Object>> keys = read("A6:A8", "FORMATTED_VALUE");
    List<List<Object>> formula = read("C1", "FORMULA");
    boolean ok =
        keys.equals(List.of(List.of("k1"), List.of(), List.of("k2")))
            && formula.equals(List.of(List.of("=A8")));
    return require(ok, "A6:A8 " + keys + ", C1 " + formula);
  }

  private String deleteShifts() throws IOException {
    dimension(false, 6, 7);
    List<List<Object>> keys = read("A6:A7", "FORMATTED_VALUE");
    List<List<Object>> formula = read("C1", "FORMULA");
    boolean ok =
        keys.equals(List.of(List.of("k1"), List.of("k2")))
            && formula.equals(List.of(List.of("=A7")));
    return require(ok, "A6:A7 " + keys + ", C1 " + formula);
  }

  private String batchGetColumns() throws IOException {
    List<ValueRange> ranges =
        sheets
            .spreadsheets()
            .values()
            .batchGet(spreadsheetId)
            .setRanges(List.of(a1("A:A"), a1("C:C")))
            .setValueRenderOption("FORMATTED_VALUE")
            .execute()
            .getValueRanges();
    boolean ok =
        ranges != null
            && ranges.size() == 2
            && String.valueOf(ranges.get(0).getValues()).contains("k2")
            && ranges.get(0).getRange().endsWith("!A1:A1000");
    return require(
        ok,
        ranges == null
            ? "no valueRanges"
            : ranges.stream().map(r -> r.getRange() + " " + r.getValues()).toList());
  }

  private String appendPlacement() throws IOException {
    write("E1:F3", "RAW", List.of(List.of("ID", "Name"), List.of("1", "a"), List.of("2", "b")));
    String updated =
        sheets
            .spreadsheets()
            .values()
            .append(spreadsheetId, a1("E1:F1"), new ValueRange().setValues(row("3", "c")))
            .setValueInputOption("RAW")
            .setInsertDataOption("INSERT_ROWS")
            .execute()
            .getUpdates()
            .getUpdatedRange();
    return require(updated.endsWith("!E4:F4"), "updatedRange " + updated);
  }

  private String badRange() {
    GoogleJsonResponseException e =
        failure(
            () -> sheets.spreadsheets().values().get(spreadsheetId, tab + "-missing!A1").execute());
    return require(
        e.getStatusCode() == 400 && "INVALID_ARGUMENT".equals(e.getDetails().get("status")),
        e.getStatusCode() + " " + e.getDetails().get("status") + " " + e.getDetails().getMessage());
  }

  private String unknownSpreadsheet() {
    GoogleJsonResponseException e =
        failure(() -> sheets.spreadsheets().get("sheetsync-probe-no-such-spreadsheet").execute());
    return require(
        e.getStatusCode() == 404 && "NOT_FOUND".equals(e.getDetails().get("status")),
        e.getStatusCode() + " " + e.getDetails().get("status") + " " + e.getDetails().getMessage());
  }

  private interface Call {
    void run() throws IOException;
  }

  private static GoogleJsonResponseException failure(Call call) {
    try {
      call.run();
    } catch (GoogleJsonResponseException e) {
      return e;
    } catch (IOException e) {
      throw new AssertionError("expected an error answer, got " + e, e);
    }
    throw new AssertionError("expected an error answer, the call succeeded");
  }

  private static String expect(List<List<Object>> got, List<List<Object>> expected) {
    return require(got.equals(expected), got);
  }

  private static String require(boolean ok, Object answer) {
    if (!ok) {
      throw new AssertionError(String.valueOf(answer));
    }
    return String.valueOf(answer);
  }

  private String a1(String cells) {
    return "'" + tab + "'!" + cells;
  }

  private static List<List<Object>> row(Object... cells) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(new ArrayList<>(Arrays.asList(cells)));
    return rows;
  }

  private void write(String cells, String option, List<List<Object>> values) throws IOException {
    sheets
        .spreadsheets()
        .values()
        .update(spreadsheetId, a1(cells), new ValueRange().setValues(values))
        .setValueInputOption(option)
        .execute();
  }

  private List<List<Object>> read(String cells, String render) throws IOException {
    List<List<Object>> values =
        sheets
            .spreadsheets()
            .values()
            .get(spreadsheetId, a1(cells))
            .setValueRenderOption(render)
            .execute()
            .getValues();
    return values == null ? List.of() : values;
  }

  private void dimension(boolean insert, int start, int end) throws IOException {
    DimensionRange range =
        new DimensionRange()
            .setSheetId(sheetId)
            .setDimension("ROWS")
            .setStartIndex(start)
            .setEndIndex(end);
    Request request =
        insert
            ? new Request().setInsertDimension(new InsertDimensionRequest().setRange(range))
            : new Request().setDeleteDimension(new DeleteDimensionRequest().setRange(range));
    batch(request);
  }

  private void addTab() throws IOException {
    sheetId =
        batch(
                new Request()
                    .setAddSheet(
                        new AddSheetRequest().setProperties(new SheetProperties().setTitle(tab))))
            .get(0)
            .getAddSheet()
            .getProperties()
            .getSheetId();
  }

  private void deleteTab() throws IOException {
    batch(new Request().setDeleteSheet(new DeleteSheetRequest().setSheetId(sheetId)));
  }

  private List<com.google.api.services.sheets.v4.model.Response> batch(Request request)
      throws IOException {
    return Objects.requireNonNull(
        sheets
            .spreadsheets()
            .batchUpdate(
                spreadsheetId, new BatchUpdateSpreadsheetRequest().setRequests(List.of(request)))
            .execute()
            .getReplies());
  }
}
