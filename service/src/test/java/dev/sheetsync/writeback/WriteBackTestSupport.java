package dev.sheetsync.writeback;

import static dev.sheetsync.testing.OperatorBuilder.anOperator;
import static dev.sheetsync.testing.RequestBuilder.aRequest;
import static dev.sheetsync.testing.RequestBuilder.aRequestLike;
import static dev.sheetsync.testing.RevenueBuilder.aRevenue;

import com.google.api.services.sheets.v4.Sheets;
import dev.sheetsync.queue.SyncQueue;
import dev.sheetsync.records.RecordChanges;
import dev.sheetsync.records.RequestStatus;
import dev.sheetsync.records.SyncModel;
import dev.sheetsync.sheets.SheetLayouts;
import dev.sheetsync.sheets.SpreadsheetTarget;
import dev.sheetsync.sheets.TabLayout;
import dev.sheetsync.testing.EngineTest;
import dev.sheetsync.testing.SettableClock;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Clean tables, a fresh sheet, and records made through the records' own write path. */
@EngineTest
abstract class WriteBackTestSupport {

  @Autowired WriteBack writeBack;
  @Autowired SyncQueue queue;
  @Autowired RecordChanges records;
  @Autowired JdbcClient jdbc;
  @Autowired SettableClock clock;
  @Autowired Sheets sheets;
  @Autowired SpreadsheetTarget target;
  @Autowired SheetLayouts layouts;

  @Autowired ApplicationContext context;

  SheetFixture sheet;
  People people;
  TabLayout requestsTab;
  TabLayout operatorsTab;
  TabLayout revenueTab;
  private int bookings;

  @BeforeEach
  void freshQueueAndSheet() {
    jdbc.sql(
            "truncate sync_queue, sync_log, sync_pauses, sheet_tabs, sheet_written_rows, sheet_row_imports, sync_conflicts, revenues, operators, requests restart identity cascade")
        .update();
    clock.reset();
    sheet = new SheetFixture(sheets, target, layouts);
    sheet.reset();
    people = new People(sheets, target);
    requestsTab = layouts.forModel(SyncModel.REQUEST);
    operatorsTab = layouts.forModel(SyncModel.OPERATOR);
    revenueTab = layouts.forModel(SyncModel.REVENUE);
  }

  UUID newRequest(String customer) {
    bookings++;
    return records.createRequest(
        aRequest().numbered(bookings).customer(customer).notes("window seat").build());
  }

  UUID newOperator(UUID request) {
    return records.createOperator(anOperator().forRequest(request).build());
  }

  UUID newRevenue(UUID request, String amount) {
    return records.createRevenue(
        aRevenue().forRequest(request).amount(amount).reference("ref-" + amount).build());
  }

  void renameCustomer(UUID request, String name) {
    records.updateRequest(request, r -> aRequestLike(r).customer(name).build());
  }

  /** Changes a request's status through the API's write path. */
  void setStatus(UUID request, RequestStatus status) {
    records.updateRequest(request, r -> aRequestLike(r).status(status).build());
  }

  Integer storedRow(UUID request) {
    return jdbc.sql("select sheet_row_index from requests where id = :id")
        .param("id", request)
        .query(Integer.class)
        .single();
  }

  /** The write-back with other layouts (a policy or on-edit setting the default layout lacks). */
  WriteBack writeBackWith(SheetLayouts custom) {
    return new WriteBack(
        queue,
        new BatchPlanner(
            custom,
            context.getBean(dev.sheetsync.records.RecordSnapshots.class),
            context.getBean(RowIndexes.class),
            context.getBean(dev.sheetsync.sheets.RowMapper.class),
            context.getBean(dev.sheetsync.conflicts.WrittenCells.class),
            context.getBean(dev.sheetsync.conflicts.Conflicts.class)),
        context.getBean(SheetWriter.class),
        context.getBean(SheetReader.class),
        context.getBean(Pausing.class),
        context.getBean(ReadIn.class),
        context.getBean(dev.sheetsync.pause.SyncPauses.class),
        context.getBean(RowIndexes.class),
        context.getBean(dev.sheetsync.conflicts.WrittenCells.class),
        context.getBean(dev.sheetsync.queue.Outbox.class),
        context.getBean(GoogleCalls.class),
        context.getBean(RunClock.class),
        context.getBean(org.springframework.transaction.support.TransactionTemplate.class),
        context.getBean(WriteBackProperties.class),
        context.getBean(dev.sheetsync.queue.QueueProperties.class),
        context.getBean(dev.sheetsync.sheets.SheetsProperties.class));
  }

  long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
