package dev.sheetsync.queue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Resets, retries, id-based marks and cleanup: each one statement (cleanup: one per chunk). */
@Component
class QueueMaintenance {

  /**
   * A claim is a lease: held for {@code sheetsync.queue.lease}, after which its worker is presumed
   * dead. A worker that died mid-run (a deploy, a SIGKILL, a lost host) leaves its whole claim
   * PROCESSING. The reset counts an attempt and backs off like a failed attempt, but never fails
   * the item by itself: the items did nothing wrong, and a crash-looping fleet would otherwise turn
   * a backlog into FAILED items that never reach the sheet. An item that really kills its worker
   * every time keeps coming back at most once per {@code backoff-max}, visible by its retries and
   * last error.
   */
  private static final String RELEASE_EXPIRED =
      """
      update sync_queue
         set retries = retries + 1,
             last_error = 'abandoned in PROCESSING since ' || claimed_at,
             status = 'PENDING',
             next_attempt_at = now()
       where status = 'PROCESSING'
         and claimed_at < now() - cast(:leaseMs as bigint) * interval '1 millisecond'
      """;

  /**
   * The same release, without waiting for the lease to expire: run by the holder of the
   * cluster-wide write-back lock right after taking it. Every run claims only while holding that
   * lock, so an item claimed before the lock was granted belongs to a run that no longer holds it:
   * finished or dead. Claims made after that moment (this run's own) are left alone. Fenced like
   * every outcome: a worker that is in fact still alive cannot record over a released item, because
   * its claim ({@code claimed_at}) no longer matches.
   */
  private static final String RELEASE_ABANDONED =
      """
      update sync_queue
         set retries = retries + 1,
             last_error = 'abandoned in PROCESSING since ' || claimed_at
                          || ' by a run that no longer holds the write-back lock',
             status = 'PENDING',
             next_attempt_at = now()
       where status = 'PROCESSING' and claimed_at < :lockedAt
      """;

  private static final String COMPLETE_BY_ID =
      """
      update sync_queue set status = 'COMPLETED', processed_at = now()
       where id = any(cast(:ids as bigint[])) and status = 'PROCESSING'
      """;

  private static final String RETRY =
      """
      update sync_queue
         set status = 'PENDING', retries = 0, next_attempt_at = now(), processed_at = null
       where status = 'FAILED' and (:all or id = :id)
      """;

  private static final String STATUS = "select status from sync_queue where id = :id";

  /**
   * "Retry now" for items backing off after failed attempts: due at once, attempts kept, so that an
   * admin who fixed the cause (shared the spreadsheet again) need not wait up to {@code
   * backoff-max}, and an item that keeps failing still ends FAILED after {@code max-retries}.
   */
  private static final String DUE_NOW =
      """
      update sync_queue set next_attempt_at = now()
       where status = 'PENDING' and next_attempt_at > now() and (:all or id = :id)
      """;

  /** Deletes in chunks: short transactions, no long locks on a table the run is using. */
  private static final String DELETE_COMPLETED =
      """
      delete from sync_queue where id in (
          select id from sync_queue
           where status = 'COMPLETED'
             and processed_at < now() - cast(:ageMs as bigint) * interval '1 millisecond'
           limit :chunk)
      """;

  private static final String DELETE_LOGS =
      """
      delete from sync_log where id in (
          select id from sync_log
           where synced_at < now() - cast(:ageMs as bigint) * interval '1 millisecond'
           limit :chunk)
      """;

  private final JdbcClient jdbc;
  private final QueueProperties properties;

  QueueMaintenance(JdbcClient jdbc, QueueProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  int releaseExpired(Duration lease) {
    return jdbc.sql(RELEASE_EXPIRED).param("leaseMs", lease.toMillis()).update();
  }

  int releaseAbandoned(OffsetDateTime lockedAt) {
    return jdbc.sql(RELEASE_ABANDONED).param("lockedAt", lockedAt).update();
  }

  int markComplete(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    return jdbc.sql(COMPLETE_BY_ID).param("ids", ids.toArray(Long[]::new)).update();
  }

  /**
   * Retries one item by its state: a FAILED one from scratch, a PENDING one that waits for a later
   * attempt at once. {@link #RETRY} only touches FAILED items and {@link #DUE_NOW} only PENDING
   * ones that are not due, so a change between the status read and the update is harmless: the
   * update then matches nothing and the answer is {@link RetryResult#NOT_FAILED}.
   */
  RetryResult retryOne(long id) {
    String status = jdbc.sql(STATUS).param("id", id).query(String.class).optional().orElse(null);
    if (status == null) {
      return RetryResult.NOT_FOUND;
    }
    int retried =
        switch (status) {
          case "FAILED" -> retry(id);
          case "PENDING" -> dueNow(id);
          default -> 0;
        };
    return retried == 1 ? RetryResult.RETRIED : RetryResult.NOT_FAILED;
  }

  int retry(Long id) {
    return jdbc.sql(RETRY).param("all", id == null).param("id", id == null ? -1L : id).update();
  }

  int dueNow(Long id) {
    return jdbc.sql(DUE_NOW).param("all", id == null).param("id", id == null ? -1L : id).update();
  }

  CleanupResult cleanup(Duration completedOlderThan, Duration logsOlderThan) {
    int items = deleteInChunks(DELETE_COMPLETED, completedOlderThan);
    int logs = deleteInChunks(DELETE_LOGS, logsOlderThan);
    return new CleanupResult(items, logs);
  }

  private int deleteInChunks(String sql, Duration age) {
    int chunk = properties.cleanupChunkSize();
    int total = 0;
    int deleted;
    do {
      deleted = jdbc.sql(sql).param("ageMs", age.toMillis()).param("chunk", chunk).update();
      total += deleted;
    } while (deleted == chunk);
    return total;
  }
}
