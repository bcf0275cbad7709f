package dev.sheetsync.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.AppendValuesResponse;
import com.google.api.services.sheets.v4.model.ValueRange;
import dev.sheetsync.emulator.Faults;
import dev.sheetsync.emulator.SheetsEmulator;
import dev.sheetsync.records.RecordSnapshot;
import dev.sheetsync.records.RecordSnapshots;
import dev.sheetsync.records.SyncModel;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The service's Sheets client against its embedded emulator, through Google's Java client. */
@SpringBootTest
@ActiveProfiles("test")
class SheetsClientTest {

  @Autowired Sheets sheets;
  @Autowired SpreadsheetTarget target;
  @Autowired SheetLayouts layouts;
  @Autowired RowMapper mapper;
  @Autowired dev.sheetsync.pause.SyncPauses pauses;
  @Autowired SheetsProperties properties;
  @Autowired MeterRegistry meters;
  @Autowired HealthIndicator sheetsHealthIndicator;
  @Autowired RecordSnapshots snapshots;
  @Autowired JdbcClient jdbc;

  @Test
  void embeddedEmulatorHoldsTheSpreadsheetWithEveryTabAndHeaderOfTheLayout() throws IOException {
    assertThat(target.embedded()).isTrue();
    assertThat(target.spreadsheetId()).isEqualTo("local");
    assertThat(target.spreadsheetUrl()).isEqualTo(target.emulator().baseUrl() + "view/local");

    for (TabLayout tab : layouts.tabs()) {
      List<List<Object>> header =
          sheets
              .spreadsheets()
              .values()
              .get("local", RowMapper.headerRange(tab))
              .execute()
              .getValues();
      assertThat(header.get(0))
          .as(tab.tabName())
          .containsExactlyElementsOf(List.copyOf(tab.headers()));
    }
  }

