package dev.sheetsync.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sheetsync.testing.EngineTest;
import dev.sheetsync.testing.QueueTime;
import dev.sheetsync.testing.SettableClock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@EngineTest
class SyncQueueTest {

  @Autowired SyncQueue queue;
  @Autowired JdbcClient jdbc;
  @Autowired SettableClock clock;
  @Autowired QueueProperties properties;
  QueueTime time;

  @BeforeEach
  void cleanQueue() {
    jdbc.sql(
            "truncate sync_queue, sync_log, sync_pauses, sheet_tabs, sync_activity_hours restart identity")
        .update();
    clock.reset();
    time = new QueueTime(jdbc);
  }

  @Test
  void dequeueClaimsOldestDueItemsAndLeavesTheRest() {
    insert(3, "now() - interval '1 minute'");
    insert(1, "now() + interval '1 hour'");

    List<QueueItem> claimed = queue.claim(2);

    assertThat(claimed).extracting(QueueItem::id).containsExactly(1L, 2L);
    assertThat(claimed).allSatisfy(i -> assertThat(i.claimedAt()).isNotNull());
    assertThat(statusOf(1)).isEqualTo("PROCESSING");
    assertThat(queue.claim(10)).extracting(QueueItem::id).containsExactly(3L);
    assertThat(queue.claim(10)).isEmpty();
  }

