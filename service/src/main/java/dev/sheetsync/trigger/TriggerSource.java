package dev.sheetsync.trigger;

import java.util.Locale;

/** Who started a write-back run; logged with every run and used as a metric tag. */
public enum TriggerSource {
  /** An outside scheduler presenting the bearer secret. */
  CRON,
  /** An admin, through the API or the console's button. */
  MANUAL,
  /** The in-process schedule ({@code SYNC_SCHEDULE}). */
  SCHEDULE;

  /** Lower-case name, as logged: {@code cron}, {@code manual}, {@code schedule}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
