package dev.sheetsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenario 7: while changes flow, people restructure the spreadsheet: they insert a column of their
 * own in the middle of Requests and Operators and fill it, move one, rename the Revenue tab, revoke
 * sharing for a while and share again, then tidy up (their columns deleted, the tab's name back).
 * Every value lands under its header meanwhile: a person's column never receives a value (0
 * wrong-column writes), no item is FAILED or charged an attempt by the pause, and the sheet is
 * consistent at the end.
 */
class PeopleRestructureIT {

  @Test
  void valuesLandUnderTheirHeadersAndPausesFailNothingWhilePeopleRestructureTheSheet() {
    ReliabilityEnvironment env = ReliabilityEnvironment.get();
    ReliabilitySize size = env.size;
    int changes = size.peopleChanges();
    try (Scenario scenario = env.scenario("people_restructure")) {
      ServiceProcess service = scenario.start("a");
      Scenario.requireWriteBack(service);
      Workload workload = new Workload(List.of(scenario.admin(service)), 7, "restructure");
      workload.run(Math.max(10, changes / 10));
      scenario.drain(service, Duration.ofMinutes(2));
      Restructurer people = new Restructurer(scenario);
      int pausedRuns = 0;
      int changesWhilePaused = 0;
      try (Background flow =
          new Background(
              "changes",
              () -> {
                if (workload.acknowledged() < changes) {
                  workload.step();
                }
                ServiceProcess.sleep(Duration.ofMillis(40));
              })) {
        people.insertOwnColumn("Requests", "Requests", 2, "Agent");
        runs(service, 2);
        people.insertOwnColumn("Operators", "Operators", 4, "Memo");
        runs(service, 2);
        people.moveOwnColumn("Operators", "Operators", "Memo", 1);
        runs(service, 2);
        people.renameTab("Revenue", "Payments 2026");
        runs(service, 2);
        scenario.env.emulator.control().setNotShared(scenario.spreadsheetId, true);
        for (int i = 0; i < 3; i++) {
          workload.step(); // something to write, so the run meets the refusal
          workload.step();
          changesWhilePaused += 2;
          Scenario.triggerWriteBack(service);
          pausedRuns++;
        }
        assertThat(
                scenario
                    .admin(service)
                    .get("/api/sync/queue")
                    .json()
                    .at("/data/paused/0/hint")
                    .asString())
            .as("the pause names what to do")
            .contains("share");
        scenario.env.emulator.control().setNotShared(scenario.spreadsheetId, false);
        runs(service, 2);
        while (workload.acknowledged() < changes) {
          ServiceProcess.sleep(Duration.ofMillis(100));
        }
      }
      scenario.drain(service, Duration.ofMinutes(3));
      people.checkAndDeleteOwnColumn("Requests", "Requests", "Agent");
      people.checkAndDeleteOwnColumn("Operators", "Operators", "Memo");
      people.renameTab("Revenue", "Revenue");
      long failed =
          scenario
              .jdbc
              .sql("select count(*) from sync_queue where status = 'FAILED'")
              .query(Long.class)
              .single();

      Outcome.finish(
          scenario,
          workload,
          7,
          "7. people restructure the sheet",
          ("%d structural edits (own columns inserted/moved/deleted, tab renamed), sharing"
                  + " revoked for %d runs (%d changes made meanwhile)")
              .formatted(people.edits(), pausedRuns, changesWhilePaused),
          "%d wrong-column writes; %d items FAILED".formatted(people.wrongColumnWrites(), failed));
      assertThat(people.violations()).as("cells of people's own columns").isEmpty();
      assertThat(failed).as("items FAILED (a pause must never fail an item)").isZero();
    }
  }

  private static void runs(ServiceProcess service, int n) {
    for (int i = 0; i < n; i++) {
      Scenario.triggerWriteBack(service);
    }
  }
}
