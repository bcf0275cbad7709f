package dev.sheetsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The harness the scenarios stand on: a packaged service process that survives SIGKILL and a
 * restart, and a PostgreSQL that can be stopped and started under it on the same port and data.
 */
class HarnessIT {

  @Test
  void servicesSurviveSigkillAndTheDatabaseComesBackOnTheSamePortAndData() {
    ReliabilityEnvironment env = ReliabilityEnvironment.get();
    try (Scenario scenario = env.scenario("harness")) {
      ServiceProcess service = scenario.start("a");
      assertThat(service.health()).isEqualTo(200);
      scenario.jdbc.sql("create table marker (id int)").update();

      service.kill();
      assertThat(service.health()).isEqualTo(-1);
      service.start();
      assertThat(service.health()).isEqualTo(200);

      env.postgres.stop();
      await("health DOWN while the database is away")
          .atMost(Duration.ofSeconds(60))
          .until(() -> service.health() == 503);
      env.postgres.start();
      await("health UP again without a restart")
          .atMost(Duration.ofSeconds(60))
          .until(() -> service.health() == 200);
      assertThat(scenario.jdbc.sql("select count(*) from marker").query(Long.class).single())
          .isZero();
      assertThat(service.logLines()).anyMatch(l -> l.contains("===== start 2 of harness-a"));
    }
  }
}
