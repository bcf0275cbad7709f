package dev.sheetsync.reliability;

import java.util.function.Consumer;

/** The end of every scenario: check, record the summary line, and fail on any violation. */
final class Outcome {

  private Outcome() {}

  /**
   * Runs the consistency check (with the scenario's additions), adds the workload's acknowledged-
   * write check, writes the summary line and asserts that nothing was violated.
   */
  static ConsistencyReport finish(
      Scenario scenario,
      Workload workload,
      int order,
      String title,
      String disturbances,
      String notes,
      Consumer<Expectations> adjust) {
    ConsistencyReport report = scenario.check(adjust);
    workload.verifyAcknowledged(scenario.jdbc, report);
    int retries = scenario.queueState().totalRetries();
    SummaryTable.add(
        scenario.dir(),
        scenario.env.size,
        new SummaryTable.Row(
            order,
            title,
            workload.acknowledged(),
            disturbances,
            report.duplicates(),
            report.lostChanges(),
            report.wrongRowWrites(),
            scenario.elapsed(),
            (notes.isEmpty() ? "" : notes + "; ")
                + "%d queue retries; %d records checked%s"
                    .formatted(
                        retries,
                        report.checkedRecords(),
                        report.consistent()
                            ? ""
                            : "; " + report.violations().size() + " violations")));
    System.out.println(title + ": " + report);
    report.assertConsistent();
    return report;
  }

  static ConsistencyReport finish(
      Scenario scenario,
      Workload workload,
      int order,
      String title,
      String disturbances,
      String notes) {
    return finish(scenario, workload, order, title, disturbances, notes, e -> {});
  }
}
