package dev.sheetsync.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class CronExpressionsTest {

  static final LocalDateTime T = LocalDateTime.of(2026, 1, 10, 12, 3, 17);

  @Test
  void acceptsSpringsSixFields() {
    assertThat(CronExpressions.parse("SYNC_SCHEDULE", "0 */5 * * * *").orElseThrow().next(T))
        .isEqualTo(LocalDateTime.of(2026, 1, 10, 12, 5, 0));
  }

  @Test
  void readsFiveFieldsAsClassicCrontabAtSecondZero() {
    assertThat(CronExpressions.parse("SYNC_SCHEDULE", " */5 * * * * ").orElseThrow().next(T))
        .isEqualTo(LocalDateTime.of(2026, 1, 10, 12, 5, 0));
    assertThat(CronExpressions.parse("SYNC_CLEANUP_SCHEDULE", "30 3 * * *").orElseThrow().next(T))
        .isEqualTo(LocalDateTime.of(2026, 1, 11, 3, 30, 0));
  }

  @Test
  void acceptsMacros() {
    assertThat(CronExpressions.parse("SYNC_SCHEDULE", "@hourly").orElseThrow().next(T))
        .isEqualTo(LocalDateTime.of(2026, 1, 10, 13, 0, 0));
  }

  @Test
  void dashDisables() {
    assertThat(CronExpressions.parse("SYNC_SCHEDULE", "-")).isEmpty();
  }

  @Test
  void rejectsGarbageNamingTheSetting() {
    assertThatThrownBy(() -> CronExpressions.parse("SYNC_SCHEDULE", "every five minutes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SYNC_SCHEDULE")
        .hasMessageContaining("*/5 * * * *");
  }
}
