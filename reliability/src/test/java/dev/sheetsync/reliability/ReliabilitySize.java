package dev.sheetsync.reliability;

/**
 * How big each scenario runs: {@code reduced} (the default, part of {@code ./mvnw -B verify}, a few
 * minutes on two cores) or {@code full} (issue 6's sizes; {@code -Preliability-full}, or {@code
 * -Dreliability.size=full}).
 *
 * @param killChanges changes sent in the kill -9 scenario
 * @param kills SIGKILLs in the kill -9 scenario
 * @param faultChanges changes sent while Google fails
 * @param faultRate share of failing Sheets requests
 * @param instances service processes in the several-instances scenario
 * @param instanceChanges changes sent through all instances
 * @param peopleChanges changes sent while people edit the sheet
 * @param peopleEdits edits people make (sorts, row inserts and deletes, cell edits)
 * @param cellEdits values people type into sheetsync-owned cells while changes flow
 * @param outageChanges changes sent around database outages
 * @param outages times the database goes away
 * @param hostileRepeats times the hostile corpus is sent to each endpoint
 */
record ReliabilitySize(
    String name,
    int killChanges,
    int kills,
    int faultChanges,
    double faultRate,
    int instances,
    int instanceChanges,
    int peopleChanges,
    int peopleEdits,
    int cellEdits,
    int outageChanges,
    int outages,
    int hostileRepeats) {

  static final ReliabilitySize REDUCED =
      new ReliabilitySize("reduced", 150, 3, 120, 0.2, 3, 90, 90, 12, 60, 60, 1, 1);

  static final ReliabilitySize FULL =
      new ReliabilitySize("full", 3000, 20, 1000, 0.2, 3, 1500, 1000, 120, 600, 600, 3, 3);

  /** From the system property {@code reliability.size}; unset means reduced. */
  static ReliabilitySize current() {
    String size = System.getProperty("reliability.size", "reduced").strip();
    return switch (size) {
      case "full" -> FULL;
      case "reduced", "" -> REDUCED;
      default ->
          throw new IllegalArgumentException(
              "reliability.size must be reduced or full, was " + size);
    };
  }
}
