package dev.sheetsync.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.ValueRange;
import dev.sheetsync.emulator.ValueRender;
import dev.sheetsync.queue.QueueItem;
import dev.sheetsync.queue.SyncQueue;
import dev.sheetsync.records.SyncModel;
import dev.sheetsync.sheets.SheetLayouts;
import dev.sheetsync.sheets.SpreadsheetTarget;
import dev.sheetsync.sheets.TabLayout;
import dev.sheetsync.testing.EmptySpreadsheet;
import dev.sheetsync.writeback.RunResult;
import dev.sheetsync.writeback.WriteBack;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Resync into an empty spreadsheet, with batches small enough that a few dozen records take several
 * batches and runs: a first batch of 10, then batches of 20, two per run.
 */
@SpringBootTest(
    properties = {
      "sheetsync.writeback.batch-size=10",
      "sheetsync.writeback.bulk-batch-size=20",
      "sheetsync.writeback.max-batches=2"
    })
@ActiveProfiles("test")
class ResyncTest {

  @Autowired Resync resync;
  @Autowired WriteBack writeBack;
  @Autowired SyncQueue queue;
  @Autowired JdbcClient jdbc;
  @Autowired Sheets sheets;
  @Autowired SpreadsheetTarget target;
  @Autowired SheetLayouts layouts;

  TabLayout requests;

  @BeforeEach
  void emptyTablesAndSheet() {
    jdbc.sql(
            "truncate sync_queue, sync_log, sync_pauses, sheet_tabs, sheet_written_rows, sheet_row_imports,"
                + " sync_conflicts, revenues, operators, requests restart identity cascade")
        .update();
    EmptySpreadsheet.create(target, layouts).quota(0, 0);
    requests = layouts.forModel(SyncModel.REQUEST);
  }

  @Test
  void resyncIntoAnEmptySpreadsheetWritesEveryRecordOnceInCreationOrder() {
    List<String> ids = existingRequests(45);

    assertThat(resync.enqueue(List.of(SyncModel.REQUEST))).isEqualTo(45);
    RunResult first = writeBack.runOnce();

    assertThat(first.batches()).isEqualTo(2);
    assertThat(first.succeeded()).as("a batch of 10, then one of 20").isEqualTo(30);
    assertThat(keys()).containsExactlyElementsOf(ids.subList(0, 30));

    writeBack.runOnce();

    assertThat(keys()).containsExactlyElementsOf(ids);
    assertThat(queue.stats().pending()).isZero();
    assertThat(cell(2, "Booking Code")).isEqualTo("BK-1");
    assertThat(cell(46, "Booking Code")).isEqualTo("BK-45");
  }

  @Test
  void aRunKilledMidResyncLeavesNoDuplicateAndNoMissingRowOnceTheNextRunsEnd() throws IOException {
    List<String> ids = existingRequests(45);
    resync.enqueue(List.of(SyncModel.REQUEST));
    writeBack.runOnce(); // 30 rows, then stopped by max-batches
    // A run claims the next 10, makes their rows (key only, as RowInserts does) and dies before
    // writing their values or recording anything.
    List<QueueItem> claimed = queue.claim(10);
    List<List<Object>> made =
        claimed.stream().map(i -> List.<Object>of(i.recordId().toString())).toList();
    sheets
        .spreadsheets()
        .values()
        .update(target.spreadsheetId(), "'Requests'!A32:A41", new ValueRange().setValues(made))
        .setValueInputOption("RAW")
        .execute();

    assertThat(queue.releaseExpiredLeases(Duration.ZERO)).isEqualTo(10);
    writeBack.runOnce();
    writeBack.runOnce();

    assertThat(keys()).containsExactlyElementsOf(ids);
    assertThat(cell(33, "Customer"))
        .as("a row made by the dead run, filled")
        .isEqualTo("Customer 32");
    assertThat(queue.stats().pending()).isZero();
    assertThat(queue.stats().failed()).isZero();
  }

  @Test
  void aRecordWithAPendingItemIsNotQueuedTwice() {
    List<String> ids = existingRequests(3);
    jdbc.sql(
            """
            insert into sync_queue (action, model, record_id, payload, status)
            values ('UPDATE', 'Request', cast(:pending as uuid), '{}', 'PENDING'),
                   ('UPDATE', 'Request', cast(:done as uuid), '{}', 'COMPLETED')
            """)
        .param("pending", ids.get(1))
        .param("done", ids.get(2))
        .update();

    assertThat(resync.enqueue(List.of(SyncModel.REQUEST))).isEqualTo(2);
    assertThat(resync.enqueue(List.of(SyncModel.REQUEST))).as("all coalesced now").isZero();

    assertThat(
            jdbc.sql("select record_id::text from sync_queue where status = 'PENDING' order by id")
                .query(String.class)
                .list())
        .containsExactly(ids.get(1), ids.get(0), ids.get(2));
  }

  /**
   * Requests made with SQL (no queue items), created a second apart in an order that random ids do
   * not follow; their ids in creation order.
   */
  private List<String> existingRequests(int n) {
    jdbc.sql(
            """
            insert into requests (id, booking_code, customer_name, pax, created_at)
            select gen_random_uuid(), 'BK-' || g, 'Customer ' || g, 2,
                   timestamptz '2026-01-01 00:00:00+00' + g * interval '1 second'
              from generate_series(1, :n) g
            """)
        .param("n", n)
        .update();
    return jdbc.sql("select id::text from requests order by created_at").query(String.class).list();
  }

  private List<String> keys() {
    return target
        .emulator()
        .values(target.spreadsheetId(), "'Requests'!A2:A1000", ValueRender.FORMATTED_VALUE)
        .stream()
        .map(r -> r.isEmpty() ? "" : r.get(0).toString())
        .toList();
  }

  private Object cell(int row, String header) {
    List<Object> cells =
        target
            .emulator()
            .values(
                target.spreadsheetId(),
                "'Requests'!A" + row + ":" + requests.lastColumnLetter() + row,
                ValueRender.FORMATTED_VALUE)
            .get(0);
    return cells.get(requests.columnIndex(header));
  }
}
