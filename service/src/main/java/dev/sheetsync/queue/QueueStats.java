package dev.sheetsync.queue;

/**
 * Counts per status, from one query.
 *
 * @param oldestPendingAgeSeconds age of the oldest PENDING item that is due now, or null if none
 */
public record QueueStats(
    long pending,
    long processing,
    long completed,
    long failed,
    long total,
    Long oldestPendingAgeSeconds) {}
