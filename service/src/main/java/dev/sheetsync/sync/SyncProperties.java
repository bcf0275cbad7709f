package dev.sheetsync.sync;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How write-back runs are started.
 *
 * @param cronSecret bearer secret of outside schedulers (env {@code CRON_SECRET}); blank closes the
 *     bearer path; otherwise at least 32 characters (checked by {@link CronSecret} at startup, so
 *     that the refusal message never has to show the value)
 * @param schedule cron expression of the in-process write-back (env {@code SYNC_SCHEDULE});
 *     Spring's six fields or the classic five (seconds then default to 0); {@code -} disables it
 * @param schedulerEnabled {@code false} when an outside cron calls the endpoint instead (env {@code
 *     SYNC_SCHEDULER_ENABLED})
 * @param cleanupSchedule cron expression of the daily cleanup of completed items and old log rows
 *     (env {@code SYNC_CLEANUP_SCHEDULE}); {@code -} disables it
 */
@ConfigurationProperties("sheetsync.sync")
public record SyncProperties(
    String cronSecret,
    @DefaultValue("0 */5 * * * *") String schedule,
    @DefaultValue("true") boolean schedulerEnabled,
    @DefaultValue("0 30 3 * * *") String cleanupSchedule) {

  /** Never prints the secret: records print every component, and property objects get logged. */
  @Override
  public String toString() {
    return "SyncProperties[cronSecret="
        + (cronSecret == null || cronSecret.isBlank() ? "<unset>" : "<set>")
        + ", schedule="
        + schedule
        + ", schedulerEnabled="
        + schedulerEnabled
        + ", cleanupSchedule="
        + cleanupSchedule
        + "]";
  }
}
