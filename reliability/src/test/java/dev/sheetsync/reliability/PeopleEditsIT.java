package dev.sheetsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenario 8: while changes flow, people type new values into cells sheetsync owns (Phone, Email,
 * Destination, Notes of Requests; Supplier of Operators), some into rows whose records then change
 * through the API, so that write-back rewrites them. No edit is lost silently: at the end each
 * cell's last value is still in the cell or held by a conflict, and the sheet is consistent (a
 * conflict's cell holds the database's value again, on-edit {@code overwrite}).
 *
 * <p>People type between write-back runs, as in scenario 4: the Sheets API has no conditional
 * write, so a value typed between a run's read of the row and its write is overwritten unseen by
 * any client of Google Sheets; allowing that race would make the test flaky, not informative.
 */
class PeopleEditsIT {

  /** Values typed between two write-back runs. */
  private static final int EDITS_PER_RUN = 3;

  @Test
  void everyEditOfASheetsyncOwnedCellStaysInTheSheetOrIsHeldByAConflict() {
    ReliabilityEnvironment env = ReliabilityEnvironment.get();
    ReliabilitySize size = env.size;
    int changes = size.peopleChanges();
    try (Scenario scenario = env.scenario("people_edits")) {
      ServiceProcess service = scenario.start("a");
      Scenario.requireWriteBack(service);
      Workload workload = new Workload(List.of(scenario.admin(service)), 8, "edits");
      workload.run(Math.max(20, changes / 4)); // rows to type into
      scenario.drain(service, Duration.ofMinutes(2));
      Typist people = new Typist(scenario, scenario.admin(service), 88);
      try (Background flow =
          new Background(
              "changes",
              () -> {
                if (workload.acknowledged() < changes) {
                  workload.step();
                }
                ServiceProcess.sleep(Duration.ofMillis(40));
              })) {
        while (people.typed() < size.cellEdits()) {
          people.round(EDITS_PER_RUN);
          Scenario.triggerWriteBack(service);
        }
        while (workload.acknowledged() < changes) {
          ServiceProcess.sleep(Duration.ofMillis(100));
        }
      }
      scenario.drain(service, Duration.ofMinutes(3));
      Scenario.triggerWriteBack(service); // a quiet run: nothing left to rewrite any cell
      EditTally edits = people.tally();

      Outcome.finish(
          scenario,
          workload,
          8,
          "8. people edit sheetsync's cells",
          "%d edits typed into sheetsync-owned cells (%d records then changed through the API)"
              .formatted(edits.typed(), people.changedThroughApi()),
          ("%d edits still in the sheet, %d in conflicts (%d conflicts), %d typed over by the"
                  + " same person; **%d edits lost**")
              .formatted(
                  edits.inSheet(),
                  edits.inConflicts(),
                  edits.conflicts(),
                  edits.superseded(),
                  edits.lost()),
          edits::addTo);
      assertThat(edits.violations()).as("people's edits").isEmpty();
      assertThat(edits.inSheet() + edits.inConflicts() + edits.superseded() + edits.lost())
          .as("every edit accounted for")
          .isEqualTo(edits.typed());
    }
  }
}
