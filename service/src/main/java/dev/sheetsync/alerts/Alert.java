package dev.sheetsync.alerts;

import java.time.OffsetDateTime;

/**
 * One notification as sent: the JSON body of the webhook, and the e-mail's subject and text.
 *
 * @param event the condition's key ({@link Alarm#event()})
 * @param severity {@code warning}, {@code critical}, or {@code resolved} for a recovery
 * @param summary one line
 * @param details what to look at or do
 * @param at when it was sent
 * @param text Slack-compatible one-liner (Slack incoming webhooks show {@code text})
 */
public record Alert(
    String event, String severity, String summary, String details, OffsetDateTime at, String text) {

  static final String RESOLVED = "resolved";

  static Alert firing(Alarm alarm, OffsetDateTime at) {
    return new Alert(
        alarm.event(),
        alarm.severity(),
        alarm.summary(),
        alarm.details(),
        at,
        "[sheetsync " + alarm.severity() + "] " + alarm.summary());
  }

  static Alert resolved(String event, String summary, OffsetDateTime since, OffsetDateTime at) {
    return new Alert(
        event,
        RESOLVED,
        "Recovered: " + summary,
        "Active since " + since + "; no longer true.",
        at,
        "[sheetsync resolved] " + summary);
  }
}
