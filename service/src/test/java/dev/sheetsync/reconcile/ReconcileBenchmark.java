package dev.sheetsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.AppendDimensionRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.ValueRange;
import com.sun.management.OperatingSystemMXBean;
import dev.sheetsync.conflicts.Written;
import dev.sheetsync.conflicts.WrittenCells;
import dev.sheetsync.emulator.EmulatorControl;
import dev.sheetsync.emulator.RequestCounts;
import dev.sheetsync.records.RecordSnapshots;
import dev.sheetsync.records.SyncModel;
import dev.sheetsync.sheets.CellDisplay;
import dev.sheetsync.sheets.RowMapper;
import dev.sheetsync.sheets.RowMode;
import dev.sheetsync.sheets.SheetLayouts;
import dev.sheetsync.sheets.SpreadsheetTarget;
import dev.sheetsync.sheets.TabLayout;
import dev.sheetsync.testing.EmptySpreadsheet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciles 50,000 requests, 100,000 operators and 50,000 revenues, each in its row (100 operator
 * rows left out, 100 requests changed behind the outbox's back), and prints the Sheets reads, wall
 * and CPU time and peak heap. The sheet is seeded through the emulator's API (formula columns left
 * empty: the emulator would evaluate 200,000 SUMIFs on every read), the database and the base with
 * SQL. The emulator runs in a process of its own, so that the heap measured is the service's alone
 * (run it with {@code -DargLine=-Xmx512m} to hold it to the 512 MB). Not part of the
 * default build: {@code ./mvnw -pl service -am verify -Pbenchmark -Dtest=ReconcileBenchmark
 * -DargLine=-Xmx512m}.
 */
@SpringBootTest
@ActiveProfiles("test")
class ReconcileBenchmark {

  private static Process emulatorProcess;
  private static EmulatorControl emulator;

