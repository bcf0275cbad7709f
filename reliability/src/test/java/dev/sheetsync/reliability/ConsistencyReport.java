package dev.sheetsync.reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of one {@link ConsistencyCheck}: counts by kind and every violation in words. A run
 * is consistent when the list is empty.
 */
final class ConsistencyReport {

  private final List<String> violations = new ArrayList<>();
  private int duplicates;
  private int lostChanges;
  private int wrongRowWrites;
  private int overwrittenCells;
  private int queueViolations;
  private int checkedRecords;
  private int checkedItems;

  void duplicate(String message) {
    duplicates++;
    violations.add("duplicate: " + message);
  }

  void lost(String message) {
    lostChanges++;
    violations.add("lost: " + message);
  }

  void wrongRow(String message) {
    wrongRowWrites++;
    violations.add("wrong row: " + message);
  }

  void overwritten(String message) {
    overwrittenCells++;
    violations.add("overwritten: " + message);
  }

  void queue(String message) {
    queueViolations++;
    violations.add("queue: " + message);
  }

  void checkedRecord() {
    checkedRecords++;
  }

  void checkedItem() {
    checkedItems++;
  }

  int duplicates() {
    return duplicates;
  }

  int lostChanges() {
    return lostChanges;
  }

  int wrongRowWrites() {
    return wrongRowWrites;
  }

  int overwrittenCells() {
    return overwrittenCells;
  }

  int queueViolations() {
    return queueViolations;
  }

  int checkedRecords() {
    return checkedRecords;
  }

  int checkedItems() {
    return checkedItems;
  }

  List<String> violations() {
    return List.copyOf(violations);
  }

  boolean consistent() {
    return violations.isEmpty();
  }

  /** Fails with the counts and the first violations, so a red run says what went wrong. */
  void assertConsistent() {
    if (!consistent()) {
      throw new AssertionError(
          this + "\n  " + String.join("\n  ", violations.stream().limit(40).toList()));
    }
  }

  @Override
  public String toString() {
    return "consistency: %d records and %d queue items checked; %d duplicates, %d lost changes, %d wrong-row writes, %d overwritten cells, %d queue violations"
        .formatted(
            checkedRecords,
            checkedItems,
            duplicates,
            lostChanges,
            wrongRowWrites,
            overwrittenCells,
            queueViolations);
  }
}
