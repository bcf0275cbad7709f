package dev.sheetsync.testing;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lets time pass for the sync queue. The queue judges every time by the database's clock, which a
 * test cannot move; moving every stored queue and log time back by the same amount is the same
 * thing as far as the queue can tell.
 */
public record QueueTime(JdbcClient jdbc) {

  private static final String SHIFT_QUEUE =
      """
      update sync_queue
         set created_at = created_at - cast(:ms as bigint) * interval '1 millisecond',
             next_attempt_at = next_attempt_at - cast(:ms as bigint) * interval '1 millisecond',
             claimed_at = claimed_at - cast(:ms as bigint) * interval '1 millisecond',
             processed_at = processed_at - cast(:ms as bigint) * interval '1 millisecond'
      """;

  private static final String SHIFT_LOG =
      """
      update sync_log set synced_at = synced_at - cast(:ms as bigint) * interval '1 millisecond'
      """;

  /** Makes {@code duration} pass for every queue item and log row. */
  public void pass(Duration duration) {
    jdbc.sql(SHIFT_QUEUE).param("ms", duration.toMillis()).update();
    jdbc.sql(SHIFT_LOG).param("ms", duration.toMillis()).update();
  }
}
