package dev.sheetsync.writeback;

import static dev.sheetsync.testing.RequestBuilder.aRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.pause.Pause;
import dev.sheetsync.pause.SyncPauses;
import dev.sheetsync.records.RequestStatus;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * People change the spreadsheet's structure between runs; every value still lands under its header.
 */
class LiveSheetTest extends WriteBackTestSupport {

  private static final String FORMULA = "FORMULA";
  private static final String SHOWN = "FORMATTED_VALUE";

  @Autowired SyncPauses pauses;

  @Test
  void valuesFollowTheirHeadersWhenPeopleInsertMoveAndDeleteColumns() throws Exception {
    UUID ada = newRequest("Ada");
    writeBack.runOnce();
    people.type("Requests", "P2", "VIP"); // Staff Notes, people's column
    people.insertColumn("Requests", "C", "Agent");
    people.type("Requests", "C2", "Mr X");
    people.moveColumn("Requests", "R", "O"); // Notes before Status
    people.insertColumn("Requests", "E", "Scratch");
    people.deleteColumn("Requests", "E"); // a column outside the layout, gone again

    renameCustomer(ada, "Ada Lovelace");
    RunResult result = writeBack.runOnce();

    // Two items of one record: the rename, and the Staff Notes "VIP" read in from the sheet.
    assertThat(result.succeeded()).isEqualTo(2);
    assertThat(people.row("Requests", 1))
        .startsWith("ID", "Booking Code", "Agent", "Customer")
        .contains("Notes", "Status");
    assertThat(people.cell("Requests", "C2", SHOWN)).isEqualTo("Mr X");
    assertThat(people.cell("Requests", "D2", SHOWN)).isEqualTo("Ada Lovelace");
    assertThat(people.cell("Requests", "N2", FORMULA)).isEqualTo("=K2-M2");
    assertThat(people.cell("Requests", "O1", SHOWN)).isEqualTo("Notes");
    assertThat(people.cell("Requests", "O2", SHOWN)).isEqualTo("window seat");
    assertThat(people.cell("Requests", "P2", SHOWN)).isEqualTo("CONFIRMED");
    assertThat(people.cell("Requests", "R1", SHOWN)).isEqualTo("Staff Notes");
    assertThat(people.cell("Requests", "R2", SHOWN)).isEqualTo("VIP");

    UUID grace = newRequest("Grace");
    writeBack.runOnce();

    assertThat(people.cell("Requests", "A3", SHOWN)).isEqualTo(grace.toString());
    assertThat(people.cell("Requests", "C3", SHOWN)).isEqualTo("");
    assertThat(people.cell("Requests", "D3", SHOWN)).isEqualTo("Grace");
    assertThat(people.cell("Requests", "O3", SHOWN)).isEqualTo("window seat");
    assertThat(people.cell("Requests", "P3", SHOWN)).isEqualTo("CONFIRMED");
    assertThat(people.cell("Requests", "M3", FORMULA))
        .as("the template's A (ID) and other tab's columns, retargeted")
        .isEqualTo("=SUMIF(Revenue!B:B,A3,Revenue!E:E)");
    assertThat(people.cell("Requests", "N3", FORMULA))
        .as("=J{row}-L{row} as declared; Total Price and Total Paid are K and M now")
        .isEqualTo("=K3-M3");
    assertThat(people.cell("Requests", "N3", SHOWN)).isEqualTo("1234.5");
  }

