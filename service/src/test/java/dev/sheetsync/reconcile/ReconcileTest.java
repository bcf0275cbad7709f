package dev.sheetsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.conflicts.Conflict;
import dev.sheetsync.conflicts.Conflicts;
import dev.sheetsync.pause.SyncPauses;
import dev.sheetsync.reconcile.ReconcileReport.Cell;
import dev.sheetsync.reconcile.ReconcileReport.Finding;
import dev.sheetsync.records.SyncModel;
import dev.sheetsync.sheets.TabLayout;
import dev.sheetsync.system.Paging;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A sheet with one of each fault: found once each, and repaired through the write path. */
class ReconcileTest extends ReconcileTestSupport {

  @Autowired Conflicts conflicts;
  @Autowired SyncPauses pauses;
  @Autowired ReconcileSchedule schedule;

  UUID lostRow;
  UUID copied;
  UUID lostWrite;
  UUID deleted;
  UUID edited;
  UUID fine;
  UUID typedByHand = UUID.randomUUID();
  int copyRow;
  int foreignRow;
  int handRow;

  /** Six requests written, then a person and a lost write damage five of them. */
  void sheetWithOneOfEachFault() throws IOException {
    lostRow = newRequest("Ann");
    copied = newRequest("Ben");
    lostWrite = newRequest("Cat");
    deleted = newRequest("Dan");
    edited = newRequest("Eve");
    fine = newRequest("Fay");
    writeBackRun();
    records.deleteRequest(deleted, false);
    writeBackRun();
    assertThat(count("select count(*) from sync_queue where status <> 'COMPLETED'")).isZero();

    TabLayout tab = requestsTab;
    people.deleteRow(tab, people.rowOf(tab, lostRow));
    List<Object> copy = people.rows(tab).get(people.rowOf(tab, copied) - 1);
    copyRow = people.nextEmptyRow(tab);
    people.writeRow(tab, copyRow, copy);
    jdbc.sql("update requests set customer_name = 'Cat Stevens' where id = :id")
        .param("id", lostWrite)
        .update(); // a change that never reached the outbox
    people.type(tab, people.rowOf(tab, deleted), "Status", "CONFIRMED");
    people.type(tab, people.rowOf(tab, edited), "Phone", "+1 555 9999");
    foreignRow = people.nextEmptyRow(tab);
    people.type(tab, foreignRow, "Staff Notes", "call the hotel");
    people.type(tab, foreignRow, "Customer", "Walk-in");
    handRow = foreignRow + 1;
    people.type(tab, handRow, "ID", typedByHand.toString());
    people.type(tab, handRow, "Booking Code", "BK-HAND");
  }

