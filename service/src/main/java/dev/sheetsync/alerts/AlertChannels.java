package dev.sheetsync.alerts;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends an alert to every configured channel: the webhook (a JSON POST) and e-mail. A channel that
 * fails is logged and does not keep the others from sending; the alert is not retried before {@code
 * repeat-after} (a flaky webhook must not turn into a flood).
 */
@Component
class AlertChannels {

  private static final Logger log = LoggerFactory.getLogger(AlertChannels.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final AlertsProperties properties;
  private final ObjectProvider<JavaMailSender> mail;
  private final JsonMapper json;
  private final HttpClient http;

  AlertChannels(AlertsProperties properties, ObjectProvider<JavaMailSender> mail, JsonMapper json) {
    this.properties = properties;
    this.mail = mail;
    this.json = json;
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  /** Whether any channel is configured. */
  boolean any() {
    return properties.webhookUrl() != null || !properties.emails().isEmpty();
  }

  void send(Alert alert) {
    log.warn("Alert {} ({}): {}", alert.event(), alert.severity(), alert.summary());
    if (properties.webhookUrl() != null) {
      webhook(alert);
    }
    if (!properties.emails().isEmpty()) {
      email(alert);
    }
  }

  private void webhook(Alert alert) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(properties.webhook())
              .timeout(TIMEOUT)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(alert)))
              .build();
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() >= 300) {
        log.warn("Alert webhook answered {} for {}", response.statusCode(), alert.event());
      }
    } catch (IOException e) {
      log.warn("Alert webhook unreachable for {}: {}", alert.event(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void email(Alert alert) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      log.warn("Alert e-mail not sent: SHEETSYNC_ALERT_EMAILS is set but SPRING_MAIL_HOST is not");
      return;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(properties.from());
    message.setTo(properties.emails().toArray(String[]::new));
    message.setSubject(alert.text());
    message.setText(
        alert.summary()
            + "\n\n"
            + alert.details()
            + "\n\nevent: "
            + alert.event()
            + "\nseverity: "
            + alert.severity()
            + "\nat: "
            + alert.at()
            + "\n");
    try {
      sender.send(message);
    } catch (MailException e) {
      log.warn("Alert e-mail failed for {}: {}", alert.event(), e.toString());
    }
  }
}
