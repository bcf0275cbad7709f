package dev.sheetsync.queue;

import java.time.OffsetDateTime;

/**
 * Write-back outcomes logged in one hour, and the backlog at its end.
 *
 * @param hour start of the hour (UTC)
 * @param processed all outcomes ({@code succeeded + failed})
 * @param waiting items created before the hour's end and not completed by then (FAILED left out)
 */
public record HourlyActivity(
    OffsetDateTime hour, long processed, long succeeded, long failed, long waiting) {}
