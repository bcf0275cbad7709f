package dev.sheetsync.writeback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.conflicts.Conflict;
import dev.sheetsync.conflicts.Conflicts;
import dev.sheetsync.system.Paging;
import dev.sheetsync.writeback.SheetImports.Import;
import dev.sheetsync.writeback.SheetImports.Status;
import dev.sheetsync.writeback.SheetReader.TabColumns;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code import-new-rows} end to end: rows people type into Revenue with an empty ID become revenue
 * records with their id in column A, once; refused rows are conflicts without a record. Default
 * layout: Revenue A ID, B Request ID, C Booking Code, D Payment Date, E Amount, F Method, G
 * Reference, H Notes.
 */
class RowImportTest extends WriteBackTestSupport {

  private static final String SHOWN = "FORMATTED_VALUE";

  @Autowired Conflicts conflicts;
  @Autowired dev.sheetsync.conflicts.ConflictResolution resolution;
  @Autowired RowImports rowImports;
  @Autowired SheetReader reader;
  @Autowired SheetImports imports;
  @Autowired GoogleCalls calls;
  @Autowired RunClock time;
  @Autowired com.google.api.services.sheets.v4.Sheets sheetsClient;

  People people;
  UUID ada;

  @BeforeEach
  void aBookingWithOnePayment() throws Exception {
    people = new People(sheets, target);
    if (count("select count(*) from users where role = 'ADMIN'") == 0) {
      new dev.sheetsync.TestData(jdbc)
          .user("first-admin@example.com", dev.sheetsync.users.Role.ADMIN);
    }
    ada = newRequest("Ada"); // BK-1
    newRevenue(ada, "100.00");
    writeBack.runOnce(); // Revenue row 2
  }

  @Test
  void aRevenueRowTypedInTheSheetBecomesARecordWithItsIdInColumnAAndIsImportedOnce()
      throws Exception {
    typeRevenue(3, "", "BK-1", "15/01/2026", "1.250,50", "card", "Paid at the desk 💶");

    writeBack.runOnce();
    writeBack.runOnce();

    assertThat(revenueCount()).isEqualTo(2);
    UUID created = UUID.fromString(people.cell("Revenue", "A3", SHOWN).toString());
    assertThat(
            jdbc.sql("select amount from revenues where id = :id")
                .param("id", created)
                .query(BigDecimal.class)
                .single())
        .isEqualByComparingTo("1250.50");
    assertThat(
            jdbc.sql("select payment_date from revenues where id = :id")
                .param("id", created)
                .query(LocalDate.class)
                .single())
        .isEqualTo(LocalDate.of(2026, 1, 15));
    assertThat(
            jdbc.sql("select notes from revenues where id = :id")
                .param("id", created)
                .query(String.class)
                .single())
        .isEqualTo("Paid at the desk 💶");
    assertThat(
            jdbc.sql("select updated_by from revenues where id = :id")
                .param("id", created)
                .query(UUID.class)
                .single())
        .as("attributed to the sheet user, the first admin")
        .isNotNull()
        .isEqualTo(
            jdbc.sql("select id from users where role = 'ADMIN' order by created_at, id limit 1")
                .query(UUID.class)
                .single());
    assertThat(count("select count(*) from sync_queue where from_sheet and action = 'CREATE'"))
        .isEqualTo(1);
    assertThat(people.cell("Revenue", "F3", SHOWN)).as("rewritten normalised").isEqualTo("CARD");
    assertThat(people.cell("Revenue", "B3", SHOWN)).isEqualTo(ada.toString());
    assertThat(
            jdbc.sql("select sheet_row_index from revenues where id = :id")
                .param("id", created)
                .query(Integer.class)
                .single())
        .as("row number stored")
        .isEqualTo(3);
    assertThat(count("select count(*) from sheet_written_rows where record_id = '" + created + "'"))
        .as("base stored")
        .isEqualTo(1);
    assertThat(count("select count(*) from sync_queue where status <> 'COMPLETED'")).isZero();
    assertThat(count("select count(*) from sheet_row_imports where status = 'WRITTEN'"))
        .isEqualTo(1);
    assertThat(open()).isEmpty();
  }

