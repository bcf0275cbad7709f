package dev.sheetsync.queue;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the sync queue retries, resets and forgets items ({@code sheetsync.queue.*}).
 *
 * @param maxRetries attempts before an item is FAILED for good (a stuck reset counts as one)
 * @param backoffBase delay after the first failed attempt; doubled per further attempt, with jitter
 * @param backoffMax upper bound of that delay
 * @param stuckAfter a PROCESSING item older than this is presumed abandoned by a dead worker and
 *     goes back to PENDING; must exceed the longest possible run ({@code
 *     sheetsync.writeback.max-run-duration}), which the write-back checks at startup
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
    @DefaultValue("10m") @NotNull Duration stuckAfter,
    @DefaultValue("7d") @NotNull Duration completedRetention,
    @DefaultValue("30d") @NotNull Duration logRetention,
    @DefaultValue("5000") @Min(1) int cleanupChunkSize) {

  @AssertTrue(message = "sheetsync.queue.backoff-max must not be shorter than backoff-base")
  boolean isBackoffOrdered() {
    return backoffBase == null || backoffMax == null || backoffMax.compareTo(backoffBase) >= 0;
  }
}
