package dev.sheetsync.writeback;

import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesRequest;
import com.google.api.services.sheets.v4.model.ValueRange;
import dev.sheetsync.emulator.EmulatorControl;
import dev.sheetsync.emulator.RequestCounts;
import dev.sheetsync.sheets.SheetLayouts;
import dev.sheetsync.sheets.SpreadsheetTarget;
import dev.sheetsync.testing.EmptySpreadsheet;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The read-in's cost on a 50,000-row Requests tab: Sheets read requests per run and the CPU time of
 * the run's thread, once with nothing to apply (the pure diff) and once with 200 people's edits.
 * Not part of the default build: {@code ./mvnw -pl service -am verify -Pbenchmark}.
 */
@SpringBootTest
@ActiveProfiles("test")
class ReadInBenchmark {

  private static final int ROWS = 50_000;
  private static final int EDITS = 100;

  @Autowired ReadIn readIn;
  @Autowired SheetReader reader;
  @Autowired RunClock time;
  @Autowired JdbcClient jdbc;
  @Autowired Sheets sheets;
  @Autowired SpreadsheetTarget target;
  @Autowired SheetLayouts layouts;

  @Test
  void readsInFiftyThousandRows() throws IOException, GoogleCallException {
    EmulatorControl emulator = EmptySpreadsheet.create(target, layouts);
    jdbc.sql(
            "truncate sync_queue, sync_log, sync_pauses, sheet_tabs, sheet_written_rows, sheet_row_imports,"
                + " sync_conflicts, revenues, operators, requests restart identity cascade")
        .update();
    jdbc.sql(
            """
            insert into requests (id, booking_code, customer_name, pax, total_price, currency,
                                  status, created_at, updated_at)
            select gen_random_uuid(), 'BK-' || n, 'Customer ' || n, 2, 100, 'USD', 'CONFIRMED',
                   now(), now()
              from generate_series(1, :rows) n
            """)
        .param("rows", ROWS)
        .update();
    jdbc.sql(
            """
            insert into sheet_written_rows (model, record_id, cells)
            select 'Request', id, jsonb_build_object('Status', 'CONFIRMED', 'Staff Notes', '')
              from requests
            """)
        .update();
    List<String> ids =
        jdbc.sql("select id::text from requests order by booking_code").query(String.class).list();
    writeColumns(ids);

    long[] quiet = measure();
    editSomeRows(ids);
    long[] edited = measure();

    String report =
        """
        read-in benchmark: %d Requests rows (ID, Status two-way, Staff Notes sheet-to-db)
          nothing to apply   %d read request(s), wall %d ms, CPU %d ms of the run's thread
          %d edits applied   %d read request(s), wall %d ms, CPU %d ms of the run's thread
        """
            .formatted(
                ROWS, quiet[0], quiet[1], quiet[2], edited[3], edited[0], edited[1], edited[2]);
    System.out.println(report);
    Files.writeString(Path.of("target", "readin-benchmark.txt"), report);
  }

  /** {read requests, wall ms, CPU ms, applied}. */
  private long[] measure() throws IOException, GoogleCallException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long deadline = time.deadline(Duration.ofMinutes(2));
    Tabs tabs = reader.look(deadline);
    RequestCounts before = target.emulator().control().requestCounts();
    long cpu = threads.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    ReadIn.Result result = readIn.run(tabs, Set.of(), deadline);
    long wallMs = (System.nanoTime() - wall) / 1_000_000;
    long cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
    long reads =
        target.emulator().control().requestCounts().count("values.batchGet")
            - before.count("values.batchGet");
    return new long[] {reads, wallMs, cpuMs, result.applied()};
  }

  private void writeColumns(List<String> ids) throws IOException {
    new People(sheets, target).growRows("Requests", ids.size() + 10);
    for (int from = 0; from < ids.size(); from += 10_000) {
      List<List<Object>> keys = new ArrayList<>();
      List<List<Object>> statuses = new ArrayList<>();
      for (int i = from; i < Math.min(ids.size(), from + 10_000); i++) {
        keys.add(List.of(ids.get(i)));
        statuses.add(List.of("CONFIRMED"));
      }
      int first = from + 2;
      int last = first + keys.size() - 1;
      batch(
          List.of(
              new ValueRange().setRange("'Requests'!A" + first + ":A" + last).setValues(keys),
              new ValueRange().setRange("'Requests'!N" + first + ":N" + last).setValues(statuses)));
    }
  }

  private void editSomeRows(List<String> ids) throws IOException {
    List<ValueRange> data = new ArrayList<>();
    for (int i = 0; i < EDITS; i++) {
      int row = 2 + i * (ids.size() / EDITS);
      data.add(new ValueRange().setRange("'Requests'!N" + row).setValues(List.of(List.of("paid"))));
      data.add(
          new ValueRange()
              .setRange("'Requests'!P" + (row + 1))
              .setValues(List.of(List.of("note " + i))));
    }
    // "paid" is no request status: those are refused as conflicts; the notes are applied.
    batch(data);
  }

  private void batch(List<ValueRange> data) throws IOException {
    sheets
        .spreadsheets()
        .values()
        .batchUpdate(
            target.spreadsheetId(),
            new BatchUpdateValuesRequest().setValueInputOption("RAW").setData(data))
        .execute();
  }
}
