package dev.sheetsync.trigger;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How write-back runs are started. The cron bearer secret of the same prefix ({@code
 * sheetsync.sync.cron-secret}) is read by {@link dev.sheetsync.security.cron.CronProperties}.
 *
 * @param schedule cron expression of the in-process write-back (env {@code SYNC_SCHEDULE});
 *     Spring's six fields or the classic five (seconds then default to 0); {@code -} disables it
 * @param schedulerEnabled {@code false} when an outside cron calls the endpoint instead (env {@code
 *     SYNC_SCHEDULER_ENABLED})
 * @param cleanupSchedule cron expression of the daily cleanup of completed items and old log rows
 *     (env {@code SYNC_CLEANUP_SCHEDULE}); {@code -} disables it
 */
@ConfigurationProperties("sheetsync.sync")
public record SyncProperties(
    @DefaultValue("0 */5 * * * *") String schedule,
    @DefaultValue("true") boolean schedulerEnabled,
    @DefaultValue("0 30 3 * * *") String cleanupSchedule) {}
