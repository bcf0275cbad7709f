package dev.sheetsync.reliability;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenario 4: while changes flow, people sort the tabs, insert and delete rows above synced rows,
 * and rewrite formula and people-owned cells. Every record still has exactly one row with its
 * current values, and the cells people own keep the people's edits.
 *
 * <p>People's edits alternate with write-back runs (changes keep arriving through the API all the
 * time): the Sheets API has no conditional write, so a sort landing between a run's key read and
 * its write is a race no client of Google Sheets can close, and a test that allowed it would be
 * flaky rather than informative.
 */
class PeopleInTheSheetIT {

  @Test
  void recordsKeepTheirOwnRowsAndPeopleKeepTheirCellsWhilePeopleEditTheSheet() {
    ReliabilityEnvironment env = ReliabilityEnvironment.get();
    ReliabilitySize size = env.size;
    try (Scenario scenario = env.scenario("people_in_the_sheet")) {
      ServiceProcess service = scenario.start("a");
      Scenario.requireWriteBack(service);
      Workload workload = new Workload(List.of(scenario.admin(service)), 4, "people");
      workload.run(Math.max(10, size.peopleChanges() / 10));
      scenario.drain(service, Duration.ofMinutes(2));
      People people = new People(scenario, 44);
      // Changes arrive at a steady pace up to the scenario's size (unpaced, one client sends
      // thousands while the runs and edits go on, and the scenario measures the flood instead).
      try (Background changes =
          new Background(
              "changes",
              () -> {
                if (workload.acknowledged() < size.peopleChanges()) {
                  workload.step();
                }
                ServiceProcess.sleep(Duration.ofMillis(40));
              })) {
        for (int i = 0; i < size.peopleEdits(); i++) {
          people.edit();
          people.edit();
          Scenario.triggerWriteBack(service);
        }
        while (workload.acknowledged() < size.peopleChanges()) {
          ServiceProcess.sleep(Duration.ofMillis(100));
        }
      }
      scenario.drain(service, Duration.ofMinutes(3));

      Outcome.finish(
          scenario,
          workload,
          4,
          "4. people in the sheet",
          "%d edits by people (sorts, row inserts/deletes, formula and note edits)"
              .formatted(people.edits()),
          "",
          people::addTo);
    }
  }
}