  @Test
  void dryRunReportsEachFaultOnceAndChangesNothing() throws IOException {
    sheetWithOneOfEachFault();
    List<List<Object>> sheetBefore = sheetNow();
    String databaseBefore = databaseState();

    ReconcileReport report = reconcile(true);

    assertThat(report.summary()).isEqualTo(new ReconcileReport.Summary(8, 1, 1, 1, 2, 1, 1));
    assertThat(report.missing())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.recordId()).isEqualTo(lostRow);
              assertThat(f.bookingCode()).isEqualTo("BK-1");
              assertThat(f.customer()).isEqualTo("Ann");
              assertThat(f.rows()).isEmpty();
            });
    assertThat(report.duplicates())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.recordId()).isEqualTo(copied);
              assertThat(f.rows()).hasSize(2).last().isEqualTo(copyRow);
            });
    assertThat(report.stale())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.recordId()).isEqualTo(lostWrite);
              assertThat(f.cells())
                  .containsExactly(new Cell("Customer", "Cat", null, "Cat Stevens"));
            });
    assertThat(report.orphans())
        .extracting(Finding::recordId, Finding::origin)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(deleted, TabCheck.DELETED_RECORD),
            org.assertj.core.groups.Tuple.tuple(typedByHand, TabCheck.UNKNOWN_ID));
    assertThat(report.orphans())
        .filteredOn(f -> f.recordId().equals(typedByHand))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rows()).containsExactly(handRow);
              assertThat(f.bookingCode()).isEqualTo("BK-HAND");
            });
    assertThat(report.edited())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.recordId()).isEqualTo(edited);
              assertThat(f.bookingCode()).isEqualTo("BK-5");
              assertThat(f.cells())
                  .containsExactly(new Cell("Phone", "+1 555 9999", "+1 555 0100", "+1 555 0100"));
            });
    assertThat(report.paused()).isEmpty();
    assertThat(report.repaired()).isNull();
    assertThat(report.sheetsReads()).as("spreadsheets.get + one values.get per tab").isEqualTo(4);
    assertThat(sheetNow()).isEqualTo(sheetBefore);
    assertThat(databaseState()).isEqualTo(databaseBefore);
  }

  @Test
  void repairAndARunFixAllButTheEditedCellTheForeignRowAndTheTypedId() throws IOException {
    sheetWithOneOfEachFault();
    List<Object> foreignBefore = people.rows(requestsTab).get(foreignRow - 1);
    List<Object> handBefore = people.rows(requestsTab).get(handRow - 1);

    ReconcileReport repair = reconcile(false);
    writeBackRun();

    assertThat(repair.repaired()).isEqualTo(new ReconcileReport.Repaired(3, 1, 1));
    TabLayout tab = requestsTab;
    assertThat(people.rowsOf(tab, lostRow)).hasSize(1);
    assertThat(people.rowsOf(tab, copied))
        .as("the copy removed, the first row kept")
        .containsExactly(3 - 1);
    assertThat(cell(lostWrite, "Customer")).isEqualTo("Cat Stevens");
    assertThat(cell(deleted, "Status")).isEqualTo("DELETED");
    assertThat(cell(edited, "Phone"))
        .as("a person's edit stays until resolved")
        .isEqualTo("+1 555 9999");
    assertThat(people.rows(tab)).contains(foreignBefore, handBefore);
    List<Conflict> open = conflicts.page(Conflict.OPEN, new Paging(0, 50)).items();
    assertThat(open)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.recordId()).isEqualTo(edited);
              assertThat(c.column()).isEqualTo("Phone");
              assertThat(c.writtenValue()).isEqualTo("+1 555 0100");
              assertThat(c.sheetValue()).isEqualTo("+1 555 9999");
              assertThat(c.databaseValue()).isEqualTo("+1 555 0100");
              assertThat(c.bookingCode()).isEqualTo("BK-5");
            });

    ReconcileReport again = reconcile(true);

    assertThat(again.summary().missing()).isZero();
    assertThat(again.summary().duplicates()).isZero();
    assertThat(again.summary().stale()).isZero();
    assertThat(again.orphans())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.recordId()).as("only the id typed by hand").isEqualTo(typedByHand);
              assertThat(f.origin()).isEqualTo(TabCheck.UNKNOWN_ID);
            });
    assertThat(again.edited()).as("listed while its conflict is open").hasSize(1);
    assertThat(again.summary().foreignRows()).isEqualTo(1);
  }

  @Test
  void scheduledTickRunsADryRunThenARepairAndStoresBoth() throws IOException {
    sheetWithOneOfEachFault();

    ReconcileReport last = schedule.runOnce().orElseThrow();

    assertThat(last.dryRun()).isFalse();
    assertThat(last.trigger()).isEqualTo("schedule");
    assertThat(last.repaired()).isEqualTo(new ReconcileReport.Repaired(3, 1, 1));
    assertThat(count("select count(*) from sync_reconcile_reports where dry_run")).isEqualTo(1);
    assertThat(count("select count(*) from sync_reconcile_reports where not dry_run")).isEqualTo(1);
  }

  @Test
  void scheduledTickOnAGoodSheetStopsAfterTheDryRun() {
    newRequest("Ann");
    writeBackRun();

    ReconcileReport last = schedule.runOnce().orElseThrow();

    assertThat(last.dryRun()).isTrue();
    assertThat(count("select count(*) from sync_reconcile_reports")).isEqualTo(1);
  }

  @Test
  void pausedTabIsReportedAndLeftAlone() throws IOException {
    UUID ann = newRequest("Ann");
    writeBackRun();
    people.deleteRow(requestsTab, people.rowOf(requestsTab, ann));
    pauses.pauseTab(SyncModel.REQUEST, "Requests", "column \"Balance\" is missing", "restore it");
    TabLayout revenue = layouts.forModel(SyncModel.REVENUE);
    people.type(revenue, 1, "Amount", "Paid"); // its header renamed: cannot be located
    String databaseBefore = databaseState();

    ReconcileReport report = reconcile(false);

    assertThat(report.paused())
        .extracting(ReconcileReport.PausedTab::tab)
        .containsExactlyInAnyOrder("Requests", "Revenue");
    assertThat(report.paused())
        .filteredOn(p -> p.tab().equals("Revenue"))
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("\"Amount\"").contains("missing"));
    assertThat(report.summary().missing()).as("the paused tab is not compared").isZero();
    assertThat(report.repaired()).isEqualTo(new ReconcileReport.Repaired(0, 0, 0));
    assertThat(databaseState()).isEqualTo(databaseBefore);
    assertThat(people.rowsOf(requestsTab, ann)).isEmpty();
  }

  @Test
  void aRecordWithAChangeQueuedIsPendingNotMissingOrStale() throws IOException {
    UUID ann = newRequest("Ann");
    writeBackRun();
    newRequest("Ben"); // its CREATE is queued
    jdbc.sql("update requests set customer_name = 'Ann Lee' where id = :id")
        .param("id", ann)
        .update();
    jdbc.sql(
            "insert into sync_queue (action, model, record_id, payload) values ('UPDATE', 'Request', :id, '{}')")
        .param("id", ann)
        .update();

    ReconcileReport report = reconcile(true);

    assertThat(report.summary().missing()).isZero();
    assertThat(report.summary().stale()).isZero();
  }

  private String cell(UUID id, String header) throws IOException {
    List<Object> row = people.rows(requestsTab).get(people.rowOf(requestsTab, id) - 1);
    int column = requestsTab.columnIndex(header);
    return column < row.size() ? row.get(column).toString() : "";
  }

  private List<List<Object>> sheetNow() throws IOException {
    List<List<Object>> all = new ArrayList<>();
    for (TabLayout tab : layouts.tabs()) {
      all.addAll(people.rows(tab));
    }
    return all;
  }
}
