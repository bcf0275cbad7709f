package dev.sheetsync.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class QueuePropertiesTest {

  private static QueueProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("sheetsync.queue", QueueProperties.class);
  }

  @Test
  void leaseDefaultsToTenMinutes() {
    assertThat(bind(Map.of()).lease()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void deprecatedStuckAfterStillSetsTheLease() {
    assertThat(bind(Map.of("sheetsync.queue.stuck-after", "30s")).lease())
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void leaseWinsOverTheDeprecatedName() {
    assertThat(
            bind(Map.of("sheetsync.queue.lease", "2m", "sheetsync.queue.stuck-after", "30s"))
                .lease())
        .isEqualTo(Duration.ofMinutes(2));
  }
}
