package dev.sheetsync.writeback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.emulator.EmulatorControl;
import dev.sheetsync.emulator.Faults;
import dev.sheetsync.emulator.Quotas;
import dev.sheetsync.emulator.RequestCounts;
import dev.sheetsync.queue.SyncQueue;
import dev.sheetsync.sheets.SheetLayouts;
import dev.sheetsync.sheets.SpreadsheetTarget;
import dev.sheetsync.testing.EmptySpreadsheet;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Drains 10,000 mixed queued changes through the emulator with 100 ms latency per call and Google's
 * default per-user quotas (60 writes and 60 reads a minute), with the production write-back
 * defaults. Not part of the default build: {@code ./mvnw -pl service -am verify -Pbenchmark}.
 */
@SpringBootTest(
    properties = {
      // Production values, not the test profile's fast retries and unlimited quota.
      "sheetsync.writeback.google.initial-backoff=100ms",
      "sheetsync.writeback.google.max-backoff=32s",
      "sheetsync.writeback.google.quota-window=1m",
      "sheetsync.writeback.google.write-requests-per-minute=60",
      "sheetsync.writeback.google.read-requests-per-minute=60"
    })
@ActiveProfiles("test")
@Import(WriteBackBenchmark.Counting.class)
class WriteBackBenchmark {

  private static final int REQUESTS = 1_500;
  private static final int OPERATORS = 1_500;
  private static final int REVENUES = 1_500;
  private static final int WARM_OPERATORS = 250;
  private static final int WARM_REVENUES = 250;

  @TestConfiguration(proxyBeanMethods = false)
  static class Counting {
    @Bean
    static StatementCounter statementCounter() {
      return new StatementCounter();
    }
  }

  @Autowired WriteBack writeBack;
  @Autowired SyncQueue queue;
  @Autowired JdbcClient jdbc;
  @Autowired SpreadsheetTarget target;
  @Autowired SheetLayouts layouts;
  @Autowired WriteBackProperties properties;

  @Test
  void drainsTenThousandMixedChanges() throws IOException {
    EmulatorControl emulator = EmptySpreadsheet.create(target, layouts);
    jdbc.sql(
            "truncate sync_queue, sync_log, sync_pauses, sheet_tabs, sheet_written_rows, sheet_row_imports, sync_conflicts, revenues, operators, requests restart identity cascade")
        .update();
    warmUp(emulator);

    int items = backlog();
    emulator.quota(Quotas.GOOGLE_DEFAULTS);
    emulator.faults(Faults.NONE.withLatencyMs(100));
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    System.gc();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long statementsBefore = StatementCounter.EXECUTED.get();
    RequestCounts before = emulator.requestCounts();

    RunResult result = writeBack.runOnce();

    long statements = StatementCounter.EXECUTED.get() - statementsBefore;
    long peakHeap = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    RequestCounts counts = minus(emulator.requestCounts(), before);
    emulator.clearFaults();
    long writes =
        counts.count("values.append")
            + counts.count("values.batchUpdate")
            + counts.count("spreadsheets.batchUpdate");
    String report =
        """
        write-back benchmark: %d queued changes, batch-size %d, 100 ms latency per Sheets call,
        quotas %d writes + %d reads per minute per user
          wall time                  %.1f s
          result                     processed %d, succeeded %d, skipped %d, failed %d, released %d, batches %d
          Sheets requests by method  %s
          items per write request    %.0f
          SQL statements             %d (%.1f per 100 items, %.1f per batch)
          429s received              %d
          Google retries             %d
          peak heap                  %d MiB
        """
            .formatted(
                items,
                properties.batchSize(),
                Quotas.GOOGLE_DEFAULTS.writeRequestsPerMinutePerUser(),
                Quotas.GOOGLE_DEFAULTS.readRequestsPerMinutePerUser(),
                result.durationMillis() / 1000.0,
                result.processed(),
                result.succeeded(),
                result.skipped(),
                result.failed(),
                result.released(),
                result.batches(),
                new TreeMap<>(counts.byMethod()),
                (double) items / writes,
                statements,
                statements * 100.0 / items,
                (double) statements / result.batches(),
                counts.status429(),
                result.googleRetries(),
                peakHeap / (1024 * 1024));
    System.out.println(report);
    // Why items were released or retried, if any were (empty on a clean run).
    System.out.println(
        "released/failed reasons: "
            + jdbc.sql(
                    "select model, action, left(last_error, 60) as reason, count(*) from sync_queue"
                        + " where last_error is not null group by 1, 2, 3")
                .query()
                .listOfRows());
    Files.writeString(Path.of("target", "benchmark.txt"), report);

    assertThat(queue.stats().pending()).as("drained in one run").isZero();
    assertThat(result.processed()).isEqualTo(items);
    assertThat(counts.status429()).isZero();
  }