  @Test
  void aSyncedRowWhoseIdPeopleEmptiedGetsItsIdBackInsteadOfBecomingASecondRecord()
      throws Exception {
    UUID payment =
        jdbc.sql("select id from revenues").query(UUID.class).single(); // Ada's 100.00, row 2
    people.type("Revenue", "A2", "");

    writeBack.runOnce();
    writeBack.runOnce();

    assertThat(revenueCount()).as("no second record").isEqualTo(1);
    assertThat(people.cell("Revenue", "A2", SHOWN)).isEqualTo(payment.toString());
    assertThat(people.cell("Revenue", "A3", SHOWN)).as("no appended copy").isEqualTo("");
    assertThat(count("select count(*) from sync_queue where action = 'CREATE' and from_sheet"))
        .isZero();
    assertThat(open()).isEmpty();
  }

  @Test
  void aRowTypedBetweenSyncedRowsByRequestIdIsImportedInPlace() throws Exception {
    UUID second = newRevenue(ada, "200.00");
    writeBack.runOnce(); // row 3
    people.insertRow("Revenue", 3);
    typeRevenue(3, ada.toString(), "", "2026-01-20", "1,250.50", "Bank transfer", "");

    writeBack.runOnce();

    assertThat(revenueCount()).isEqualTo(3);
    String id = people.cell("Revenue", "A3", SHOWN).toString();
    assertThat(id).isNotEmpty().isNotEqualTo(second.toString());
    assertThat(people.cell("Revenue", "A4", SHOWN)).isEqualTo(second.toString());
    assertThat(people.cell("Revenue", "F3", SHOWN)).isEqualTo("BANK_TRANSFER");
    assertThat(people.cell("Revenue", "C3", SHOWN)).isEqualTo("BK-1");
  }