  @Test
  void anUpdateRewritesWritableCellsAndLeavesFormulasAndPeoplesCellsAsTheyAre() throws IOException {
    String id = freshSpreadsheet();
    TabLayout requests = layouts.forModel(SyncModel.REQUEST);
    TabLayout revenue = layouts.forModel(SyncModel.REVENUE);
    UUID requestId = UUID.randomUUID();
    Map<String, Object> fields = requestFields(requestId);

    int row = append(id, requests, snapshot(SyncModel.REQUEST, requestId, fields), 2);
    assertThat(row).isEqualTo(2);
    append(
        id, revenue, snapshot(SyncModel.REVENUE, UUID.randomUUID(), revenueFields(requestId)), 2);
    // A person writes a note into the column sheetsync does not own.
    write(id, "'Requests'!P2", "VIP, call before 10");

    fields.put("customerName", "=HYPERLINK(\"http://x\",\"y\")");
    fields.put("totalPrice", new BigDecimal("2000.00"));
    List<Object> update =
        mapper.toRow(requests, snapshot(SyncModel.REQUEST, requestId, fields), 2, RowMode.UPDATE);
    sheets
        .spreadsheets()
        .values()
        .update(id, RowMapper.rowRange(requests, 2), new ValueRange().setValues(List.of(update)))
        .setValueInputOption("USER_ENTERED")
        .execute();

    Map<String, Object> formulas = row(id, requests, 2, "FORMULA");
    assertThat(formulas.get("Total Paid")).isEqualTo("=SUMIF(Revenue!B:B,A2,Revenue!E:E)");
    assertThat(formulas.get("Balance")).isEqualTo("=J2-L2");
    assertThat(formulas.get("Staff Notes")).isEqualTo("VIP, call before 10");

    Map<String, Object> values = row(id, requests, 2, "UNFORMATTED_VALUE");
    assertThat(values.get("ID")).isEqualTo(requestId.toString());
    assertThat(values.get("Customer")).isEqualTo("=HYPERLINK(\"http://x\",\"y\")");
    assertThat(values.get("Booking Code")).isEqualTo("-1+1");
    assertThat(values.get("Phone")).isEqualTo("+cmd|' /C calc'!A0");
    assertThat(values.get("Email")).isEqualTo("@SUM(1)");
    assertThat(values.get("Destination")).isEqualTo("007");
    assertThat(new BigDecimal(values.get("Total Price").toString())).isEqualByComparingTo("2000");
    assertThat(new BigDecimal(values.get("Pax").toString())).isEqualByComparingTo("3");
    assertThat(new BigDecimal(values.get("Total Paid").toString())).isEqualByComparingTo("500.25");
    assertThat(new BigDecimal(values.get("Balance").toString())).isEqualByComparingTo("1499.75");
    long serial = ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), LocalDate.of(2026, 3, 14));
    assertThat(new BigDecimal(values.get("Start Date").toString()))
        .isEqualByComparingTo(BigDecimal.valueOf(serial));
    assertThat(values.get("Notes")).isEqualTo("");
  }

  @Test
  void aDecimalLandsAsTheExactNumber() throws IOException {
    String id = freshSpreadsheet();
    TabLayout requests = layouts.forModel(SyncModel.REQUEST);
    UUID requestId = UUID.randomUUID();
    Map<String, Object> fields = requestFields(requestId);
    fields.put("totalPrice", new BigDecimal("1234.50"));

    append(id, requests, snapshot(SyncModel.REQUEST, requestId, fields), 2);

    assertThat(row(id, requests, 2, "UNFORMATTED_VALUE").get("Total Price").toString())
        .isEqualTo("1234.5");
  }

  @Test
  void requestsAreTimedByMethodAndStatusAndQuotaErrorsCounted() throws IOException {
    double appendsBefore = count("values.get", "200");
    double quotaBefore = quotaExceeded();

    sheets.spreadsheets().values().get("local", "'Requests'!A1:B1").execute();
    target.emulator().control().faults(Faults.NONE.withFailNext(1, 429));
    try {
      assertThatThrownBy(
              () -> sheets.spreadsheets().values().get("local", "'Requests'!A1:B1").execute())
          .isInstanceOf(GoogleJsonResponseException.class)
          .satisfies(
              e -> assertThat(((GoogleJsonResponseException) e).getStatusCode()).isEqualTo(429));
    } finally {
      target.emulator().control().clearFaults();
    }

    assertThat(count("values.get", "200")).isEqualTo(appendsBefore + 1);
    assertThat(count("values.get", "429")).isGreaterThanOrEqualTo(1);
    assertThat(quotaExceeded()).isEqualTo(quotaBefore + 1);
  }

  @Test
  void healthIsUpWhileReachablePausedWhilePausedAndUnreachableWithTheErrorOnceTheCacheExpires()
      throws IOException {
    jdbc.sql("truncate sync_pauses").update(); // another class may have left one
    String id = freshSpreadsheet();
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-10T10:00:00Z"));
    Clock clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now.get();
          }
        };
    SpreadsheetTarget other =
        new SpreadsheetTarget(id, "view", target.mode(), null, target.emulator());
    SheetsHealthIndicator health =
        new SheetsHealthIndicator(sheets, other, properties, clock, pauses);
    long before = target.emulator().control().requestCounts().total();

    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    target.emulator().control().setNotShared(id, true);
    now.set(now.get().plusSeconds(29));
    assertThat(health.health().getStatus()).as("cached").isEqualTo(Status.UP);
    assertThat(target.emulator().control().requestCounts().total() - before).isEqualTo(1);

    now.set(now.get().plusSeconds(1));
    var down = health.health();
    assertThat(down.getStatus()).isEqualTo(SheetsHealthIndicator.UNREACHABLE);
    assertThat(down.getDetails().get("error").toString()).startsWith("403");
    assertThat(down.getDetails()).containsEntry("spreadsheetId", id);

    target.emulator().control().setNotShared(id, false);
    pauses.pauseTab(
        dev.sheetsync.records.SyncModel.REQUEST,
        "Requests",
        "column \"Balance\" is missing from tab 'Requests'",
        "restore the header text in row 1, or change the layout");
    now.set(now.get().plusSeconds(30));
    var paused = health.health();
    assertThat(paused.getStatus()).isEqualTo(SheetsHealthIndicator.PAUSED);
    assertThat(paused.getDetails().get("paused").toString()).contains("tab Requests", "Balance");
    jdbc.sql("truncate sync_pauses").update();
  }

  @Test
  void sourceFieldsAreExactlyTheFieldsOfRecordSnapshots() {
    jdbc.sql(
            "truncate sync_queue, sync_log, sync_pauses, sheet_tabs, sheet_written_rows, sheet_row_imports, sync_conflicts, revenues, operators, requests restart identity cascade")
        .update();
    UUID request = UUID.randomUUID();
    UUID operator = UUID.randomUUID();
    UUID revenue = UUID.randomUUID();
    jdbc.sql(
            "insert into requests (id, booking_code, customer_name, pax) values (:id, 'B-1', 'Ada', 2)")
        .param("id", request)
        .update();
    jdbc.sql(
            "insert into operators (id, request_id, service_type, supplier_name) values (:id, :r,"
                + " 'HOTEL', 'Inn')")
        .param("id", operator)
        .param("r", request)
        .update();
    jdbc.sql("insert into revenues (id, request_id, amount) values (:id, :r, 10)")
        .param("id", revenue)
        .param("r", request)
        .update();

    Map<SyncModel, UUID> ids =
        Map.of(
            SyncModel.REQUEST, request, SyncModel.OPERATOR, operator, SyncModel.REVENUE, revenue);
    ids.forEach(
        (model, recordId) ->
            assertThat(snapshots.load(model, List.of(recordId)).get(recordId).fields().keySet())
                .as(model.name())
                .containsExactlyElementsOf(SourceFields.of(model).keySet()));
  }

  private String freshSpreadsheet() {
    String id = "test-" + UUID.randomUUID();
    SheetsEmulator emulator = target.emulator();
    emulator.createSpreadsheet(id, id, layouts.headerRows());
    return id;
  }

  private int append(String id, TabLayout tab, RecordSnapshot record, int expectedRow)
      throws IOException {
    List<Object> row = mapper.toRow(tab, record, expectedRow, RowMode.APPEND);
    AppendValuesResponse response =
        sheets
            .spreadsheets()
            .values()
            .append(id, RowMapper.tableRange(tab), new ValueRange().setValues(List.of(row)))
            .setValueInputOption("USER_ENTERED")
            .setInsertDataOption("INSERT_ROWS")
            .execute();
    return RowMapper.firstRowOf(response.getUpdates().getUpdatedRange());
  }

  private void write(String id, String range, Object value) throws IOException {
    sheets
        .spreadsheets()
        .values()
        .update(id, range, new ValueRange().setValues(List.of(List.of(value))))
        .setValueInputOption("USER_ENTERED")
        .execute();
  }

  private Map<String, Object> row(String id, TabLayout tab, int row, String render)
      throws IOException {
    List<List<Object>> values =
        sheets
            .spreadsheets()
            .values()
            .get(id, RowMapper.rowRange(tab, row))
            .setValueRenderOption(render)
            .execute()
            .getValues();
    Map<String, Object> byHeader = new HashMap<>();
    for (int c = 0; c < tab.width(); c++) {
      List<Object> cells = values.get(0);
      byHeader.put(tab.headers().get(c), c < cells.size() ? cells.get(c) : "");
    }
    return byHeader;
  }

  private static RecordSnapshot snapshot(SyncModel model, UUID id, Map<String, Object> fields) {
    return new RecordSnapshot(model, id, null, fields);
  }

  private static Map<String, Object> requestFields(UUID id) {
    Map<String, Object> fields = new HashMap<>();
    SourceFields.of(SyncModel.REQUEST).keySet().forEach(f -> fields.put(f, null));
    fields.put("id", id.toString());
    fields.put("bookingCode", "-1+1");
    fields.put("customerName", "Ada Lovelace");
    fields.put("customerPhone", "+cmd|' /C calc'!A0");
    fields.put("customerEmail", "@SUM(1)");
    fields.put("destination", "007");
    fields.put("startDate", LocalDate.of(2026, 3, 14));
    fields.put("pax", 3);
    fields.put("totalPrice", new BigDecimal("1999.90"));
    fields.put("currency", "USD");
    fields.put("status", "NEW");
    return fields;
  }

  private static Map<String, Object> revenueFields(UUID requestId) {
    Map<String, Object> fields = new HashMap<>();
    SourceFields.of(SyncModel.REVENUE).keySet().forEach(f -> fields.put(f, null));
    fields.put("id", UUID.randomUUID().toString());
    fields.put("requestId", requestId.toString());
    fields.put("amount", new BigDecimal("500.25"));
    return fields;
  }

  private double count(String method, String status) {
    var timer =
        meters
            .find(SheetsRequestInitializer.TIMER)
            .tag("method", method)
            .tag("status", status)
            .timer();
    return timer == null ? 0 : timer.count();
  }

  private double quotaExceeded() {
    var counter =
        meters.find(SheetsRequestInitializer.QUOTA_COUNTER).tag("method", "values.get").counter();
    return counter == null ? 0 : counter.count();
  }
}
