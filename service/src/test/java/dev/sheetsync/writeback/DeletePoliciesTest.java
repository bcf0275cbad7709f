package dev.sheetsync.writeback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.emulator.ValueRender;
import dev.sheetsync.sheets.DeletePolicy;
import dev.sheetsync.sheets.SheetLayouts;
import dev.sheetsync.sheets.TabLayout;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeletePoliciesTest extends WriteBackTestSupport {

  @Test
  void aRowMadeByARunThatDiedBeforeWritingItsValuesIsMarkedWithItsFormulas() throws Exception {
    UUID ada = newRequest("Ada");
    // A run inserted Ada's row (key only) and was killed before writing her values.
    people.writeRaw("Requests", "A2", ada.toString());
    records.deleteRequest(ada, false);

    writeBack.runOnce();

    assertThat(sheet.cell(requestsTab, 2, "Status", ValueRender.FORMATTED_VALUE))
        .isEqualTo("DELETED");
    assertThat(sheet.cell(requestsTab, 2, "Total Paid", ValueRender.FORMULA))
        .isEqualTo("=SUMIF(Revenue!B:B,A2,Revenue!E:E)");
    assertThat(sheet.cell(requestsTab, 2, "Balance", ValueRender.FORMULA)).isEqualTo("=J2-L2");
  }

  @Test
  void aRewriteQueuedAfterTheDeleteStillMarksTheRow() {
    newRequest("Ada");
    UUID gone = newRequest("Grace");
    writeBack.runOnce();
    records.deleteRequest(gone, false);
    jdbc.sql(
            "insert into sync_queue (action, model, record_id, payload)"
                + " values ('UPDATE', 'Request', :id, '{}')")
        .param("id", gone)
        .update();

    RunResult result = writeBack.runOnce();

    assertThat(result.failed()).isZero();
    assertThat(result.succeeded()).isEqualTo(2);
    assertThat(sheet.cell(requestsTab, 3, "Status", ValueRender.FORMATTED_VALUE))
        .isEqualTo("DELETED");
  }

  @Test
  void markWritesTheMarkerAndKeepsTheRest() {
    UUID keep = newRequest("Ada");
    UUID gone = newRequest("Grace");
    writeBack.runOnce();

    records.deleteRequest(gone, false);
    RunResult result = writeBack.runOnce();

    assertThat(result.succeeded()).isEqualTo(1);
    assertThat(sheet.cell(requestsTab, 3, "Status", ValueRender.FORMATTED_VALUE))
        .isEqualTo("DELETED");
    assertThat(sheet.cell(requestsTab, 3, "Customer", ValueRender.FORMATTED_VALUE))
        .isEqualTo("Grace");
    assertThat(sheet.cell(requestsTab, 3, "Total Paid", ValueRender.FORMULA))
        .isEqualTo("=SUMIF(Revenue!B:B,A3,Revenue!E:E)");
    assertThat(sheet.cell(requestsTab, 2, "Status", ValueRender.FORMATTED_VALUE))
        .isEqualTo("CONFIRMED");
    assertThat(
            count(
                "select count(*) from sync_log where action = 'WRITE_BACK_DELETE' and row_index = 3"))
        .isEqualTo(1);
    assertThat(keep).isNotEqualTo(gone);
  }

  @Test
  void clearEmptiesTheWritableCellsOnly() {
    UUID request = newRequest("Ada");
    UUID first = newRevenue(request, "100.00");
    newRevenue(request, "50.00");
    writeBack.runOnce();

    records.deleteRevenue(first);
    writeBack.runOnce();

    List<List<Object>> rows = sheet.rows(revenueTab, ValueRender.FORMATTED_VALUE);
    assertThat(rows.get(0)).allSatisfy(cell -> assertThat(cell.toString()).isEmpty());
    assertThat(rows.get(1).get(4).toString()).isEqualTo("50");
    assertThat(sheet.cell(requestsTab, 2, "Total Paid", ValueRender.UNFORMATTED_VALUE).toString())
        .startsWith("50");
  }

  /**
   * A cleared row is completely empty, which ends Google's "table": the next append lands in that
   * gap and, with INSERT_ROWS, pushes every row below it down. Rewrites in the same batch were
   * located before the append and must follow their rows, not hit the row that moved into place.
   */
  @Test
  void appendIntoAClearedGapDoesNotSendTheBatchsRewritesToTheRowsThatMovedDown() {
    UUID request = newRequest("Ada");
    UUID cleared = newRevenue(request, "1.00");
    UUID innocent = newRevenue(request, "2.00");
    UUID updated = newRevenue(request, "3.00");
    writeBack.runOnce();
    records.deleteRevenue(cleared);
    writeBack.runOnce();
    long itemsBefore = count("select count(*) from sync_queue");

    newRevenue(request, "4.00");
    records.updateRevenue(
        updated,
        v ->
            new dev.sheetsync.records.RevenueInput(
                v.requestId(),
                v.paymentDate(),
                new java.math.BigDecimal("30.00"),
                v.method(),
                v.reference(),
                v.notes()));
    RunResult result = writeBack.runOnce();

    assertThat(result.released()).as("items released after a wrong-row write").isZero();
    assertThat(count("select count(*) from sync_queue") - itemsBefore)
        .as("only our two changes were queued, no repairs")
        .isEqualTo(2);
    List<List<Object>> rows = sheet.rows(revenueTab, ValueRender.FORMATTED_VALUE);
    assertThat(rows)
        .filteredOn(r -> !r.isEmpty() && !r.get(0).toString().isEmpty())
        .extracting(r -> r.get(0).toString(), r -> r.get(4).toString())
        .contains(
            org.assertj.core.groups.Tuple.tuple(innocent.toString(), "2"),
            org.assertj.core.groups.Tuple.tuple(updated.toString(), "30"));
  }

  @Test
  void deleteRowRemovesTheRowsBottomUpAndLaterRowsMoveUp() {
    WriteBack deletingRows = withRevenuePolicy(DeletePolicy.DELETE_ROW);
    UUID request = newRequest("Ada");
    UUID r1 = newRevenue(request, "1.00");
    UUID r2 = newRevenue(request, "2.00");
    UUID r3 = newRevenue(request, "3.00");
    UUID r4 = newRevenue(request, "4.00");
    deletingRows.runOnce();

    records.deleteRevenue(r1);
    records.deleteRevenue(r3);
    records.updateRevenue(
        r4,
        v ->
            new dev.sheetsync.records.RevenueInput(
                v.requestId(),
                v.paymentDate(),
                new java.math.BigDecimal("40.00"),
                v.method(),
                v.reference(),
                v.notes()));
    RunResult result = deletingRows.runOnce();

    assertThat(result.succeeded()).isEqualTo(3);
    assertThat(sheet.rows(revenueTab, ValueRender.FORMATTED_VALUE))
        .extracting(r -> r.get(0), r -> r.get(4))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(r2.toString(), "2"),
            org.assertj.core.groups.Tuple.tuple(r4.toString(), "40"));
    assertThat(
            jdbc.sql("select sheet_row_index from revenues where id = :id")
                .param("id", r4)
                .query(Integer.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void ignoreLeavesTheRowAndCountsTheDeleteAsSkipped() {
    WriteBack ignoring = withRevenuePolicy(DeletePolicy.IGNORE);
    UUID request = newRequest("Ada");
    UUID revenue = newRevenue(request, "10.00");
    ignoring.runOnce();

    records.deleteRevenue(revenue);
    RunResult result = ignoring.runOnce();

    assertThat(result.skipped()).isEqualTo(1);
    assertThat(sheet.rows(revenueTab, ValueRender.FORMATTED_VALUE)).hasSize(1);
  }

  @Test
  void changesMadeMootByALaterDeleteAreSkippedAndNothingIsWritten() {
    UUID id = newRequest("Ada");
    renameCustomer(id, "Ada L");
    records.deleteRequest(id, false);

    RunResult result = writeBack.runOnce();

    assertThat(result).extracting(RunResult::skipped, RunResult::succeeded).containsExactly(3, 0);
    assertThat(sheet.rows(requestsTab, ValueRender.FORMATTED_VALUE)).isEmpty();
    assertThat(queue.stats().completed()).isEqualTo(3);
  }

  private WriteBack withRevenuePolicy(DeletePolicy policy) {
    TabLayout revenue =
        new TabLayout(
            revenueTab.model(),
            revenueTab.tabName(),
            revenueTab.headerRow(),
            revenueTab.keyColumn(),
            policy,
            null,
            null,
            revenueTab.columns());
    return writeBackWith(new SheetLayouts(List.of(requestsTab, operatorsTab, revenue)));
  }
}
