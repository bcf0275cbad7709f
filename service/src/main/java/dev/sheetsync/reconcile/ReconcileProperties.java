package dev.sheetsync.reconcile;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the reconcile runs by itself ({@code sheetsync.sync.*}, beside the write-back's schedule).
 *
 * @param reconcileSchedule cron expression of the in-process reconcile, a dry run then a repair
 *     (env {@code SYNC_RECONCILE_SCHEDULE}); five or six fields as {@code SYNC_SCHEDULE}; {@code -}
 *     disables it
 */
@ConfigurationProperties("sheetsync.sync")
public record ReconcileProperties(@DefaultValue("0 0 4 * * *") String reconcileSchedule) {}
