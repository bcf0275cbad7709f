package dev.sheetsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Scenario 3: several service processes on one database, each with the schedule every 2 seconds,
 * plus manual triggers from the cron secret and from admin sessions on every instance, while
 * changes arrive through all of them. No two runs overlap (from the instances' own log lines), no
 * item is processed twice, and the sheet is consistent.
 */
class SeveralInstancesIT {

  private static final Pattern RUN_LINE =
      Pattern.compile(
          "^(\\S+Z)\\s.*Write-back (started|finished|\\(trigger=\\w+\\) failed)(?: \\(trigger=(\\w+)\\))?");

  @Test
  void runsNeverOverlapAndNoItemIsProcessedTwiceAcrossInstances() {
    ReliabilityEnvironment env = ReliabilityEnvironment.get();
    ReliabilitySize size = env.size;
    try (Scenario scenario = env.scenario("several_instances")) {
      List<ServiceProcess> instances = new ArrayList<>();
      List<ApiClient> admins = new ArrayList<>();
      // Started together: each waits for its own health, and the suite's wall time counts.
      List<CompletableFuture<ServiceProcess>> starting = new ArrayList<>();
      for (int i = 0; i < size.instances(); i++) {
        String instance = "i" + i;
        starting.add(
            CompletableFuture.supplyAsync(
                () ->
                    scenario.start(
                        instance,
                        e -> {
                          e.put("SYNC_SCHEDULER_ENABLED", "true");
                          e.put("SYNC_SCHEDULE", "*/2 * * * * *");
                        })));
      }
      for (CompletableFuture<ServiceProcess> service : starting) {
        instances.add(service.join());
        admins.add(scenario.admin(instances.get(instances.size() - 1)));
      }
      Scenario.requireWriteBack(instances.get(0));
      Workload workload = new Workload(admins, 3, "multi");
      Random random = new Random(3);
      int[] answers = new int[600];
      try (Background triggers =
          new Background(
              "triggers",
              () -> {
                int i = random.nextInt(instances.size());
                ApiClient.Response response =
                    random.nextBoolean()
                        ? Scenario.triggerWriteBack(instances.get(i))
                        : admins.get(i).post("/api/sync/write-back", "");
                synchronized (answers) {
                  answers[response.status()]++;
                }
                ServiceProcess.sleep(Duration.ofMillis(150 + random.nextInt(400)));
              })) {
        workload.run(size.instanceChanges());
      }
      scenario.drain(instances.get(0), Duration.ofMinutes(5));

      List<Run> runs = new ArrayList<>();
      for (ServiceProcess service : instances) {
        runs.addAll(runs(service));
      }
      runs.sort(Comparator.comparing(Run::started));
      for (int i = 1; i < runs.size(); i++) {
        assertThat(runs.get(i).started())
            .as("run %s starts after %s ended", runs.get(i), runs.get(i - 1))
            .isAfterOrEqualTo(runs.get(i - 1).ended());
      }
      assertThat(answers[500]).as("500 answers to triggers").isZero();
      Outcome.finish(
          scenario,
          workload,
          3,
          "3. several instances",
          "%d instances, %d runs, %d manual triggers (%d refused 409)"
              .formatted(instances.size(), runs.size(), answers[200] + answers[409], answers[409]),
          "no overlapping runs");
    }
  }

  /** A run as its instance logged it. */
  record Run(String instance, String trigger, Instant started, Instant ended) {}

  static List<Run> runs(ServiceProcess service) {
    List<Run> runs = new ArrayList<>();
    Instant started = null;
    String trigger = null;
    for (String line : service.logLines()) {
      Matcher m = RUN_LINE.matcher(line);
      if (!m.find()) {
        continue;
      }
      Instant at = Instant.parse(m.group(1));
      if (m.group(2).equals("started")) {
        started = at;
        trigger = m.group(3);
      } else if (started != null) {
        runs.add(new Run(service.name(), trigger, started, at));
        started = null;
      }
    }
    return runs;
  }
}
