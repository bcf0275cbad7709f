package dev.sheetsync.reconcile;

import static dev.sheetsync.testing.RequestBuilder.aRequest;

import com.google.api.services.sheets.v4.Sheets;
import dev.sheetsync.records.RecordChanges;
import dev.sheetsync.records.SyncModel;
import dev.sheetsync.sheets.SheetLayouts;
import dev.sheetsync.sheets.SpreadsheetTarget;
import dev.sheetsync.sheets.TabLayout;
import dev.sheetsync.testing.EmptySpreadsheet;
import dev.sheetsync.testing.EngineTest;
import dev.sheetsync.writeback.WriteBack;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Clean tables, a fresh sheet, records made through the records' own write path. */
@EngineTest
abstract class ReconcileTestSupport {

  @Autowired Reconciler reconciler;
  @Autowired WriteBack writeBack;
  @Autowired RecordChanges records;
  @Autowired JdbcClient jdbc;
  @Autowired Sheets sheets;
  @Autowired SpreadsheetTarget target;
  @Autowired SheetLayouts layouts;

  SheetHands people;
  TabLayout requestsTab;
  private int bookings;

  @BeforeEach
  void freshTablesAndSheet() {
    jdbc.sql(
            "truncate sync_queue, sync_log, sync_pauses, sheet_tabs, sheet_written_rows, sheet_row_imports,"
                + " sync_conflicts, sync_reconcile_reports, revenues, operators, requests"
                + " restart identity cascade")
        .update();
    EmptySpreadsheet.create(target, layouts).quota(0, 0);
    people = new SheetHands(sheets, target);
    requestsTab = layouts.forModel(SyncModel.REQUEST);
  }

  UUID newRequest(String customer) {
    bookings++;
    return records.createRequest(
        aRequest().numbered(bookings).customer(customer).notes("window seat").build());
  }

  /** A write-back run; it also stores the written-values base of what it wrote. */
  void writeBackRun() {
    writeBack.runOnce();
  }

  long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  /** The database's record tables and queue, as one comparable text. */
  String databaseState() {
    return jdbc.sql(
            """
            select coalesce((select string_agg(r::text, '|' order by r.id) from requests r), '')
                || coalesce((select string_agg(q::text, '|' order by q.id) from sync_queue q), '')
                || coalesce((select string_agg(c::text, '|' order by c.id) from sync_conflicts c), '')
                || coalesce((select string_agg(w.record_id::text || w.cells::text, '|'
                             order by w.record_id) from sheet_written_rows w), '')
            """)
        .query(String.class)
        .single();
  }

  ReconcileReport reconcile(boolean dryRun) {
    Reconciler.Outcome outcome = reconciler.run(dryRun, "manual");
    if (outcome instanceof Reconciler.Outcome.Done done) {
      return done.report();
    }
    throw new AssertionError("reconcile did not run: " + outcome);
  }
}
