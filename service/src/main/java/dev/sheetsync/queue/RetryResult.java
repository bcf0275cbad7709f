package dev.sheetsync.queue;

/** What {@link SyncQueue#retry(long)} did with one item. */
public enum RetryResult {
  /**
   * The item is PENDING and due now: a dead letter (FAILED) with its attempts reset, or an item
   * waiting for a later attempt with its attempts kept.
   */
  RETRIED,
  /** No queue item has this id (never existed, or removed by the cleanup). */
  NOT_FOUND,
  /**
   * The item is neither a dead letter nor waiting for a later attempt: there is nothing to retry.
   */
  NOT_FAILED
}