  @Test
  void anInvalidTypedRowIsOneConflictWithoutARecordAndStaysUntouched() throws Exception {
    typeRevenue(3, "", "BK-1", "15/01/2026", "50", "cheque", "");

    writeBack.runOnce();
    writeBack.runOnce();

    assertThat(revenueCount()).isEqualTo(1);
    assertThat(open())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.recordId()).isNull();
              assertThat(c.rowIndex()).isEqualTo(3);
              assertThat(c.column()).isEqualTo("Method");
              assertThat(c.sheetValue()).isEqualTo("cheque");
              assertThat(c.message()).contains("not one of");
              assertThat(c.bookingCode()).isEqualTo("BK-1");
            });
    assertThat(people.cell("Revenue", "A3", SHOWN)).isEqualTo("");
    assertThat(people.cell("Revenue", "F3", SHOWN)).isEqualTo("cheque");
    long conflictId = open().get(0).id();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                resolution.resolve(
                    conflictId,
                    dev.sheetsync.conflicts.ConflictResolution.Keep.SHEET,
                    "admin@example.com"))
        .isInstanceOfSatisfying(
            dev.sheetsync.system.ApiException.class,
            e -> assertThat(e.status().value()).isEqualTo(409));

    people.type("Revenue", "F3", "cash"); // fixed by people: imported, the conflict settled
    writeBack.runOnce();

    assertThat(revenueCount()).isEqualTo(2);
    assertThat(people.cell("Revenue", "A3", SHOWN).toString()).hasSize(36);
    assertThat(open()).isEmpty();
  }

  @Test
  void aRowWithARequiredCellEmptyIsAConflictNamingThatColumn() throws Exception {
    typeRevenue(3, "", "BK-1", "", "50", "cash", "");

    writeBack.runOnce();

    assertThat(revenueCount()).isEqualTo(1);
    assertThat(open())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.recordId()).isNull();
              assertThat(c.column()).isEqualTo("Payment Date");
              assertThat(c.message()).contains("required");
            });
  }

  @Test
  void anImportInterruptedAfterTheCommitWritesTheIdOnceAndCreatesNoSecondRecord() throws Exception {
    typeRevenue(3, "", "BK-1", "15/01/2026", "75", "cash", "");
    importOnly(); // the run dies after the commit, before the id write

    assertThat(revenueCount()).isEqualTo(2);
    assertThat(people.cell("Revenue", "A3", SHOWN)).isEqualTo("");
    writeBack.runOnce();
    writeBack.runOnce();

    assertThat(revenueCount()).isEqualTo(2);
    UUID created = onlyImport().recordId();
    assertThat(people.cell("Revenue", "A3", SHOWN)).isEqualTo(created.toString());
    assertThat(people.cell("Revenue", "A4", SHOWN)).as("no appended copy").isEqualTo("");
    assertThat(onlyImport().status()).isEqualTo(Status.WRITTEN);
  }

  @Test
  void aRowMovedAfterTheImportIsFoundWhereItIsNow() throws Exception {
    typeRevenue(3, "", "BK-1", "15/01/2026", "75", "cash", "");
    importOnly();
    people.insertRow("Revenue", 2); // everything moves one down: the typed row is now row 4

    writeBack.runOnce();

    UUID created = onlyImport().recordId();
    assertThat(people.cell("Revenue", "A4", SHOWN)).isEqualTo(created.toString());
    assertThat(people.cell("Revenue", "A2", SHOWN)).isEqualTo("");
    assertThat(people.cell("Revenue", "A3", SHOWN).toString()).isNotEqualTo(created.toString());
    assertThat(revenueCount()).isEqualTo(2);
  }

  @Test
  void anIdThatLandsInARowMovedBetweenTheReadAndTheWriteIsTakenOutAndWrittenNextRun()
      throws Exception {
    typeRevenue(3, "", "BK-1", "15/01/2026", "75", "cash", "");
    importOnly();
    ImportKeys racing =
        new ImportKeys(reader, imports, calls, sheetsClient, target) {
          @Override
          void put(dev.sheetsync.sheets.LiveTab tab, Map<Integer, String> cells, long deadline)
              throws GoogleCallException {
            if (cells.containsValue("")) {
              super.put(tab, cells, deadline); // the take-out
              return;
            }
            try {
              people.insertRow("Revenue", 3); // the typed row moves to 4 right before the write
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
            super.put(tab, cells, deadline);
          }
        };
    long deadline = time.deadline(java.time.Duration.ofMinutes(1));

    int written = racing.write(reader.look(deadline), revenueTab, List.of(onlyImport()), deadline);

    assertThat(written).isZero();
    assertThat(people.cell("Revenue", "A3", SHOWN)).as("taken out of the wrong row").isEqualTo("");
    assertThat(people.cell("Revenue", "A4", SHOWN)).isEqualTo("");
    assertThat(onlyImport().status()).isEqualTo(Status.PENDING);

    writeBack.runOnce();

    assertThat(people.cell("Revenue", "A4", SHOWN)).isEqualTo(onlyImport().recordId().toString());
    assertThat(people.cell("Revenue", "A3", SHOWN)).isEqualTo("");
    assertThat(revenueCount()).isEqualTo(2);
  }

  @Test
  void aRowWithOnlyANoteIsNotATypedPaymentAndIsLeftAlone() throws Exception {
    people.type("Revenue", "H3", "ask about the deposit");

    writeBack.runOnce();

    assertThat(revenueCount()).isEqualTo(1);
    assertThat(open()).isEmpty();
    assertThat(people.cell("Revenue", "H3", SHOWN)).isEqualTo("ask about the deposit");
  }

  @Test
  void twoIdenticalPaymentsTypedOnTwoRowsAreTwoRecords() throws Exception {
    typeRevenue(3, "", "BK-1", "15/01/2026", "75", "cash", "");
    typeRevenue(4, "", "BK-1", "15/01/2026", "75", "cash", "");

    writeBack.runOnce();
    writeBack.runOnce();

    assertThat(revenueCount()).isEqualTo(3);
    assertThat(people.cell("Revenue", "A3", SHOWN))
        .isNotEqualTo(people.cell("Revenue", "A4", SHOWN));
  }

  static Stream<Arguments> badInput() {
    String longText = "x".repeat(50_000);
    return Stream.of(
        Arguments.of("comma decimal", "15/01/2026", "1.250,50", "", "1250.50", null),
        Arguments.of("thousands separator", "15/01/2026", "1,250.50", "", "1250.50", null),
        Arguments.of("ISO date", "2026-01-15", "10", "", "10.00", null),
        Arguments.of(
            "formula, read as its value", "15/01/2026", "=1000+250.5", "", "1250.50", null),
        Arguments.of("emoji", "15/01/2026", "10", "🎉👍 paid", "10.00", null),
        Arguments.of("not a number", "15/01/2026", "ten", "", null, "Amount"),
        Arguments.of("negative", "15/01/2026", "-5", "", null, "Amount"),
        Arguments.of("no such day", "31/02/2026", "10", "", null, "Payment Date"),
        Arguments.of("50,000 characters", "15/01/2026", "10", longText, null, "Notes"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInput")
  void badInputTypedIntoANewRowIsImportedCorrectlyOrRefusedAsAConflict(
      String what, String date, String amount, String notes, String stored, String refusedColumn)
      throws Exception {
    typeRevenue(3, "", "BK-1", date, amount, "cash", notes);

    writeBack.runOnce();

    if (stored != null) {
      assertThat(revenueCount()).isEqualTo(2);
      UUID id = UUID.fromString(people.cell("Revenue", "A3", SHOWN).toString());
      assertThat(
              jdbc.sql("select amount from revenues where id = :id")
                  .param("id", id)
                  .query(BigDecimal.class)
                  .single())
          .isEqualByComparingTo(stored);
      assertThat(
              jdbc.sql("select coalesce(notes, '') from revenues where id = :id")
                  .param("id", id)
                  .query(String.class)
                  .single())
          .isEqualTo(notes);
      assertThat(open()).isEmpty();
    } else {
      assertThat(revenueCount()).as("no partial record").isEqualTo(1);
      assertThat(open())
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.column()).isEqualTo(refusedColumn);
                assertThat(c.message()).isNotBlank();
                assertThat(c.recordId()).isNull();
              });
      assertThat(people.cell("Revenue", "A3", SHOWN)).isEqualTo("");
    }
  }

  /** The database half of an import (as a run that dies right after its commit). */
  private void importOnly() throws GoogleCallException {
    long deadline = time.deadline(java.time.Duration.ofMinutes(1));
    Tabs tabs = reader.look(deadline);
    List<String> headers = new ArrayList<>();
    headers.add(revenueTab.keyColumn());
    headers.addAll(RowImports.headers(revenueTab));
    TabColumns read = reader.columns(tabs, Map.of(revenueTab, headers), deadline).get(revenueTab);
    assertThat(rowImports.importRows(revenueTab, read).created()).isEqualTo(1);
  }

  private Import onlyImport() {
    return imports.live(revenueTabSheetId()).stream()
        .findFirst()
        .orElseGet(
            () ->
                jdbc.sql(
                        "select id, model, sheet_id, fingerprint, status, record_id, conflict_id,"
                            + " row_index from sheet_row_imports")
                    .query(
                        (rs, n) ->
                            new Import(
                                rs.getLong(1),
                                dev.sheetsync.records.SyncModel.REVENUE,
                                rs.getInt(3),
                                rs.getString(4),
                                Status.valueOf(rs.getString(5)),
                                rs.getObject(6, UUID.class),
                                null,
                                rs.getInt(8)))
                    .single());
  }

  private int revenueTabSheetId() {
    try {
      return people.sheetId("Revenue");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void typeRevenue(
      int row,
      String requestId,
      String bookingCode,
      String date,
      String amount,
      String method,
      String notes)
      throws IOException {
    String[] cells = {requestId, bookingCode, date, amount, method, "", notes};
    for (int i = 0; i < cells.length; i++) {
      if (!cells[i].isEmpty()) {
        people.type("Revenue", (char) ('B' + i) + String.valueOf(row), cells[i]);
      }
    }
  }

  private long revenueCount() {
    return count("select count(*) from revenues");
  }

  private List<Conflict> open() {
    return conflicts.page(Conflict.OPEN, new Paging(0, 50)).items();
  }
}
