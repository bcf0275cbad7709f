package dev.sheetsync.alerts;

import java.util.Objects;

/**
 * A condition that is true now and needs a person.
 *
 * @param event stable key of the condition, e.g. {@code failed_items}; one alert per event per
 *     {@code repeat-after}, and a recovery alert once it is no longer reported
 * @param severity {@code warning} or {@code critical}
 * @param summary one line for people, e.g. "3 sync items FAILED"
 * @param details what to look at or do, may be empty
 */
public record Alarm(String event, String severity, String summary, String details) {

  public static final String WARNING = "warning";
  public static final String CRITICAL = "critical";

  public Alarm {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(summary, "summary");
    if (!event.matches("[a-z0-9_.:-]{1,100}")) {
      throw new IllegalArgumentException("event must be a short lower-case key: " + event);
    }
    if (!WARNING.equals(severity) && !CRITICAL.equals(severity)) {
      throw new IllegalArgumentException("severity must be warning or critical: " + severity);
    }
    details = details == null ? "" : details;
  }
}