  private static RequestCounts minus(RequestCounts after, RequestCounts before) {
    Map<String, Long> byMethod = new TreeMap<>();
    after.byMethod().forEach((m, n) -> byMethod.put(m, n - before.count(m)));
    byMethod.values().removeIf(n -> n == 0);
    return new RequestCounts(
        after.total() - before.total(),
        byMethod,
        after.status429() - before.status429(),
        after.withBearerToken() - before.withBearerToken());
  }

  /**
   * Operators and revenues already in the sheet, so that the backlog's deletes have rows to hit.
   */
  private void warmUp(EmulatorControl emulator) {
    emulator.quota(Quotas.UNLIMITED);
    jdbc.sql(INSERT_REQUESTS).param("n", REQUESTS).update();
    jdbc.sql(
            """
            insert into operators (id, request_id, service_type, supplier_name, cost)
            select gen_random_uuid(), r.id, 'GUIDE', 'Warm supplier ' || r.booking_code, 10
              from requests r order by r.booking_code limit :n
            """)
        .param("n", WARM_OPERATORS)
        .update();
    jdbc.sql(
            """
            insert into revenues (id, request_id, amount)
            select gen_random_uuid(), r.id, 5 from requests r order by r.booking_code limit :n
            """)
        .param("n", WARM_REVENUES)
        .update();
    jdbc.sql(
            """
            insert into sync_queue (action, model, record_id, payload)
            select 'CREATE', 'Operator', id, '{}'::jsonb from operators
            union all select 'CREATE', 'Revenue', id, '{}'::jsonb from revenues
            """)
        .update();
    RunResult warm = writeBack.runOnce();
    assertThat(warm.succeeded()).isEqualTo(WARM_OPERATORS + WARM_REVENUES);
  }

  /**
   * 10,000 items in random order: creates in all three models, updates with many repeats of the
   * same records, and deletes of rows written before.
   */
  private int backlog() {
    jdbc.sql(
            """
            insert into operators (id, request_id, service_date, service_type, supplier_name, cost)
            select gen_random_uuid(), r.id, date '2026-05-01' + (g %% 30), 'HOTEL',
                   'Supplier ' || g, 100 + g
              from generate_series(1, :n) g
              join requests r on r.booking_code = 'BK-' || (1 + g %% %d)
            """
                .formatted(REQUESTS))
        .param("n", OPERATORS)
        .update();
    jdbc.sql(
            """
            insert into revenues (id, request_id, payment_date, amount, method, reference)
            select gen_random_uuid(), r.id, date '2026-04-01' + (g %% 30), 50 + g, 'CARD', '=ref ' || g
              from generate_series(1, :n) g
              join requests r on r.booking_code = 'BK-' || (1 + g %% %d)
            """
                .formatted(REQUESTS))
        .param("n", REVENUES)
        .update();
    jdbc.sql(
            """
            create temporary table warm_deleted as
            select 'Operator' as model, id from operators where supplier_name like 'Warm%'
            union all
            select 'Revenue', id from revenues where amount = 5
            """)
        .update();
    jdbc.sql("delete from operators where id in (select id from warm_deleted)").update();
    jdbc.sql("delete from revenues where id in (select id from warm_deleted)").update();
    int updates = 10_000 - REQUESTS - OPERATORS - REVENUES - WARM_OPERATORS - WARM_REVENUES;
    jdbc.sql(
            """
            insert into sync_queue (action, model, record_id, payload)
            with numbered as (
                select id, row_number() over (order by id) as n from requests)
            select action, model, record_id, '{}'::jsonb from (
                select 'CREATE' as action, 'Request' as model, id as record_id from requests
                union all select 'CREATE', 'Operator', id from operators
                union all select 'CREATE', 'Revenue', id from revenues
                union all select 'DELETE', model, id from warm_deleted
                -- updates: many changes to 600 requests, i.e. many repeats of the same records
                union all
                select 'UPDATE', 'Request', numbered.id
                  from generate_series(1, :updates) g
                  join numbered on numbered.n = 1 + (g * 7919) % 600
            ) changes
            order by random()
            """)
        .param("updates", updates)
        .update();
    jdbc.sql("drop table warm_deleted").update();
    return jdbc.sql("select count(*) from sync_queue where status = 'PENDING'")
        .query(Integer.class)
        .single();
  }

  private static final String INSERT_REQUESTS =
      """
      insert into requests (id, booking_code, customer_name, customer_email, destination,
                            start_date, end_date, pax, total_price, currency, status, notes)
      select gen_random_uuid(), 'BK-' || g, 'Customer ' || g, 'c' || g || '@example.com',
             'Da Nang', date '2026-06-01', date '2026-06-05', 1 + g % 6, 1000 + g * 1.5, 'USD',
             'NEW', case when g % 10 = 0 then '=HYPERLINK("http://x","y")' end
        from generate_series(1, :n) g
      """;
}