  /** A standalone emulator (its own JVM), started before the service and pointed at. */
  @DynamicPropertySource
  static void standaloneEmulator(DynamicPropertyRegistry properties) throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    emulatorProcess =
        new ProcessBuilder(
                java,
                "-Xmx2g",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.sheetsync.emulator.EmulatorMain",
                "--port",
                Integer.toString(port),
                "--unlimited-quota")
            .inheritIO()
            .start();
    emulator = EmulatorControl.remote("http://localhost:" + port + "/");
    long until = System.nanoTime() + 60_000_000_000L;
    while (true) {
      try {
        emulator.requestCounts();
        break;
      } catch (RuntimeException e) {
        if (System.nanoTime() > until) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
    properties.add("sheetsync.sheets.emulator-host", () -> "localhost:" + port);
  }

  @AfterAll
  static void stopEmulator() {
    if (emulatorProcess != null) {
      emulatorProcess.destroy();
    }
  }

  private static final int REQUESTS = 50_000;
  private static final int OPERATORS_PER_REQUEST = 2;
  private static final int CHUNK = 5_000;
  private static final int FAULTS = 100;

  @Autowired Reconciler reconciler;
  @Autowired RecordSnapshots snapshots;
  @Autowired WrittenCells written;
  @Autowired RowMapper mapper;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired Sheets sheets;
  @Autowired SpreadsheetTarget target;
  @Autowired SheetLayouts layouts;

  @Test
  void reconcilesTwoHundredThousandRows() throws IOException {
    EmptySpreadsheet.create(emulator, target.spreadsheetId(), layouts);
    emulator.quota(0, 0);
    seedDatabase();
    for (TabLayout tab : layouts.tabs()) {
      seedSheetAndBase(tab);
    }
    jdbc.sql(
            """
            update requests set customer_name = customer_name || ' (renamed)'
             where id in (select id from requests order by booking_code limit :n)
            """)
        .param("n", FAULTS)
        .update();

    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    System.gc();
    long baseline = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuBefore = threads.getCurrentThreadCpuTime();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long processCpuBefore = os.getProcessCpuTime();
    RequestCounts before = emulator.requestCounts();
    long start = System.nanoTime();

    Reconciler.Outcome outcome = reconciler.run(true, "manual");

    long wallMillis = (System.nanoTime() - start) / 1_000_000;
    long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;
    long processCpuMillis = (os.getProcessCpuTime() - processCpuBefore) / 1_000_000;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    Map<String, Long> reads = new TreeMap<>();
    emulator.requestCounts().byMethod().forEach((m, n) -> reads.put(m, n - before.count(m)));
    reads.values().removeIf(n -> n == 0);
    ReconcileReport report = ((Reconciler.Outcome.Done) outcome).report();
    String figures =
        """
        reconcile benchmark: %d requests, %d operators, %d revenues (one row each, %d operator rows
        left out, %d requests changed without the outbox), emulator in its own process, no latency
          Sheets requests            %s
          wall time                  %.1f s
          CPU time                   %.1f s (the reconciling thread), %.1f s (the service's process)
          heap                       %d MiB before (after GC), peak %d MiB (sum of the pools' peaks),
                                     max %d MiB (-Xmx)
          summary                    %s
        """
            .formatted(
                REQUESTS,
                REQUESTS * OPERATORS_PER_REQUEST,
                REQUESTS,
                FAULTS,
                FAULTS,
                reads,
                wallMillis / 1000.0,
                cpuMillis / 1000.0,
                processCpuMillis / 1000.0,
                baseline / (1024 * 1024),
                peak / (1024 * 1024),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                report.summary());
    System.out.println(figures);
    Files.writeString(Path.of("target", "reconcile-benchmark.txt"), figures);

    assertThat(reads.values().stream().mapToLong(Long::longValue).sum()).isLessThanOrEqualTo(4);
    assertThat(report.summary().rows()).isEqualTo(4 * REQUESTS - FAULTS);
    assertThat(report.summary().missing()).isEqualTo(FAULTS);
    assertThat(report.summary().stale())
        .as("the renamed requests' rows and their operators' rows (Customer)")
        .isEqualTo(FAULTS * (1 + OPERATORS_PER_REQUEST));
    assertThat(report.summary().duplicates() + report.summary().orphans()).isZero();
  }

  private void seedDatabase() {
    jdbc.sql(
            "truncate sync_queue, sync_log, sync_pauses, sheet_tabs, sheet_written_rows, sheet_row_imports,"
                + " sync_conflicts, sync_reconcile_reports, revenues, operators, requests"
                + " restart identity cascade")
        .update();
    jdbc.sql(
            """
            insert into requests (id, booking_code, customer_name, customer_phone, customer_email,
                                  destination, start_date, end_date, pax, total_price, currency,
                                  status, notes)
            select gen_random_uuid(), 'BK-' || lpad(g::text, 6, '0'), 'Customer ' || g,
                   '+84 90 ' || g, 'c' || g || '@example.com', 'Da Nang', date '2026-06-01',
                   date '2026-06-05', 1 + g % 6, 1000 + g * 1.5, 'USD', 'NEW', 'note ' || g
              from generate_series(1, :n) g
            """)
        .param("n", REQUESTS)
        .update();
    jdbc.sql(
            """
            insert into operators (id, request_id, service_date, service_type, supplier_name,
                                   description, cost, notes)
            select gen_random_uuid(), r.id, date '2026-06-02', 'HOTEL', 'Supplier ' || k,
                   'two nights', 80 + k, null
              from requests r cross join generate_series(1, :k) k
            """)
        .param("k", OPERATORS_PER_REQUEST)
        .update();
    jdbc.sql(
            """
            insert into revenues (id, request_id, payment_date, amount, method, reference)
            select gen_random_uuid(), r.id, date '2026-05-01', 500, 'CARD', 'ref ' || r.booking_code
              from requests r
            """)
        .update();
  }

  /** The tab's rows as the write-back writes them, in bulk, and the base it would have stored. */
  private void seedSheetAndBase(TabLayout tab) throws IOException {
    int sheetId = sheetId(tab);
    List<List<Object>> chunk = new ArrayList<>();
    List<Written> base = new ArrayList<>();
    int[] next = {tab.firstDataRow()};
    int[] seen = {0};
    transactions.executeWithoutResult(
        tx ->
            snapshots.forEach(
                tab.model(),
                record -> {
                  seen[0]++;
                  List<Object> row = mapper.toRow(tab, record, tab.firstDataRow(), RowMode.UPDATE);
                  Map<String, String> cells = new LinkedHashMap<>();
                  for (int i = 0; i < tab.width(); i++) {
                    if (tab.columns().get(i).owned()) {
                      cells.put(tab.columns().get(i).header(), CellDisplay.ofSent(row.get(i)));
                    }
                  }
                  base.add(new Written(tab.model(), record.id(), cells, false));
                  boolean leftOut = tab.model() == SyncModel.OPERATOR && seen[0] % 1_000 == 0;
                  if (!leftOut) {
                    chunk.add(row);
                  }
                  if (chunk.size() == CHUNK) {
                    write(tab, sheetId, next, chunk);
                  }
                  if (base.size() == CHUNK) {
                    written.store(base);
                    base.clear();
                  }
                }));
    write(tab, sheetId, next, chunk);
    transactions.executeWithoutResult(tx -> written.store(base));
  }

  private void write(TabLayout tab, int sheetId, int[] next, List<List<Object>> rows) {
    if (rows.isEmpty()) {
      return;
    }
    try {
      sheets
          .spreadsheets()
          .batchUpdate(
              target.spreadsheetId(),
              new BatchUpdateSpreadsheetRequest()
                  .setRequests(
                      List.of(
                          new Request()
                              .setAppendDimension(
                                  new AppendDimensionRequest()
                                      .setSheetId(sheetId)
                                      .setDimension("ROWS")
                                      .setLength(rows.size())))))
          .execute();
      sheets
          .spreadsheets()
          .values()
          .update(
              target.spreadsheetId(),
              RowMapper.quoteTabName(tab.tabName()) + "!A" + next[0],
              new ValueRange().setValues(new ArrayList<>(rows)))
          .setValueInputOption("USER_ENTERED")
          .execute();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    next[0] += rows.size();
    rows.clear();
  }

  private int sheetId(TabLayout tab) throws IOException {
    return sheets.spreadsheets().get(target.spreadsheetId()).execute().getSheets().stream()
        .filter(s -> s.getProperties().getTitle().equals(tab.tabName()))
        .findFirst()
        .orElseThrow()
        .getProperties()
        .getSheetId();
  }
}