  @Test
  void writtenAndSkippedItemsCompleteWithOneSuccessLogRowEach() {
    insert(2, "now()");
    List<QueueItem> items = queue.claim(2);

    RecordedOutcomes recorded =
        queue.record(
            List.of(
                Outcome.written(items.get(0), "Requests", 7),
                Outcome.skipped(items.get(1), "Requests", null, "superseded by a later DELETE")));

    assertThat(recorded).isEqualTo(new RecordedOutcomes(2, 0, 0, 0));
    assertThat(statusOf(1)).isEqualTo("COMPLETED");
    assertThat(statusOf(2)).isEqualTo("COMPLETED");
    assertThat(queue.stats().completed()).isEqualTo(2);
    List<SyncLogEntry> logs = new SyncLogReader(jdbc).all();
    assertThat(logs)
        .extracting(SyncLogEntry::queueItemId, SyncLogEntry::action, SyncLogEntry::rowIndex)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(1L, "UPDATE", 7),
            org.assertj.core.groups.Tuple.tuple(2L, "UPDATE", null));
    assertThat(logs).allSatisfy(l -> assertThat(l.status()).isEqualTo("SUCCESS"));
  }

  @Test
  void failedAttemptGoesBackToPendingWithAJitteredExponentialBackoff() {
    insert(1, "now()");
    jdbc.sql("update sync_queue set retries = 2").update();
    QueueItem item = queue.claim(1).get(0);
    OffsetDateTime before = jdbc.sql("select now()").query(OffsetDateTime.class).single();

    queue.record(List.of(Outcome.failed(item, "Requests", "HTTP 500")));

    Map<String, Object> row =
        jdbc.sql("select status, retries, last_error, next_attempt_at from sync_queue")
            .query()
            .singleRow();
    assertThat(row).containsEntry("status", "PENDING").containsEntry("retries", 3);
    assertThat(row).containsEntry("last_error", "HTTP 500");
    Duration delay =
        Duration.between(
            before.toInstant(), ((java.sql.Timestamp) row.get("next_attempt_at")).toInstant());
    Duration full = properties.backoffBase().multipliedBy(4); // base * 2^2
    assertThat(delay).isBetween(full.dividedBy(2).minusSeconds(1), full.plusSeconds(1));
    assertThat(queue.claim(1)).as("not due before its backoff").isEmpty();
    time.pass(full.plusSeconds(1));
    assertThat(queue.claim(1)).hasSize(1);
  }

  @Test
  void itemOutOfRetriesIsFailedWithItsLastErrorAndAFailedLogRow() {
    insert(1, "now()");
    for (int attempt = 1; attempt <= properties.maxRetries(); attempt++) {
      QueueItem item = queue.claim(1).get(0);
      queue.record(List.of(Outcome.failed(item, "Requests", "HTTP 503 attempt " + attempt)));
      time.pass(properties.backoffMax().plusSeconds(1));
    }

    assertThat(queue.claim(1)).isEmpty();
    assertThat(queue.recentDeadLetters(10))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.lastError()).isEqualTo("HTTP 503 attempt " + properties.maxRetries());
              assertThat(f.retries()).isEqualTo(properties.maxRetries());
            });
    assertThat(new SyncLogReader(jdbc).all())
        .hasSize(properties.maxRetries())
        .allSatisfy(l -> assertThat(l.status()).isEqualTo("FAILED"));
  }

  @Test
  void permanentFailureFailsAtOnce() {
    insert(1, "now()");
    QueueItem item = queue.claim(1).get(0);

    queue.record(List.of(Outcome.failedPermanently(item, "Requests", "record not found")));

    assertThat(statusOf(1)).isEqualTo("FAILED");
    assertThat(queue.stats().failed()).isEqualTo(1);
  }

  @Test
  void releasedItemIsDueAgainWithoutCountingAnAttempt() {
    insert(1, "now()");
    QueueItem item = queue.claim(1).get(0);

    queue.record(List.of(Outcome.released(item, "row moved while writing")));

    assertThat(queue.claim(1)).singleElement().extracting(QueueItem::retries).isEqualTo(0);
  }

  @Test
  void expiredLeasesGoBackToPendingCountingAnAttemptAndOnlyThey() {
    insert(2, "now()");
    queue.claim(1);
    time.pass(Duration.ofMinutes(11));
    queue.claim(1);

    assertThat(queue.releaseExpiredLeases(Duration.ofMinutes(10))).isEqualTo(1);

    assertThat(statusOf(1)).isEqualTo("PENDING");
    assertThat(statusOf(2)).isEqualTo("PROCESSING");
    assertThat(
            jdbc.sql("select retries from sync_queue where id = 1").query(Integer.class).single())
        .isEqualTo(1);
  }

  @Test
  void anExpiredLeaseNeverFailsAnItemHoweverOftenItsWorkerDied() {
    insert(1, "now()");
    for (int crash = 0; crash < 8; crash++) {
      assertThat(queue.claim(1)).hasSize(1);
      time.pass(Duration.ofMinutes(11));
      assertThat(queue.releaseExpiredLeases(Duration.ofMinutes(10))).isEqualTo(1);
    }

    assertThat(statusOf(1)).isEqualTo("PENDING");
    assertThat(
            jdbc.sql("select retries from sync_queue where id = 1").query(Integer.class).single())
        .isEqualTo(8);
  }

  @Test
  void lateWorkerCannotOverwriteAnItemThatWasResetAndClaimedAgain() {
    insert(1, "now()");
    QueueItem lateClaim = queue.claim(1).get(0);
    time.pass(Duration.ofMinutes(11));
    queue.releaseExpiredLeases(Duration.ofMinutes(10));
    QueueItem currentClaim = queue.claim(1).get(0);

    RecordedOutcomes late = queue.record(List.of(Outcome.written(lateClaim, "Requests", 2)));

    assertThat(late.lost()).isEqualTo(1);
    assertThat(statusOf(1)).isEqualTo("PROCESSING");
    assertThat(new SyncLogReader(jdbc).all()).isEmpty();
    assertThat(queue.record(List.of(Outcome.written(currentClaim, "Requests", 2))).completed())
        .isEqualTo(1);
  }

  @Test
  void lockHolderReleasesClaimsMadeBeforeItsLockAndTheirLateWorkerCannotRecordOverThem() {
    insert(2, "now()");
    QueueItem deadRunsClaim = queue.claim(1).get(0);
    OffsetDateTime lockedAt =
        jdbc.sql("select clock_timestamp()").query(OffsetDateTime.class).single();
    QueueItem ownClaim = queue.claim(1).get(0);

    assertThat(queue.releaseAbandoned(lockedAt)).isEqualTo(1);

    assertThat(statusOf(deadRunsClaim.id())).isEqualTo("PENDING");
    assertThat(statusOf(ownClaim.id())).isEqualTo("PROCESSING");
    assertThat(queue.record(List.of(Outcome.written(deadRunsClaim, "Requests", 2))).lost())
        .isEqualTo(1);
    assertThat(queue.claim(1))
        .singleElement()
        .extracting(QueueItem::id)
        .isEqualTo(deadRunsClaim.id());
  }

  @Test
  void cleanupDeletesOnlyOldCompletedItemsAndOldLogRows() {
    insert(3, "now()");
    List<QueueItem> items = queue.claim(2);
    queue.record(items.stream().map(i -> Outcome.written(i, "Requests", 2)).toList());
    time.pass(Duration.ofDays(8));
    queue.record(List.of(Outcome.written(queue.claim(1).get(0), "Requests", 3)));

    CleanupResult first = queue.cleanupCompleted(Duration.ofDays(7), Duration.ofDays(30));
    time.pass(Duration.ofDays(23));
    CleanupResult second = queue.cleanupCompleted(Duration.ofDays(7), Duration.ofDays(30));

    assertThat(first).isEqualTo(new CleanupResult(2, 0));
    assertThat(second).isEqualTo(new CleanupResult(1, 2));
    assertThat(queue.stats().total()).isZero();
  }

  @Test
  void cleanupWorksInChunksUntilNothingOldIsLeft() {
    insert(25, "now()");
    jdbc.sql("update sync_queue set status = 'COMPLETED', processed_at = now() - interval '8 days'")
        .update();
    var chunked =
        new QueueMaintenance(
            jdbc,
            new QueueProperties(
                5,
                Duration.ofSeconds(30),
                Duration.ofHours(1),
                Duration.ofMinutes(10),
                null,
                Duration.ofDays(7),
                Duration.ofDays(30),
                10));

    assertThat(chunked.cleanup(Duration.ofDays(7), Duration.ofDays(30)).queueItemsDeleted())
        .isEqualTo(25);
  }

  @Test
  void statsCountEveryStatusAndTheAgeOfTheOldestDueItem() {
    insert(4, "now() - interval '1 second'");
    jdbc.sql("update sync_queue set created_at = now() - interval '90 seconds' where id = 3")
        .update();
    jdbc.sql("update sync_queue set status = 'FAILED' where id = 4").update();
    queue.markComplete(List.of(queue.claim(1).get(0).id()));
    queue.claim(1);

    QueueStats stats = queue.stats();

    assertThat(stats)
        .extracting(
            QueueStats::pending,
            QueueStats::processing,
            QueueStats::completed,
            QueueStats::failed,
            QueueStats::total)
        .containsExactly(1L, 1L, 1L, 1L, 4L);
    assertThat(stats.oldestPendingAgeSeconds()).isBetween(89L, 100L);
    queue.claim(1);
    assertThat(queue.stats().oldestPendingAgeSeconds()).isNull();
  }

  @Test
  void oldestWaitingAgeCountsItemsBackingOffAfterAFailedAttempt() {
    insert(2, "now()");
    jdbc.sql("update sync_queue set created_at = now() - interval '10 minutes'").update();
    List<QueueItem> items = queue.claim(2);
    queue.markFailed(
        Map.of(items.get(0).id(), "Google answered 403", items.get(1).id(), "Google answered 403"));

    QueueStats stats = queue.stats();

    // Both wait on a backoff: none is due, yet both have waited ten minutes.
    assertThat(queue.claim(10)).isEmpty();
    assertThat(stats.pending()).isEqualTo(2);
    assertThat(stats.retrying()).isEqualTo(2);
    assertThat(stats.oldestPendingAgeSeconds()).isBetween(599L, 620L);
  }

  @Test
  void waitingListsRetryingItemsWithTheirNextAttemptAndTheBookingFromTheSnapshot() {
    jdbc.sql(
            """
            insert into sync_queue (action, model, record_id, payload)
            values ('UPDATE', 'Request', gen_random_uuid(),
                    '{"bookingCode":"BK-7","customerName":"Ann Lee"}'),
                   ('CREATE', 'Operator', gen_random_uuid(),
                    '{"request.bookingCode":"BK-8","request.customerName":"Bo Chen"}'),
                   ('UPDATE', 'Revenue', gen_random_uuid(), '{}')
            """)
        .update();
    List<QueueItem> items = queue.claim(2);
    queue.markFailed(Map.of(items.get(0).id(), "Google answered 503"));
    queue.markFailed(Map.of(items.get(1).id(), "Google answered 503"));

    List<WaitingItem> waiting = queue.waiting(10);

    assertThat(waiting)
        .extracting(WaitingItem::bookingCode, WaitingItem::customer, WaitingItem::attempt)
        .containsExactlyInAnyOrder(tuple("BK-7", "Ann Lee", 2), tuple("BK-8", "Bo Chen", 2));
    assertThat(waiting)
        .allSatisfy(
            w -> {
              assertThat(w.maxAttempts()).isEqualTo(properties.maxRetries());
              assertThat(w.lastError()).isEqualTo("Google answered 503");
              assertThat(w.nextAttemptAt()).isAfter(java.time.OffsetDateTime.now(clock));
            });
  }

  @Test
  void retryMakesWaitingItemsDueAndKeepsTheirAttempts() {
    insert(3, "now()");
    List<QueueItem> items = queue.claim(3);
    queue.markFailed(
        Map.of(
            items.get(0).id(), "503",
            items.get(1).id(), "503",
            items.get(2).id(), "503"));

    assertThat(queue.retry(items.get(0).id())).isEqualTo(RetryResult.RETRIED);
    assertThat(queue.retry(items.get(0).id())).as("already due").isEqualTo(RetryResult.NOT_FAILED);
    assertThat(queue.retryAllWaitingNow()).isEqualTo(2);

    assertThat(queue.claim(10)).hasSize(3).allSatisfy(i -> assertThat(i.retries()).isOne());
  }

  @Test
  void completedCountIncludesItemsCompletedBeforeThisHourUntilTheCleanupRemovesThem() {
    insert(5, "now()");
    jdbc.sql(
            """
            update sync_queue set status = 'COMPLETED', processed_at = now() - interval '8 days'
             where id <= 3
            """)
        .update();
    jdbc.sql("update sync_queue set status = 'COMPLETED', processed_at = now() where id = 4")
        .update();

    assertThat(queue.stats().completed()).isEqualTo(4);
    assertThat(queue.cleanupCompleted(Duration.ofDays(7), Duration.ofDays(30)).queueItemsDeleted())
        .isEqualTo(3);
    assertThat(queue.stats())
        .extracting(QueueStats::completed, QueueStats::total)
        .containsExactly(1L, 2L);
  }

  @Test
  void retryGivesFailedItemsAFreshStart() {
    insert(3, "now()");
    jdbc.sql("update sync_queue set status = 'FAILED', retries = 5, last_error = 'boom'").update();

    assertThat(queue.retry(1)).isEqualTo(RetryResult.RETRIED);
    assertThat(queue.retry(1)).as("no longer FAILED").isEqualTo(RetryResult.NOT_FAILED);
    assertThat(queue.retry(99)).isEqualTo(RetryResult.NOT_FOUND);
    assertThat(queue.retryAllDeadLetters()).isEqualTo(2);

    assertThat(queue.claim(10)).hasSize(3).allSatisfy(i -> assertThat(i.retries()).isZero());
  }

  @Test
  void idBasedFailureCountsAnAttempt() {
    insert(1, "now()");
    queue.claim(1);

    queue.markFailed(1L, "boom");

    assertThat(queue.stats().pending()).isEqualTo(1);
    assertThat(jdbc.sql("select retries from sync_queue").query(Integer.class).single())
        .isEqualTo(1);
  }

  private void insert(int n, String nextAttemptAt) {
    jdbc.sql(
            """
            insert into sync_queue (action, model, record_id, payload, next_attempt_at)
            select 'UPDATE', 'Request', gen_random_uuid(), '{}', %s from generate_series(1, :n)
            """
                .formatted(nextAttemptAt))
        .param("n", n)
        .update();
  }

  private String statusOf(long id) {
    return jdbc.sql("select status from sync_queue where id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }

  /** Every log row, through the public reader. */
  record SyncLogReader(JdbcClient jdbc) {
    List<SyncLogEntry> all() {
      return new SyncLog(jdbc).recentWriteBackLogs(1000);
    }
  }
}
