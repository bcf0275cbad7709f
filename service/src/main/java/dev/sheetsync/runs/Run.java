package dev.sheetsync.runs;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One write-back run as stored in the history.
 *
 * @param id null until stored
 * @param trigger who started it: {@code schedule}, {@code cron} or {@code manual}
 * @param instance the service instance that ran it (host name and process id)
 * @param outcome {@code COMPLETED}, or {@code FAILED} when the run broke off with an error
 * @param released items put back untouched (rows moved meanwhile, or the run stopped)
 * @param sheetsRequests Sheets API requests this instance made while the run went
 * @param stoppedBy why it stopped: {@code nothing due}, the Google error that ended it early, or
 *     the error that broke it off
 */
public record Run(
    Long id,
    String trigger,
    String instance,
    OffsetDateTime startedAt,
    long durationMillis,
    String outcome,
    int processed,
    int succeeded,
    int failed,
    int skipped,
    int released,
    long sheetsRequests,
    String stoppedBy) {

  public static final String COMPLETED = "COMPLETED";
  public static final String FAILED = "FAILED";

  public Run {
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(stoppedBy, "stoppedBy");
    if (!COMPLETED.equals(outcome) && !FAILED.equals(outcome)) {
      throw new IllegalArgumentException("outcome must be COMPLETED or FAILED: " + outcome);
    }
    if (durationMillis < 0) {
      throw new IllegalArgumentException("durationMillis must not be negative: " + durationMillis);
    }
  }
}
