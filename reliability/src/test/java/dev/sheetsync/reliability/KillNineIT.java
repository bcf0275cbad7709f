package dev.sheetsync.reliability;

import dev.sheetsync.emulator.Faults;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Scenario 1: changes keep coming, write-back runs are triggered, and the service is SIGKILLed at
 * random moments of those runs (claiming, appending, between an append and storing its row number,
 * batch updates, log writes), then restarted. Once drained, every change is in the sheet once, in
 * its own row.
 */
class KillNineIT {

  @Test
  void everyChangeReachesTheSheetOnceDespiteSigkillsDuringWriteBacks() {
    ReliabilityEnvironment env = ReliabilityEnvironment.get();
    ReliabilitySize size = env.size;
    try (Scenario scenario = env.scenario("kill_nine")) {
      ServiceProcess service = scenario.start("a");
      Scenario.requireWriteBack(service);
      Workload workload = new Workload(List.of(scenario.admin(service)), 1, "kill");
      // Each Sheets call takes a little while, so that a run spans long enough to be hit.
      env.emulator.control().faults(Faults.NONE.withLatencyMs(80));
      Random random = new Random(7);
      int perRound = size.killChanges() / (size.kills() + 1);
      int killedDuringRun = 0;
      for (int k = 0; k < size.kills(); k++) {
        workload.run(perRound);
        CompletableFuture<Boolean> run =
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return Scenario.triggerWriteBack(service).ok();
                  } catch (ApiClient.NoAnswer e) {
                    return false; // killed mid-run: what we wanted
                  }
                });
        ServiceProcess.sleep(Duration.ofMillis(100 + random.nextInt(1200)));
        service.kill();
        if (!run.join()) {
          killedDuringRun++;
        }
        service.start();
      }
      workload.run(size.killChanges() - workload.acknowledged());
      env.emulator.control().clearFaults();
      scenario.drain(service, Duration.ofMinutes(5));

      Outcome.finish(
          scenario,
          workload,
          1,
          "1. kill -9",
          "%d SIGKILLs (%d during a run)".formatted(size.kills(), killedDuringRun),
          "%d writes unanswered".formatted(workload.unanswered()));
    }
  }
}
