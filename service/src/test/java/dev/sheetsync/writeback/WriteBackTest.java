package dev.sheetsync.writeback;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.sheets.v4.model.ValueRange;
import dev.sheetsync.emulator.RequestCounts;
import dev.sheetsync.emulator.ValueRender;
import dev.sheetsync.records.RecordSnapshots;
import dev.sheetsync.records.SyncModel;
import dev.sheetsync.sheets.RowMapper;
import dev.sheetsync.sheets.RowMode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class WriteBackTest extends WriteBackTestSupport {

  @Autowired RecordSnapshots snapshots;
  @Autowired RowMapper mapper;

  @Test
  void createAppendsARowWithEveryWritableColumnAndStoresItsRowNumber() {
    UUID id = newRequest("Ada Lovelace");

    RunResult result = writeBack.runOnce();

    assertThat(result).extracting(RunResult::processed, RunResult::succeeded).containsExactly(1, 1);
    List<Object> row = strings(sheet.rows(requestsTab, ValueRender.FORMATTED_VALUE).get(0));
    assertThat(row.subList(0, 11))
        .containsExactly(
            id.toString(),
            "BK-1",
            "Ada Lovelace",
            "+1 555 0100",
            "guest1@example.com",
            "Hanoi",
            "2026-03-01",
            "2026-03-05",
            "2",
            "1234.5",
            "USD");
    assertThat(row.subList(13, 17)).containsExactly("CONFIRMED", "", "", "window seat");
    assertThat(row.get(17).toString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    assertThat(sheet.cell(requestsTab, 2, "Start Date", ValueRender.UNFORMATTED_VALUE))
        .as("a date, not text")
        .isInstanceOf(Number.class);
    assertThat(sheet.cell(requestsTab, 2, "Total Paid", ValueRender.FORMULA))
        .isEqualTo("=SUMIF(Revenue!B:B,A2,Revenue!E:E)");
    assertThat(storedRow(id)).isEqualTo(2);
    assertThat(queue.stats().completed()).isEqualTo(1);
    assertThat(count("select count(*) from sync_log where status = 'SUCCESS' and row_index = 2"))
        .isEqualTo(1);
  }

  @Test
  void updateRewritesTheSameRowAndLeavesFormulasAndPeoplesCellsAlone() throws Exception {
    UUID first = newRequest("Ada");
    UUID second = newRequest("Grace");
    writeBack.runOnce();
    sheets
        .spreadsheets()
        .values()
        .update(
            target.spreadsheetId(),
            "'Requests'!L3:P3",
            new ValueRange().setValues(List.of(List.of("=1+1", "=2+2", "CONFIRMED", "", "VIP"))))
        .setValueInputOption("USER_ENTERED")
        .execute();

    renameCustomer(second, "Grace Hopper");
    RunResult result = writeBack.runOnce();

    // Two items of one record: the rename, and the Staff Notes "VIP" read in from the sheet.
    assertThat(result.succeeded()).isEqualTo(2);
    assertThat(sheet.cell(requestsTab, 3, "Customer", ValueRender.FORMATTED_VALUE))
        .isEqualTo("Grace Hopper");
    assertThat(sheet.cell(requestsTab, 3, "Total Paid", ValueRender.FORMULA)).isEqualTo("=1+1");
    assertThat(sheet.cell(requestsTab, 3, "Balance", ValueRender.FORMULA)).isEqualTo("=2+2");
    assertThat(sheet.cell(requestsTab, 3, "Staff Notes", ValueRender.FORMATTED_VALUE))
        .isEqualTo("VIP");
    assertThat(sheet.cell(requestsTab, 2, "Customer", ValueRender.FORMATTED_VALUE))
        .isEqualTo("Ada");
    assertThat(sheet.rows(requestsTab, ValueRender.FORMATTED_VALUE)).hasSize(2);
    assertThat(storedRow(first)).isEqualTo(2);
  }

  @Test
  void fiveUpdatesOfOneRecordAreOneWriteAndFiveCompletedItems() {
    UUID id = newRequest("v0");
    writeBack.runOnce();
    for (int i = 1; i <= 5; i++) {
      renameCustomer(id, "v" + i);
    }
    RequestCounts before = sheet.control().requestCounts();

    RunResult result = writeBack.runOnce();

    RequestCounts after = sheet.control().requestCounts();
    assertThat(result.succeeded()).isEqualTo(5);
    assertThat(delta(before, after, "values.batchUpdate")).isEqualTo(1);
    assertThat(delta(before, after, "values.append")).isZero();
    assertThat(sheet.cell(requestsTab, 2, "Customer", ValueRender.FORMATTED_VALUE)).isEqualTo("v5");
    assertThat(queue.stats().completed()).isEqualTo(6);
    assertThat(
            count(
                "select count(*) from sync_log where action = 'WRITE_BACK_UPDATE' and row_index = 2"))
        .isEqualTo(5);
  }

  @Test
  void rowsSortedInsertedAndDeletedByPeopleStillGetTheRightRowAndNoOtherRowChanges()
      throws Exception {
    UUID a = newRequest("Alice");
    UUID b = newRequest("Bob");
    UUID c = newRequest("Carol");
    UUID d = newRequest("Dave");
    writeBack.runOnce();
    // Z..A by customer, then an empty row at the top, then Dave's row (now the second) gone.
    people.sortDescending("Requests", "Customer");
    people.insertRows("Requests", 2, 1);
    people.deleteRows("Requests", 3, 1);
    List<List<Object>> untouched = sheet.rows(requestsTab, ValueRender.FORMULA);

    renameCustomer(b, "Bob Jr");
    RunResult result = writeBack.runOnce();

    assertThat(result.succeeded()).isEqualTo(1);
    List<List<Object>> now = sheet.rows(requestsTab, ValueRender.FORMULA);
    // rows: 2 empty, 3 Carol, 4 Bob, 5 Alice
    assertThat(now.get(2).get(0)).isEqualTo(b.toString());
    assertThat(now.get(2).get(2)).isEqualTo("Bob Jr");
    for (int i : List.of(0, 1, 3)) {
      assertThat(now.get(i)).isEqualTo(untouched.get(i));
    }
    assertThat(storedRow(b)).isEqualTo(4);
    assertThat(count("select count(*) from sync_queue where status <> 'COMPLETED'")).isZero();
    assertThat(List.of(a, c, d)).doesNotContain(b);
  }

  @Test
  void updateOfARecordWhoseRowPeopleDeletedAppendsItAgain() throws Exception {
    UUID a = newRequest("Alice");
    writeBack.runOnce();
    people.deleteRows("Requests", 2, 1);

    renameCustomer(a, "Alice B");
    writeBack.runOnce();

    assertThat(sheet.rows(requestsTab, ValueRender.FORMATTED_VALUE))
        .singleElement()
        .satisfies(row -> assertThat(row.get(2)).isEqualTo("Alice B"));
  }

  @Test
  void crashAfterAppendBeforeTheRowNumberWasSavedDoesNotDuplicateTheRow() throws Exception {
    newRequest("Ada");
    UUID id = newRequest("Grace");
    // The previous run appended Grace, then died before recording anything.
    var snapshot = snapshots.load(SyncModel.REQUEST, List.of(id)).get(id);
    appendAsTheWriteBackDoes(mapper.toRow(requestsTab, snapshot, 2, RowMode.APPEND));

    RunResult result = writeBack.runOnce();

    assertThat(result.succeeded()).isEqualTo(2);
    List<List<Object>> rows = sheet.rows(requestsTab, ValueRender.FORMATTED_VALUE);
    assertThat(rows).extracting(r -> r.get(2)).containsExactly("Grace", "Ada");
    assertThat(storedRow(id)).isEqualTo(2);
  }

  @Test
  void copiesOfARecordsRowLeftByALateAppendAreRemovedKeepingTheFirstRow() throws Exception {
    UUID ada = newRequest("Ada");
    UUID grace = newRequest("Grace");
    writeBack.runOnce();
    // An append Google applied after the run had given up on it (a timeout) lands again below.
    var snapshots = this.snapshots.load(SyncModel.REQUEST, List.of(ada, grace));
    appendAsTheWriteBackDoes(
        mapper.toRow(requestsTab, snapshots.get(ada), 4, RowMode.APPEND),
        mapper.toRow(requestsTab, snapshots.get(grace), 5, RowMode.APPEND));
    UUID linus = newRequest("Linus"); // the next batch concerns another record only

    writeBack.runOnce();

    List<List<Object>> rows = sheet.rows(requestsTab, ValueRender.FORMATTED_VALUE);
    assertThat(rows)
        .extracting(r -> r.get(0))
        .containsExactly(ada.toString(), grace.toString(), linus.toString());
    assertThat(rows).extracting(r -> r.get(2)).containsExactly("Ada", "Grace", "Linus");
    assertThat(storedRow(linus)).isEqualTo(4);
  }

  @Test
  void aKeyOnlyCopyLeftByALateInsertAboveTheRecordsRowEndsAsTheRowWrittenWhole() throws Exception {
    UUID ada = newRequest("Ada");
    writeBack.runOnce();
    lateKeyOnlyCopyAtRowTwo(ada);
    renameCustomer(ada, "Ada Lovelace");

    writeBack.runOnce();

    List<List<Object>> rows = sheet.rows(requestsTab, ValueRender.FORMATTED_VALUE);
    assertThat(rows).extracting(r -> r.get(0)).containsExactly(ada.toString());
    assertThat(sheet.cell(requestsTab, 2, "Customer", ValueRender.FORMATTED_VALUE))
        .isEqualTo("Ada Lovelace");
    assertThat(sheet.cell(requestsTab, 2, "Total Paid", ValueRender.FORMULA))
        .isEqualTo("=SUMIF(Revenue!B:B,A2,Revenue!E:E)");
    assertThat(sheet.cell(requestsTab, 2, "Booking Code", ValueRender.FORMATTED_VALUE))
        .isEqualTo("BK-1");
  }

  @Test
  void aKeyOnlyCopyLeftByALateInsertIsMarkedWithItsFormulasWhenTheRecordIsDeletedMeanwhile()
      throws Exception {
    UUID ada = newRequest("Ada");
    writeBack.runOnce();
    lateKeyOnlyCopyAtRowTwo(ada);
    records.deleteRequest(ada, false);

    writeBack.runOnce();

    List<List<Object>> rows = sheet.rows(requestsTab, ValueRender.FORMATTED_VALUE);
    assertThat(rows).extracting(r -> r.get(0)).containsExactly(ada.toString());
    assertThat(sheet.cell(requestsTab, 2, "Status", ValueRender.FORMATTED_VALUE))
        .isEqualTo("DELETED");
    assertThat(sheet.cell(requestsTab, 2, "Total Paid", ValueRender.FORMULA))
        .isEqualTo("=SUMIF(Revenue!B:B,A2,Revenue!E:E)");
    assertThat(sheet.cell(requestsTab, 2, "Balance", ValueRender.FORMULA)).isEqualTo("=J2-L2");
  }

  @Test
  void appendThatGoogleAppliedBeforeAnswering503IsNotRepeated() {
    newRequest("Ada");
    newRequest("Grace");
    newOperator(newRequest("Linus"));
    sheet.control().faults(dev.sheetsync.emulator.Faults.NONE.withDropAfterWrite(true));

    RunResult failing = writeBack.runOnce();

    // Every write was applied and answered 503: each new row exists once, however often retried.
    assertThat(failing.googleRetries()).isGreaterThanOrEqualTo(2);
    assertThat(sheet.rows(requestsTab, ValueRender.FORMATTED_VALUE)).hasSize(3);
    assertThat(sheet.rows(operatorsTab, ValueRender.FORMATTED_VALUE)).hasSize(1);

    sheet.control().clearFaults();
    new dev.sheetsync.testing.QueueTime(jdbc).pass(java.time.Duration.ofHours(1));
    RunResult after = writeBack.runOnce();

    assertThat(failing.succeeded() + after.succeeded()).isEqualTo(4);
    List<List<Object>> rows = sheet.rows(requestsTab, ValueRender.FORMATTED_VALUE);
    assertThat(rows).hasSize(3);
    assertThat(rows).extracting(r -> r.get(2)).containsExactly("Ada", "Grace", "Linus");
    assertThat(sheet.rows(operatorsTab, ValueRender.FORMATTED_VALUE)).hasSize(1);
  }

  @Test
  void formulaInjectionTextLandsAsLiteralText() {
    List<String> hostile =
        List.of("=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "@SUM(1)", "-1+1");
    List<UUID> ids = hostile.stream().map(this::newRequest).toList();

    writeBack.runOnce();

    List<List<Object>> rows = sheet.rows(requestsTab, ValueRender.FORMULA);
    assertThat(rows).extracting(r -> r.get(2)).containsExactlyElementsOf(hostile);
    assertThat(ids).hasSize(4);
  }

  private static long delta(RequestCounts before, RequestCounts after, String method) {
    return after.count(method) - before.count(method);
  }

  /**
   * An insert Google applied late (after a timeout, or a killed process): a row holding only the
   * record's key lands at row 2, pushing its full row to row 3; its stored row (2) holds its id.
   */
  private void lateKeyOnlyCopyAtRowTwo(UUID record) throws Exception {
    people.insertRows("Requests", 2, 1);
    people.writeRaw("Requests", "A2", record.toString());
  }

  /** Appends whole rows below the table, as the write-back's own append call does. */
  @SafeVarargs
  private void appendAsTheWriteBackDoes(List<Object>... rows) throws java.io.IOException {
    sheets
        .spreadsheets()
        .values()
        .append(
            target.spreadsheetId(),
            RowMapper.tableRange(requestsTab),
            new ValueRange().setValues(List.of(rows)))
        .setValueInputOption("USER_ENTERED")
        .setInsertDataOption("INSERT_ROWS")
        .execute();
  }

  private static List<Object> strings(List<Object> row) {
    return row.stream().map(c -> (Object) (c == null ? "" : c.toString())).toList();
  }
}
