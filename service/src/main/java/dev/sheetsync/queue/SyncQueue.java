package dev.sheetsync.queue;

import dev.sheetsync.records.SyncModel;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The sync queue's operations. Every method is one SQL statement (cleanup: one per chunk; the
 * hourly backlog: see there) and is safe to call from several threads and several service instances
 * at once. Every time it stores or compares is the database's ({@code now()}): one clock that all
 * instances share, and the one the column defaults use, so a service clock that drifts can neither
 * delay nor hurry an item.
 *
 * <p>Life of an item: PENDING → (claimed by {@link #claim}) PROCESSING → COMPLETED, or back to
 * PENDING with a backoff after a failed attempt, or FAILED once {@code sheetsync.queue.max-retries}
 * attempts have failed. A claim is a <em>lease</em>: held for {@code sheetsync.queue.lease}, after
 * which {@link #releaseExpiredLeases} puts the item back. FAILED is the queue's <em>dead
 * letter</em> state: the item waits for a person, and {@link #retry}/{@link #retryAllDeadLetters}
 * give it a fresh start.
 */
@Service
public class SyncQueue {

  private final QueueClaims claims;
  private final QueueOutcomes outcomes;
  private final QueueMaintenance maintenance;
  private final QueueReports reports;
  private final ActivityHours activity;
  private volatile boolean claiming = true;

  SyncQueue(
      QueueClaims claims,
      QueueOutcomes outcomes,
      QueueMaintenance maintenance,
      QueueReports reports,
      ActivityHours activity) {
    this.claims = claims;
    this.outcomes = outcomes;
    this.maintenance = maintenance;
    this.reports = reports;
    this.activity = activity;
  }

  /**
   * Claims up to {@code n} due PENDING items, oldest due first, and commits the claim at once (call
   * it outside any transaction, and never hold a transaction across the work that follows).
   * Concurrent callers receive disjoint items.
   *
   * @return the claimed items in id order (the order the changes were made); empty if none is due
   */
  public List<QueueItem> claim(int n) {
    if (!claiming) {
      return List.of();
    }
    return claims.claim(n, Set.of());
  }

  /**
   * As {@link #claim(int)}, leaving the items of {@code waiting} models where they are (their tab
   * is paused): they keep their place and their attempts.
   */
  public List<QueueItem> claim(int n, Set<SyncModel> waiting) {
    if (!claiming) {
      return List.of();
    }
    return claims.claim(n, waiting);
  }

  /**
   * From now on {@link #claim} claims nothing (graceful shutdown): a run in progress ends after its
   * current batch instead of starting another one the shutdown would cut off.
   */
  public void stopClaiming() {
    claiming = false;
  }

  /** Claims again after {@link #stopClaiming()} (a stopped application context started again). */
  public void startClaiming() {
    claiming = true;
  }

  /**
   * Records what happened to claimed items, with their sync-log rows, in at most three statements.
   * Outcomes whose claim is no longer held (its lease expired and the item was released meanwhile)
   * are ignored and counted as lost. Joins the caller's transaction if there is one.
   */
  public RecordedOutcomes record(Collection<Outcome> outcomes) {
    return this.outcomes.record(outcomes);
  }

  /** Marks items COMPLETED if still PROCESSING (no sync-log rows; see {@link #record}). */
  public void markComplete(Collection<Long> ids) {
    maintenance.markComplete(ids);
  }

  /** Records one failed attempt of a PROCESSING item (backoff, or FAILED when out of retries). */
  public void markFailed(long id, String error) {
    outcomes.markFailed(Map.of(id, error));
  }

  /** Batch form of {@link #markFailed(long, String)}: item id → error, one statement. */
  public void markFailed(Map<Long, String> errors) {
    outcomes.markFailed(errors);
  }

  /**
   * Puts PROCESSING items whose lease expired (claimed before {@code now - lease}) back to PENDING,
   * counting an attempt but never failing them: the fallback for claims {@link #releaseAbandoned}
   * cannot see.
   *
   * @return how many items were released
   */
  public int releaseExpiredLeases(Duration lease) {
    return maintenance.releaseExpired(lease);
  }

  /**
   * Puts every PROCESSING item claimed before {@code lockedAt} back to PENDING at once, counting an
   * attempt (never failing it). Only the holder of the cluster-wide write-back lock may call this,
   * right after taking it with {@code lockedAt} the database time it was granted: every claim
   * before then belongs to a run that has ended, so its items need not wait for their lease to
   * expire. A worker still alive against all odds cannot record over them: its claim no longer
   * matches.
   *
   * @return how many items were released
   */
  public int releaseAbandoned(OffsetDateTime lockedAt) {
    return maintenance.releaseAbandoned(lockedAt);
  }

  /** Deletes COMPLETED items and sync-log rows older than the given ages, in bounded chunks. */
  public CleanupResult cleanupCompleted(Duration completedOlderThan, Duration logsOlderThan) {
    return maintenance.cleanup(completedOlderThan, logsOlderThan);
  }

  /**
   * Counts per status, the age of the oldest PENDING item (due or backing off) and how many retry.
   * COMPLETED items completed before the current hour are counted once, extended hour by hour and
   * recounted when the cleanup removes some (see {@link QueueReports}), so that the cost does not
   * grow with them.
   */
  public QueueStats stats() {
    return reports.stats();
  }

  /**
   * Retries one item: a FAILED one gets a fresh start (PENDING, retries 0, due now), a PENDING one
   * waiting for a later attempt becomes due now (its attempts kept); anything else is left alone.
   *
   * @return never null
   */
  public RetryResult retry(long id) {
    return maintenance.retryOne(id);
  }

  /** Gives every dead letter (FAILED item) a fresh start; returns how many. */
  public int retryAllDeadLetters() {
    return maintenance.retry(null);
  }

  /** Makes every PENDING item waiting for a later attempt due now; returns how many. */
  public int retryAllWaitingNow() {
    return maintenance.dueNow(null);
  }

  /**
   * Which of these records have a DELETE in the queue, in any state (even COMPLETED: the record is
   * gone either way).
   */
  public Set<UUID> withQueuedDelete(Collection<UUID> recordIds) {
    return reports.withQueuedDelete(recordIds);
  }

  /** PENDING items that failed at least once, next attempt first. */
  public List<WaitingItem> waiting(int limit) {
    return reports.waiting(limit);
  }

  /** The most recently created dead letters (FAILED items), newest first. */
  public List<DeadLetter> recentDeadLetters(int limit) {
    return reports.recentDeadLetters(limit);
  }

  /**
   * The backlog by hour over the last 24 hours: the items waiting at each hour's end, with the
   * write-back outcomes logged in it; oldest hour first, 24 entries, the current hour last. A past
   * hour is computed once, by whichever instance asks first, and kept (see {@link ActivityHours});
   * so this is one statement except in the first minutes after startup and after an hour's end.
   */
  public List<HourlyActivity> hourlyActivity() {
    return activity.last24();
  }
}
