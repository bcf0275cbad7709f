package dev.sheetsync.queue;

/**
 * How {@link SyncQueue#record} applied a set of outcomes.
 *
 * @param completed items now COMPLETED (written or skipped)
 * @param failed failed attempts recorded (PENDING with backoff or FAILED)
 * @param released items put back to PENDING without counting an attempt
 * @param lost outcomes ignored because the claim was no longer held (its lease expired meanwhile)
 */
public record RecordedOutcomes(int completed, int failed, int released, int lost) {}
