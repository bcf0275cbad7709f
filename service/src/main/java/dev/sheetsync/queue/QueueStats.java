package dev.sheetsync.queue;

/**
 * Counts per status.
 *
 * @param oldestPendingAgeSeconds age in seconds of the oldest item still waiting to be written
 *     (PENDING, due now or backing off after a failed attempt), or null if none waits
 * @param retrying PENDING items that failed at least once and wait for their next attempt
 */
public record QueueStats(
    long pending,
    long processing,
    long completed,
    long failed,
    long total,
    Long oldestPendingAgeSeconds,
    long retrying) {}
