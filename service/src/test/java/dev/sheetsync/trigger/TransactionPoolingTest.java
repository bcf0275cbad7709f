package dev.sheetsync.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sheetsync.queue.SyncQueue;
import dev.sheetsync.system.ClusterLock;
import dev.sheetsync.system.ClusterLock.Held;
import dev.sheetsync.system.ClusterLock.Name;
import dev.sheetsync.testing.EngineTest;
import dev.sheetsync.testing.PgBouncer;
import dev.sheetsync.writeback.WriteBack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One run at a time when {@code DATABASE_URL} points at PgBouncer in transaction mode: two
 * "instances" (each its own connection pool, as two processes would have) take the write-back lock
 * through a real PgBouncer in front of the test database. Skipped, with a message, where the {@code
 * pgbouncer} package is not installed.
 */
@EngineTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionPoolingTest {

  private static final Pattern SERVER = Pattern.compile("//([^:/]+):(\\d+)/([^?]+)");

  @Autowired DataSource direct;
  @Autowired WriteBack writeBack;
  @Autowired SyncQueue queue;
  @Autowired dev.sheetsync.runs.RunHistory runs;
  @Autowired dev.sheetsync.writeback.WriteBackProperties properties;
  @Autowired java.time.Clock clock;

  private PgBouncer bouncer;
  private final List<HikariDataSource> pools = new ArrayList<>();
  private ClusterLock instanceA;
  private ClusterLock instanceB;

  @BeforeAll
  void startPgBouncer() {
    Assumptions.assumeTrue(PgBouncer.binary().isPresent(), PgBouncer.MISSING);
    HikariDataSource server = (HikariDataSource) direct;
    Matcher url = SERVER.matcher(server.getJdbcUrl());
    assertThat(url.find()).as(server.getJdbcUrl()).isTrue();
    bouncer =
        PgBouncer.start(
            url.group(1),
            Integer.parseInt(url.group(2)),
            url.group(3),
            server.getUsername(),
            server.getPassword(),
            3);
    instanceA = lockThroughThePooler();
    instanceB = lockThroughThePooler();
  }

  @AfterAll
  void stopPgBouncer() {
    pools.forEach(HikariDataSource::close);
    if (bouncer != null) {
      bouncer.close();
    }
  }

  @Test
  void sequentialRunsOnTwoInstancesAreNeverRefusedThroughATransactionPooler() {
    for (int run = 0; run < 20; run++) {
      ClusterLock instance = run % 2 == 0 ? instanceA : instanceB;
      Optional<Held> held = instance.tryAcquire(Name.WRITE_BACK);
      assertThat(held).as("run %d found the lock held although nothing runs", run).isPresent();
      held.get().close();
    }
    assertThat(instanceA.isHeldAnywhere(Name.WRITE_BACK)).isFalse();
  }

  @Test
  void whileOneInstanceRunsEveryOtherAttemptThroughThePoolerIsRefused() throws Exception {
    try (Held running = instanceA.tryAcquire(Name.WRITE_BACK).orElseThrow()) {
      for (int attempt = 0; attempt < 10; attempt++) {
        assertThat(instanceB.tryAcquire(Name.WRITE_BACK)).as("attempt %d", attempt).isEmpty();
        assertThat(CompletableFuture.supplyAsync(() -> instanceA.tryAcquire(Name.WRITE_BACK)).get())
            .isEmpty();
      }
      assertThat(instanceB.isHeldAnywhere(Name.WRITE_BACK)).isTrue();
    }
    try (Held next = instanceB.tryAcquire(Name.WRITE_BACK).orElseThrow()) {
      assertThat(next.lockedAt()).isNotNull();
    }
  }

  @Test
  void sequentialTriggersThroughThePoolerAllRunTheWriteBack() {
    WriteBackTrigger trigger =
        new WriteBackTrigger(
            instanceA, writeBack, queue, new SimpleMeterRegistry(), runs, properties, clock);
    WriteBackTrigger otherInstance =
        new WriteBackTrigger(
            instanceB, writeBack, queue, new SimpleMeterRegistry(), runs, properties, clock);

    List<WriteBackOutcome> outcomes = new ArrayList<>();
    for (int run = 0; run < 6; run++) {
      outcomes.add((run % 2 == 0 ? trigger : otherInstance).run(TriggerSource.MANUAL));
    }

    assertThat(outcomes)
        .allSatisfy(o -> assertThat(o).isInstanceOf(WriteBackOutcome.Completed.class));
  }

  private ClusterLock lockThroughThePooler() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(bouncer.jdbcUrl());
    config.setUsername("sheetsync");
    config.setMaximumPoolSize(4);
    HikariDataSource pool = new HikariDataSource(config);
    pools.add(pool);
    return new ClusterLock(pool, JdbcClient.create(pool));
  }
}
