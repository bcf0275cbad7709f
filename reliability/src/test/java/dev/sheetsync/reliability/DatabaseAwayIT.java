package dev.sheetsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenario 5: PostgreSQL stops during a run while changes keep coming and the schedule keeps
 * ticking. Meanwhile health answers 503; when PostgreSQL is back the same process recovers by
 * itself, and nothing acknowledged is lost.
 */
class DatabaseAwayIT {

  @Test
  void healthIs503WhileTheDatabaseIsAwayAndTheServiceRecoversWithoutARestart() {
    ReliabilityEnvironment env = ReliabilityEnvironment.get();
    ReliabilitySize size = env.size;
    try (Scenario scenario = env.scenario("database_away")) {
      ServiceProcess service =
          scenario.start(
              "a",
              e -> {
                e.put("SYNC_SCHEDULER_ENABLED", "true");
                e.put("SYNC_SCHEDULE", "*/2 * * * * *");
              });
      Scenario.requireWriteBack(service);
      Workload workload = new Workload(List.of(scenario.admin(service)), 5, "away");
      int perPhase = size.outageChanges() / (size.outages() + 1);
      int healthDownSeen = 0;
      for (int outage = 0; outage < size.outages(); outage++) {
        workload.run(perPhase);
        try (Background writes = new Background("writes", workload::step)) {
          ServiceProcess.sleep(Duration.ofMillis(700));
          env.postgres.stop();
          await("health 503 while the database is away")
              .atMost(Duration.ofSeconds(60))
              .until(() -> service.health() == 503);
          healthDownSeen++;
          ServiceProcess.sleep(Duration.ofSeconds(4));
          assertThat(service.health()).isEqualTo(503);
          env.postgres.start();
          await("health UP again without a restart")
              .atMost(Duration.ofSeconds(90))
              .until(() -> service.health() == 200);
          ServiceProcess.sleep(Duration.ofMillis(700));
        }
      }
      workload.run(size.outageChanges() - workload.acknowledged());
      scenario.drain(service, Duration.ofMinutes(5));

      assertThat(service.starts()).as("the same process throughout").isEqualTo(1);
      assertThat(service.alive()).isTrue();
      Outcome.finish(
          scenario,
          workload,
          5,
          "5. database away",
          "%d outages (health 503 seen %d times)".formatted(size.outages(), healthDownSeen),
          "%d writes refused with 5xx during outages".formatted(workload.refused()));
    }
  }
}
