package dev.sheetsync.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.records.Change;
import dev.sheetsync.records.SyncAction;
import dev.sheetsync.records.SyncModel;
import dev.sheetsync.testing.EngineTest;
import dev.sheetsync.testing.SettableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service's clock drifting away from its database's (a container without time sync) must not
 * change what the queue does: it keeps time by the database's clock only.
 */
@EngineTest
class QueueClockSkewTest {

  @Autowired SyncQueue queue;
  @Autowired Outbox outbox;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;
  @Autowired SettableClock clock;
  @Autowired QueueProperties properties;

  @BeforeEach
  void cleanQueue() {
    jdbc.sql("truncate sync_queue, sync_log restart identity").update();
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @ParameterizedTest(name = "service clock {0} minutes off")
  @ValueSource(ints = {-10, 10})
  void newChangeIsDueAtOnceAndReportedWithItsTrueAgeWhateverTheServiceClockSays(int skewMinutes) {
    clock.advance(Duration.ofMinutes(skewMinutes));
    record();

    assertThat(queue.stats().oldestPendingAgeSeconds()).isNotNull().isBetween(0L, 30L);
    assertThat(queue.claim(10)).hasSize(1);
  }

  @ParameterizedTest(name = "service clock {0} minutes off")
  @ValueSource(ints = {-10, 10})
  void backoffAfterAFailedAttemptIsMeasuredOnTheDatabaseClock(int skewMinutes) {
    clock.advance(Duration.ofMinutes(skewMinutes));
    record();
    QueueItem item = queue.claim(1).get(0);

    queue.record(List.of(Outcome.failed(item, "Requests", "HTTP 503")));

    double delaySeconds =
        jdbc.sql("select extract(epoch from next_attempt_at - now()) from sync_queue")
            .query(Double.class)
            .single();
    assertThat(delaySeconds).isBetween(-1.0, properties.backoffBase().toSeconds() + 1.0);
  }

  @ParameterizedTest(name = "service clock {0} minutes off")
  @ValueSource(ints = {-10, 10})
  void freshClaimIsNotResetAsStuckAndAnOldOneIs(int skewMinutes) {
    record();
    record();
    queue.claim(1);
    jdbc.sql("update sync_queue set claimed_at = now() - interval '11 minutes' where id = 1")
        .update();
    clock.advance(Duration.ofMinutes(skewMinutes));
    queue.claim(1);

    assertThat(queue.releaseExpiredLeases(Duration.ofMinutes(10))).isEqualTo(1);
    assertThat(jdbc.sql("select status from sync_queue order by id").query(String.class).list())
        .containsExactly("PENDING", "PROCESSING");
  }

  private void record() {
    transactions.executeWithoutResult(
        status ->
            outbox.record(
                new Change(
                    SyncAction.UPDATE, SyncModel.REQUEST, UUID.randomUUID(), null, Map.of())));
  }
}
