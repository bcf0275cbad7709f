package dev.sheetsync.queue;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the sync queue retries, releases and forgets items ({@code sheetsync.queue.*}).
 *
 * @param maxRetries attempts before an item is FAILED for good, a dead letter (a released expired
 *     lease counts as one)
 * @param backoffBase delay after the first failed attempt; doubled per further attempt, with jitter
 * @param backoffMax upper bound of that delay
 * @param lease how long a claim is held: a PROCESSING item claimed longer ago is presumed abandoned
 *     by a dead worker and goes back to PENDING; must exceed the longest possible run ({@code
 *     sheetsync.writeback.max-run-duration}), which the write-back checks at startup. Default 10m.
 * @param stuckAfter the lease's old name ({@code sheetsync.queue.stuck-after}, {@code
 *     SHEETSYNC_QUEUE_STUCKAFTER}), still read when {@code lease} is not set; deprecated
 * @param completedRetention COMPLETED items older than this are deleted by the cleanup
 * @param logRetention sync-log rows older than this are deleted by the cleanup
 * @param cleanupChunkSize rows deleted per statement, so that a large cleanup never holds long
 *     locks or builds one huge transaction
 */
@Validated
@ConfigurationProperties("sheetsync.queue")
public record QueueProperties(
    @DefaultValue("5") @Min(1) int maxRetries,
    @DefaultValue("30s") @NotNull Duration backoffBase,
    @DefaultValue("1h") @NotNull Duration backoffMax,
    @NotNull Duration lease,
    @Deprecated Duration stuckAfter,
    @DefaultValue("7d") @NotNull Duration completedRetention,
    @DefaultValue("30d") @NotNull Duration logRetention,
    @DefaultValue("5000") @Min(1) int cleanupChunkSize) {

  static final Duration DEFAULT_LEASE = Duration.ofMinutes(10);

  /** {@code lease}, else the deprecated {@code stuck-after} (with a warning), else 10 minutes. */
  public QueueProperties {
    if (lease == null && stuckAfter != null) {
      LoggerFactory.getLogger(QueueProperties.class)
          .warn(
              "sheetsync.queue.stuck-after (SHEETSYNC_QUEUE_STUCKAFTER) is deprecated;"
                  + " set sheetsync.queue.lease (SHEETSYNC_QUEUE_LEASE) instead");
      lease = stuckAfter;
    }
    if (lease == null) {
      lease = DEFAULT_LEASE;
    }
  }

  @AssertTrue(message = "sheetsync.queue.backoff-max must not be shorter than backoff-base")
  boolean isBackoffOrdered() {
    return backoffBase == null || backoffMax == null || backoffMax.compareTo(backoffBase) >= 0;
  }
}
