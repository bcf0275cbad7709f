package dev.sheetsync.security.cron;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The cron bearer secret, under the write-back's prefix ({@code sheetsync.sync}, beside the
 * schedule settings of {@code trigger.SyncProperties}).
 *
 * @param cronSecret bearer secret of outside schedulers (env {@code CRON_SECRET}); blank closes the
 *     bearer path; otherwise at least 32 characters (checked by {@link CronSecret} at startup, so
 *     that the refusal message never has to show the value)
 */
@ConfigurationProperties("sheetsync.sync")
public record CronProperties(String cronSecret) {

  /** Never prints the secret: records print every component, and property objects get logged. */
  @Override
  public String toString() {
    return "CronProperties[cronSecret="
        + (cronSecret == null || cronSecret.isBlank() ? "<unset>" : "<set>")
        + "]";
  }
}