  @Test
  void layoutColumnMissingPausesOnlyItsTabWithoutChargingAttemptsAndItsReturnResumes()
      throws Exception {
    UUID ada = newRequest("Ada");
    writeBack.runOnce();
    people.deleteColumn("Requests", "M"); // Balance

    renameCustomer(ada, "Ada Lovelace");
    newRevenue(ada, "100.00");
    RunResult paused = writeBack.runOnce();

    assertThat(paused.succeeded()).as("the Revenue change").isEqualTo(1);
    assertThat(paused.failed()).isZero();
    assertThat(
            count(
                "select count(*) from sync_queue where model = 'Request' and status = 'PENDING'"
                    + " and retries = 0"))
        .isEqualTo(1);
    assertThat(people.cell("Revenue", "E2", SHOWN)).isEqualTo("100");
    assertThat(people.cell("Requests", "C2", SHOWN)).isEqualTo("Ada");
    assertThat(pauses.open())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.scope()).isEqualTo(Pause.TAB);
              assertThat(p.tab()).isEqualTo("Requests");
              assertThat(p.reason()).contains("\"Balance\"").contains("missing");
              assertThat(p.hint()).contains("restore");
            });
    assertThat(writeBack.runOnce().failed()).as("still paused, still not failing").isZero();

    people.insertColumn("Requests", "M", "Balance");
    RunResult resumed = writeBack.runOnce();

    assertThat(resumed.succeeded()).isEqualTo(1);
    assertThat(pauses.open()).isEmpty();
    assertThat(people.cell("Requests", "C2", SHOWN)).isEqualTo("Ada Lovelace");
    assertThat(count("select count(*) from sync_queue where retries > 0")).isZero();
  }

  @Test
  void renamedTabIsFollowedBySheetIdAndFormulasNameItsNewTitle() throws Exception {
    UUID ada = newRequest("Ada");
    writeBack.runOnce();
    people.renameTab("Requests", "Bookings 2025");
    people.renameTab("Revenue", "Payments");

    renameCustomer(ada, "Ada Lovelace");
    newRequest("Grace");
    RunResult result = writeBack.runOnce();

    assertThat(result.succeeded()).isEqualTo(2);
    assertThat(result.failed()).isZero();
    assertThat(pauses.open()).isEmpty();
    assertThat(people.cell("Bookings 2025", "C2", SHOWN)).isEqualTo("Ada Lovelace");
    assertThat(people.cell("Bookings 2025", "C3", SHOWN)).isEqualTo("Grace");
    assertThat(people.cell("Bookings 2025", "L3", FORMULA))
        .isEqualTo("=SUMIF('Payments'!B:B,A3,'Payments'!E:E)");
    assertThat(
            jdbc.sql("select title from sheet_tabs where model = 'Request'")
                .query(String.class)
                .single())
        .isEqualTo("Bookings 2025");
  }

  @Test
  void deletedTabPausesThatTabAndTheOthersKeepSyncing() throws Exception {
    UUID ada = newRequest("Ada");
    writeBack.runOnce();
    people.deleteTab("Operators");

    newOperator(ada);
    renameCustomer(ada, "Ada Lovelace");
    RunResult result = writeBack.runOnce();

    assertThat(result.succeeded()).isEqualTo(1);
    assertThat(result.failed()).isZero();
    assertThat(people.cell("Requests", "C2", SHOWN)).isEqualTo("Ada Lovelace");
    assertThat(pauses.open())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.tab()).isEqualTo("Operators");
              assertThat(p.reason()).contains("not in the spreadsheet");
            });
    assertThat(
            count(
                "select count(*) from sync_queue where model = 'Operator' and status = 'PENDING'"
                    + " and retries = 0"))
        .as("the new operator, and its update for the renamed customer it shows")
        .isEqualTo(2);
  }

  @Test
  void newRowsWithEmptyCellsGoRightBelowTheLastRecordAbovePeoplesOwnRows() throws Exception {
    newRequest("Ada");
    writeBack.runOnce();
    people.type("Requests", "C5", "Totals"); // people's row, blank rows between

    UUID grace =
        records.createRequest(
            aRequest()
                .bookingCode("BK-9")
                .customer("Grace")
                .phone(null)
                .email(null)
                .destination("Hue")
                .dates(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 2))
                .pax(1)
                .totalPrice("10.00")
                .status(RequestStatus.NEW)
                .build());
    writeBack.runOnce();

    assertThat(people.cell("Requests", "A3", SHOWN)).isEqualTo(grace.toString());
    assertThat(people.row("Requests", 3).subList(0, 6))
        .containsExactly(grace.toString(), "BK-9", "Grace", "", "", "Hue");
    assertThat(people.cell("Requests", "N3", SHOWN)).isEqualTo("NEW");
    assertThat(people.cell("Requests", "C6", SHOWN))
        .as("moved down, untouched")
        .isEqualTo("Totals");
    assertThat(people.row("Requests", 6)).containsExactly("", "", "Totals");
    assertThat(storedRow(grace)).isEqualTo(3);
  }
}
