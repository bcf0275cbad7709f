package dev.sheetsync.queue;

import java.util.Objects;

/**
 * What happened to one claimed item, recorded by {@link SyncQueue#record(java.util.Collection)}.
 *
 * @param sheetName the tab written (logged), or null
 * @param rowIndex the row written (logged), or null
 * @param message the error for a failure, the reason for a skip or a release, else null
 */
public record Outcome(
    QueueItem item, Kind kind, String sheetName, Integer rowIndex, String message) {

  /** The item's fate. */
  public enum Kind {
    /** Written to the sheet: COMPLETED plus a SUCCESS log row. */
    WRITTEN,
    /** Nothing to write (made moot, or the tab ignores it): COMPLETED plus a SUCCESS log row. */
    SKIPPED,
    /**
     * One failed attempt: PENDING with backoff, or FAILED once out of retries; a FAILED log row.
     */
    FAILED,
    /** Retrying cannot help: FAILED at once, with a FAILED log row. */
    FAILED_PERMANENTLY,
    /** Not attempted through no fault of the item: PENDING again now, no attempt counted. */
    RELEASED
  }

  public Outcome {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(kind, "kind");
  }

  public static Outcome written(QueueItem item, String sheetName, int rowIndex) {
    return new Outcome(item, Kind.WRITTEN, sheetName, rowIndex, null);
  }

  public static Outcome skipped(QueueItem item, String sheetName, Integer rowIndex, String why) {
    return new Outcome(item, Kind.SKIPPED, sheetName, rowIndex, why);
  }

  public static Outcome failed(QueueItem item, String sheetName, String error) {
    return new Outcome(item, Kind.FAILED, sheetName, null, error);
  }

  public static Outcome failedPermanently(QueueItem item, String sheetName, String error) {
    return new Outcome(item, Kind.FAILED_PERMANENTLY, sheetName, null, error);
  }

  public static Outcome released(QueueItem item, String why) {
    return new Outcome(item, Kind.RELEASED, null, null, why);
  }

  /** The sync-log action for this item, as {@code docs/api-contract.md} names it. */
  public String logAction() {
    return "WRITE_BACK_" + item.action().name();
  }
}
