package dev.sheetsync.alerts;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Alerts ({@code sheetsync.alerts.*}).
 *
 * @param webhookUrl where alerts are POSTed as JSON (env {@code SHEETSYNC_ALERT_WEBHOOK_URL});
 *     unset = no webhook
 * @param emails recipients (env {@code SHEETSYNC_ALERT_EMAILS}, comma-separated); empty = no
 *     e-mail; sent through Spring Boot's mail settings ({@code SPRING_MAIL_HOST}, …)
 * @param from the e-mails' sender address
 * @param repeatAfter a condition that goes on is alerted again after this long, not before
 * @param checkInterval how often the conditions are checked; 0 = never by itself (tests call {@link
 *     AlertMonitor#checkOnce()})
 * @param oldestWaitingThreshold alert when the oldest waiting item is older than this
 * @param quotaWindow repeated quota exhaustion: runs stopped by Google's quota within this window
 * @param quotaRuns … at least this many of them
 */
@Validated
@ConfigurationProperties("sheetsync.alerts")
public record AlertsProperties(
    String webhookUrl,
    @DefaultValue List<String> emails,
    @DefaultValue("sheetsync@localhost") String from,
    @DefaultValue("1h") @NotNull Duration repeatAfter,
    @DefaultValue("1m") @NotNull Duration checkInterval,
    @DefaultValue("30m") @NotNull Duration oldestWaitingThreshold,
    @DefaultValue("1h") @NotNull Duration quotaWindow,
    @DefaultValue("3") @Min(1) int quotaRuns) {

  public AlertsProperties {
    webhookUrl = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.trim();
    if (webhookUrl != null && !webhookUrl.matches("(?i)https?://.+")) {
      throw new IllegalArgumentException(
          "sheetsync.alerts.webhook-url (SHEETSYNC_ALERT_WEBHOOK_URL) must be an http(s) URL");
    }
    emails =
        emails == null
            ? List.of()
            : emails.stream().map(String::trim).filter(e -> !e.isEmpty()).toList();
  }

  /** The webhook as a URI, or null when unset. */
  URI webhook() {
    return webhookUrl == null ? null : URI.create(webhookUrl);
  }
}
