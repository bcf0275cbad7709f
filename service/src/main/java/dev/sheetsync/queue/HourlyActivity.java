package dev.sheetsync.queue;

import java.time.OffsetDateTime;

/**
 * Write-back outcomes logged in one hour.
 *
 * @param hour start of the hour (UTC)
 * @param processed all outcomes ({@code succeeded + failed})
 */
public record HourlyActivity(OffsetDateTime hour, long processed, long succeeded, long failed) {}
