package dev.sheetsync.writeback;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of one write-back run and how it treats Google ({@code sheetsync.writeback.*}).
 *
 * <p>The defaults drain a 10,000-item backlog in one run within Google's default per-user quotas
 * (60 write and 60 read requests a minute): a batch of 1,000 items costs at most 3 appends, one
 * {@code values.batchUpdate}, and two reads, so ten batches stay far below the quota. The original
 * app's behaviour (4 batches of 25; docs/api-contract.md) is {@code batch-size: 25,
 * bulk-batch-size: 25, max-batches: 4}.
 *
 * <p>A backlog grows the batches: a run's first claim takes {@code batch-size} items, every later
 * one {@code bulk-batch-size} (a later claim only happens when the first came back full or more
 * became due meanwhile, so ordinary runs never see it). A batch costs two write requests whatever
 * its size, so a resync of 50,000 requests needs 1 + 10 batches = 22 write requests with the
 * defaults, inside one minute's quota, where batches of 1,000 would need 100 and wait for the
 * quota. The bulk size is capped by the size of one request: Google recommends at most 2 MB per
 * request, and a batch's {@code values.batchUpdate} carries every row of the batch; 5,000 rows of
 * the default Requests layout (its widest tab) are about 1.6 MB of JSON (measured by {@code
 * ResyncBenchmark}). Layouts with many more columns or long texts should lower it.
 *
 * @param batchSize items claimed and written together
 * @param bulkBatchSize items claimed per batch after a run's first batch (never less than {@code
 *     batchSize}): fewer requests for a backlog, each still below Google's recommended 2 MB
 * @param maxBatches batches per run at most ({@code batchSize × maxBatches} items)
 * @param maxRunDuration no batch starts after this; must stay well below {@code
 *     sheetsync.queue.lease}, or a live run's leases would expire (checked at startup)
 * @param google retries and quota of the Sheets calls
 */
@Validated
@ConfigurationProperties("sheetsync.writeback")
public record WriteBackProperties(
    @DefaultValue("1000") @Min(1) int batchSize,
    @DefaultValue("5000") @Min(1) int bulkBatchSize,
    @DefaultValue("50") @Min(1) int maxBatches,
    @DefaultValue("3m") @NotNull Duration maxRunDuration,
    @DefaultValue @Valid @NotNull Google google) {

  @ConstructorBinding
  public WriteBackProperties {}

  /** Without a bulk size: every batch {@code batchSize} items (tests that build it by hand). */
  public WriteBackProperties(
      int batchSize, int maxBatches, Duration maxRunDuration, Google google) {
    this(batchSize, batchSize, maxBatches, maxRunDuration, google);
  }

  /** Items to claim for a run's next batch, after {@code batchesDone} batches. */
  public int claimSize(int batchesDone) {
    return batchesDone == 0 ? batchSize : Math.max(batchSize, bulkBatchSize);
  }

  /**
   * @param attempts tries per call for 429, 5xx and timeouts (1 = no retry)
   * @param initialBackoff wait before the first retry; doubled per retry, with jitter
   * @param maxBackoff cap of that wait
   * @param quotaWindow Google's quota window; after a 429 the call waits at least for the next one
   * @param writeRequestsPerMinute write requests sent per {@code quotaWindow} at most (0 = no
   *     limit), so that the run stays inside the quota instead of running into 429s
   * @param readRequestsPerMinute the same for reads
   */
  public record Google(
      @DefaultValue("6") @Min(1) int attempts,
      @DefaultValue("100ms") @NotNull Duration initialBackoff,
      @DefaultValue("32s") @NotNull Duration maxBackoff,
      @DefaultValue("1m") @NotNull Duration quotaWindow,
      @DefaultValue("60") @Min(0) int writeRequestsPerMinute,
      @DefaultValue("60") @Min(0) int readRequestsPerMinute) {}
}
