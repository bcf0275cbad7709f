package dev.sheetsync.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.testing.EngineTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@EngineTest
class ClaimRaceTest {

  private static final int ITEMS = 2_000;

  @Autowired SyncQueue queue;
  @Autowired JdbcClient jdbc;

  @Test
  void twoClaimersRacingOverTheSameItemsClaimEachItemExactlyOnce() throws Exception {
    jdbc.sql(
            "truncate sync_queue, sync_log, sync_pauses, sheet_tabs, sync_activity_hours restart identity")
        .update();
    jdbc.sql(
            """
            insert into sync_queue (action, model, record_id, payload)
            select 'UPDATE', 'Request', gen_random_uuid(), '{}' from generate_series(1, :n)
            """)
        .param("n", ITEMS)
        .update();
    CyclicBarrier start = new CyclicBarrier(2);
    Callable<List<Long>> claimer =
        () -> {
          start.await();
          List<Long> mine = new ArrayList<>();
          List<QueueItem> batch;
          while (!(batch = queue.claim(7)).isEmpty()) {
            batch.forEach(i -> mine.add(i.id()));
          }
          return mine;
        };

    List<Long> all = new ArrayList<>();
    List<List<Long>> perThread = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<Long>>> futures = List.of(pool.submit(claimer), pool.submit(claimer));
      for (Future<List<Long>> f : futures) {
        perThread.add(f.get());
        all.addAll(perThread.get(perThread.size() - 1));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(all).hasSize(ITEMS).doesNotHaveDuplicates();
    assertThat(perThread).allSatisfy(ids -> assertThat(ids).isNotEmpty());
    assertThat(queue.stats().processing()).isEqualTo(ITEMS);
  }
}
