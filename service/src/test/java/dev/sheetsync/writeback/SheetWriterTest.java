package dev.sheetsync.writeback;

import static dev.sheetsync.sheets.ColumnLayout.field;
import static dev.sheetsync.sheets.ColumnLayout.formula;
import static dev.sheetsync.sheets.ColumnLayout.personOwned;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import dev.sheetsync.emulator.Faults;
import dev.sheetsync.emulator.SheetsEmulator;
import dev.sheetsync.emulator.ValueRender;
import dev.sheetsync.queue.QueueItem;
import dev.sheetsync.records.RecordSnapshot;
import dev.sheetsync.records.SyncAction;
import dev.sheetsync.records.SyncModel;
import dev.sheetsync.sheets.DeletePolicy;
import dev.sheetsync.sheets.RowMapper;
import dev.sheetsync.sheets.SheetLayouts;
import dev.sheetsync.sheets.SheetsProperties;
import dev.sheetsync.sheets.SpreadsheetTarget;
import dev.sheetsync.sheets.TabLayout;
import dev.sheetsync.sheets.TabResolver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The row algorithm's fast tier: {@link SheetWriter} and its steps against the in-process emulator
 * through Google's client, without Spring or PostgreSQL (records are given as snapshots, tabs are
 * found by title). Milliseconds per test.
 */
class SheetWriterTest {

  private static final TabLayout REQUESTS =
      new TabLayout(
          SyncModel.REQUEST,
          "Requests",
          1,
          "ID",
          DeletePolicy.MARK,
          "Status",
          null,
          List.of(
              field("ID", "id"),
              field("Customer", "customerName"),
              field("Total Price", "totalPrice"),
              formula("Balance", "=C{row}*2"),
              field("Status", "status"),
              personOwned("Staff Notes")));
  private static final TabLayout OPERATORS =
      new TabLayout(
          SyncModel.OPERATOR,
          "Operators",
          1,
          "ID",
          DeletePolicy.DELETE_ROW,
          null,
          null,
          List.of(field("ID", "id")));
  private static final TabLayout REVENUE =
      new TabLayout(
          SyncModel.REVENUE,
          "Revenue",
          1,
          "ID",
          DeletePolicy.CLEAR,
          null,
          null,
          List.of(field("ID", "id")));
  private static final SheetLayouts LAYOUTS =
      new SheetLayouts(List.of(REQUESTS, OPERATORS, REVENUE));

  static SheetsEmulator emulator;
  Sheets sheets;
  SpreadsheetTarget target;
  GoogleCalls calls;
  SheetReader reader;
  SheetWriter writer;
  People people;
  long deadline;

  @BeforeAll
  static void start() {
    emulator = SheetsEmulator.start(0);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @BeforeEach
  void freshSheet() {
    emulator.control().reset();
    emulator.createSpreadsheet("fast", "fast", LAYOUTS.headerRows());
    sheets =
        new Sheets.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(), null)
            .setRootUrl(emulator.baseUrl())
            .setApplicationName("fast-tier")
            .build();
    target =
        new SpreadsheetTarget(
            "fast", "view", SheetsProperties.Mode.EXTERNAL_EMULATOR, null, emulator);
    RunClock time = new RunClock(Clock.systemUTC());
    calls = calls(time);
    reader = new SheetReader(sheets, target, calls, TabResolver.byTitle(LAYOUTS), LAYOUTS);
    writer =
        new SheetWriter(
            sheets,
            target,
            calls,
            reader,
            new RowInserts(sheets, target, calls, reader),
            new RowDeletes(sheets, target, calls, reader),
            new Verification(reader),
            new RowMapper(),
            // Records built here have no written base, so the check reads and records nothing.
            new EditCheck(reader, null, new RowMapper(), new SimpleMeterRegistry()),
            // No copies of a record in these tests: stored rows are never looked up.
            null,
            // No written-values base here: nothing to stage before writing.
            writing -> {});
    people = new People(sheets, target);
    deadline = time.deadline(Duration.ofMinutes(1));
  }

