package dev.sheetsync.writeback;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of one write-back run and how it treats Google ({@code sheetsync.writeback.*}).
 *
 * <p>The defaults drain a 10,000-item backlog in one run within Google's default per-user quotas
 * (60 write and 60 read requests a minute): a batch of 1,000 items costs at most 3 appends, one
 * {@code values.batchUpdate}, and two reads, so ten batches stay far below the quota. The seed's
 * behaviour (4 batches of 25) is {@code batch-size: 25, max-batches: 4}.
 *
 * @param batchSize items claimed and written together
 * @param maxBatches batches per run at most ({@code batchSize × maxBatches} items)
 * @param maxRunDuration no batch starts after this; must stay well below {@code
 *     sheetsync.queue.stuck-after}, or a live run's items would be reset as stuck (checked at
 *     startup)
 * @param google retries and quota of the Sheets calls
 */
@Validated
@ConfigurationProperties("sheetsync.writeback")
public record WriteBackProperties(
    @DefaultValue("1000") @Min(1) int batchSize,
    @DefaultValue("50") @Min(1) int maxBatches,
    @DefaultValue("3m") @NotNull Duration maxRunDuration,
    @DefaultValue @Valid @NotNull Google google) {

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
