package dev.sheetsync.system;

import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;

/**
 * Reads the schedule settings. Spring's cron has six fields (seconds first); crontab, Kubernetes
 * and Vercel use five. People copy from those, so a five-field expression is accepted and runs at
 * second 0 of each matching minute: {@code *}{@code /5 * * * *} means the same here as in the
 * original app's {@code vercel.json} ({@code docs/api-contract.md}).
 */
public final class CronExpressions {

  /** Spring's own marker for a disabled cron ({@code Scheduled.CRON_DISABLED}). */
  static final String DISABLED = "-";

  private CronExpressions() {}

  /**
   * Parses {@code expression} (five or six fields, or a macro such as {@code @hourly}).
   *
   * @param setting the environment variable's name, for the error message
   * @return empty when the expression is {@code -}
   * @throws IllegalArgumentException naming the setting and the accepted forms
   */
  public static Optional<CronExpression> parse(String setting, String expression) {
    String trimmed = expression == null ? "" : expression.strip();
    if (trimmed.equals(DISABLED)) {
      return Optional.empty();
    }
    String sixFields = trimmed.split("\\s+").length == 5 ? "0 " + trimmed : trimmed;
    try {
      return Optional.of(CronExpression.parse(sixFields));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          setting
              + " is not a cron expression: '"
              + trimmed
              + "'. Use five fields (minute hour day month weekday, e.g. '*/5 * * * *'),"
              + " six with seconds first (e.g. '0 */5 * * * *'), or '-' to disable.",
          e);
    }
  }
}
