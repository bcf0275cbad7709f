package dev.sheetsync.writeback;

/**
 * What one run did. The first four are the {@code result} of {@code docs/api-contract.md}.
 *
 * @param processed items that reached an outcome ({@code succeeded + failed + skipped})
 * @param succeeded items written to the sheet (COMPLETED)
 * @param failed failed attempts (PENDING with backoff, or FAILED)
 * @param skipped items with nothing to write: moot, not in the sheet, or ignored deletes
 *     (COMPLETED)
 * @param released items put back untouched: to be rewritten after people moved rows meanwhile, or
 *     not attempted because the run stopped
 * @param batches batches claimed
 * @param googleRetries Sheets calls repeated after 429, 5xx or a timeout
 * @param expiredLeases items put back to PENDING at the start of the run because their lease
 *     expired
 * @param durationMillis wall time of the run
 * @param stoppedBy the Google error that ended the run early, or null
 */
public record RunResult(
    int processed,
    int succeeded,
    int failed,
    int skipped,
    int released,
    int batches,
    long googleRetries,
    int expiredLeases,
    long durationMillis,
    String stoppedBy) {}
