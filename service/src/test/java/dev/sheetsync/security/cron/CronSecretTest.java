package dev.sheetsync.security.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronSecretTest {

  static final String SECRET = "0123456789abcdef0123456789abcdef";

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "Bearer ", "Bearer", "Bearer undefined", "Bearer null", "undefined"})
  void unsetSecretMatchesNothing(String header) {
    assertThat(CronSecret.of(null).matches(header)).isFalse();
    assertThat(CronSecret.of("   ").matches(header)).isFalse();
  }

  @Test
  void unsetSecretIsReportedAsNotConfigured() {
    assertThat(CronSecret.of("").isConfigured()).isFalse();
    assertThat(CronSecret.of(SECRET).isConfigured()).isTrue();
  }

  @Test
  void matchesOnlyTheWholeHeaderValue() {
    CronSecret secret = CronSecret.of(SECRET);

    assertThat(secret.matches("Bearer " + SECRET)).isTrue();
    assertThat(secret.matches(SECRET)).isFalse();
    assertThat(secret.matches("bearer " + SECRET)).isFalse();
    assertThat(secret.matches("Bearer  " + SECRET)).isFalse();
    assertThat(secret.matches("Bearer " + SECRET + "x")).isFalse();
    assertThat(secret.matches("Bearer " + SECRET.substring(1))).isFalse();
    assertThat(secret.matches("Bearer " + SECRET + " Bearer " + SECRET)).isFalse();
    assertThat(secret.matches("Basic " + SECRET)).isFalse();
    assertThat(secret.matches(null)).isFalse();
  }

  @Test
  void ignoresATrailingNewlineInTheConfiguredSecret() {
    assertThat(CronSecret.of(SECRET + "\n").matches("Bearer " + SECRET)).isTrue();
  }

  @Test
  void refusesASecretShorterThan32CharactersWithoutShowingIt() {
    assertThatThrownBy(() -> CronSecret.of("short-but-secret-value"))
        .isInstanceOf(CronSecretTooShortException.class)
        .hasMessageContaining("openssl rand -hex 32")
        .hasMessageContaining("22 characters")
        .hasMessageNotContaining("short-but-secret-value");
  }

  @Test
  void neverPrintsTheSecret() {
    CronProperties properties = new CronProperties(SECRET);

    assertThat(properties.toString()).doesNotContain(SECRET).contains("<set>");
    assertThat(new CronSecret(properties).toString()).doesNotContain(SECRET);
  }

  @Test
  void explainsATooShortSecretAtStartupWithTheCommandThatMakesOne() {
    var analysis =
        new CronSecretFailureAnalyzer()
            .analyze(new IllegalStateException("wrapper"), new CronSecretTooShortException(5));

    assertThat(analysis.getDescription()).contains("5 characters");
    assertThat(analysis.getAction()).contains("openssl rand -hex 32");
  }
}