  private RecordWork request(UUID id, String customer, Integer storedRow) {
    RecordWork work =
        new RecordWork(
            REQUESTS,
            id,
            List.of(
                new QueueItem(
                    1,
                    storedRow == null ? SyncAction.CREATE : SyncAction.UPDATE,
                    SyncModel.REQUEST,
                    id,
                    storedRow,
                    Map.of(),
                    0,
                    OffsetDateTime.now(),
                    OffsetDateTime.now())));
    Map<String, Object> fields = new HashMap<>();
    fields.put("id", id.toString());
    fields.put("customerName", customer);
    fields.put("totalPrice", new BigDecimal("10.50"));
    fields.put("status", "NEW");
    work.snapshot = new RecordSnapshot(SyncModel.REQUEST, id, storedRow, fields);
    return work;
  }

  private BatchWrite write(RecordWork... work) throws Exception {
    return writer.write(List.of(work), reader.look(deadline), deadline);
  }

  private List<List<Object>> rows() {
    return emulator.values("fast", "'Requests'!A2:Z50", ValueRender.FORMATTED_VALUE);
  }

  @Test
  void newRowsGetKeyValuesAndFormulaForTheirOwnRowInTwoWriteRequests() throws Exception {
    UUID ada = UUID.randomUUID();
    UUID grace = UUID.randomUUID();

    RecordWork a = request(ada, "Ada", null);
    RecordWork g = request(grace, "Grace", null);
    write(a, g);

    assertThat(emulator.control().requestCounts().byMethod())
        .as("look, read, make the rows, write them, verify")
        .containsOnly(
            Map.entry("spreadsheets.get", 1L),
            Map.entry("values.batchGet", 2L),
            Map.entry("spreadsheets.batchUpdate", 1L),
            Map.entry("values.batchUpdate", 1L));

    assertThat(rows())
        .containsExactly(
            List.of(ada.toString(), "Ada", "10.5", "21", "NEW"),
            List.of(grace.toString(), "Grace", "10.5", "21", "NEW"));
    assertThat(people.cell("Requests", "D3", "FORMULA")).isEqualTo("=C3*2");
    assertThat(a.written()).isTrue();
    assertThat(g.row).isEqualTo(3);
  }

  @Test
  void aColumnPeopleInsertedIsNeverWrittenAndFormulasFollowTheirColumns() throws Exception {
    UUID ada = UUID.randomUUID();
    write(request(ada, "Ada", null));
    people.insertColumn("Requests", "B", "Agent");
    people.type("Requests", "B2", "Mr X");

    write(request(ada, "Ada L", 2), request(UUID.randomUUID(), "Grace", null));

    assertThat(rows().get(0)).containsExactly(ada.toString(), "Mr X", "Ada L", "10.5", "21", "NEW");
    assertThat(rows().get(1).subList(1, 3)).containsExactly("", "Grace");
    assertThat(people.cell("Requests", "E3", "FORMULA")).isEqualTo("=D3*2");
  }

  @Test
  void aRowMadeBeforeACrashIsFilledWholeInsteadOfAddedAgain() throws Exception {
    UUID ada = UUID.randomUUID();
    RecordWork first = request(ada, "Ada", null);
    SheetSnapshot sheet = reader.read(reader.look(deadline), List.of(REQUESTS), deadline);
    new RowInserts(sheets, target, calls, reader)
        .insert(sheet, Map.of(sheet.tab(REQUESTS), List.of(first)), deadline); // then the crash

    write(request(ada, "Ada", null));

    assertThat(rows()).containsExactly(List.of(ada.toString(), "Ada", "10.5", "21", "NEW"));
  }

  @Test
  void insertsGoogleAppliedBeforeAnswering503AreNotRepeated() throws Exception {
    emulator.control().faults(Faults.NONE.withDropAfterWrite(true));

    write(request(UUID.randomUUID(), "Ada", null), request(UUID.randomUUID(), "Grace", null));

    emulator.control().clearFaults();
    assertThat(rows()).hasSize(2).allSatisfy(r -> assertThat(r.get(0).toString()).hasSize(36));
  }

  /** Production retry rules with millisecond backoffs and no client-side quota. */
  private static GoogleCalls calls(RunClock time) {
    return new GoogleCalls(
        new WriteBackProperties(
            1000,
            50,
            Duration.ofMinutes(3),
            new WriteBackProperties.Google(
                3, Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofMinutes(1), 0, 0)),
        Duration.ofMillis(4),
        time);
  }
}
