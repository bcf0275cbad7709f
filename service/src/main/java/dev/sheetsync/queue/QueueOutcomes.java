package dev.sheetsync.queue;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records outcomes: at most three statements however many items (arrays through {@code unnest}),
 * each updating the queue rows and inserting their sync-log rows together. Every statement matches
 * a row only while it is still PROCESSING under the same claim ({@code claimed_at}), so a worker
 * whose lease expired cannot overwrite what happened since.
 */
@Component
class QueueOutcomes {

  private static final String COMPLETE =
      """
      with done as (
          update sync_queue q
             set status = 'COMPLETED', processed_at = now()
            from unnest(cast(:ids as bigint[]), cast(:claims as timestamptz[])) as c(id, claimed_at)
           where q.id = c.id and q.status = 'PROCESSING' and q.claimed_at = c.claimed_at
          returning q.id)
      insert into sync_log (queue_item_id, sheet_name, action, record_id, row_index, status,
                            error_message, synced_at)
      select l.id, l.sheet_name, l.action, l.record_id, l.row_index, 'SUCCESS', l.message, now()
        from unnest(cast(:ids as bigint[]), cast(:sheets as text[]), cast(:actions as text[]),
                    cast(:records as text[]), cast(:rows as integer[]), cast(:messages as text[]))
             as l(id, sheet_name, action, record_id, row_index, message)
        join done on done.id = l.id
      returning queue_item_id
      """;

  /**
   * One failed attempt: back to PENDING after {@code base * 2^retries} (capped, then "equal
   * jitter": half fixed, half random, so that items failed together do not return together), or
   * FAILED when out of retries or when retrying cannot help ({@code f.permanent}). Shared by {@link
   * #FAIL} and {@link #FAIL_BY_ID}, both in this class; {@code q} is the queue row, {@code f} the
   * failure.
   */
  private static final String FAILED_ATTEMPT =
      """
             set retries = q.retries + 1,
                 last_error = f.error,
                 status = case when f.permanent or q.retries + 1 >= :maxRetries
                               then 'FAILED' else 'PENDING' end,
                 processed_at = case when f.permanent or q.retries + 1 >= :maxRetries
                                     then now() end,
                 next_attempt_at = case when f.permanent or q.retries + 1 >= :maxRetries
                     then q.next_attempt_at
                     else now()
                          + least(:maxMs, :baseMs * power(2, least(q.retries, 40)))
                            * (0.5 + random() / 2) * interval '1 millisecond' end
      """;

  private static final String FAIL =
      """
      with failed as (
          update sync_queue q
      %s
            from unnest(cast(:ids as bigint[]), cast(:claims as timestamptz[]),
                        cast(:messages as text[]), cast(:permanent as boolean[]))
                 as f(id, claimed_at, error, permanent)
           where q.id = f.id and q.status = 'PROCESSING' and q.claimed_at = f.claimed_at
          returning q.id)
      insert into sync_log (queue_item_id, sheet_name, action, record_id, row_index, status,
                            error_message, synced_at)
      select l.id, coalesce(l.sheet_name, ''), l.action, l.record_id, l.row_index, 'FAILED',
             l.message, now()
        from unnest(cast(:ids as bigint[]), cast(:sheets as text[]), cast(:actions as text[]),
                    cast(:records as text[]), cast(:rows as integer[]), cast(:messages as text[]))
             as l(id, sheet_name, action, record_id, row_index, message)
        join failed on failed.id = l.id
      returning queue_item_id
      """
          .formatted(FAILED_ATTEMPT);

  /** {@link #FAIL} by item id alone, without a claim to match or sync-log rows. */
  private static final String FAIL_BY_ID =
      """
      update sync_queue q
      %s
        from unnest(cast(:ids as bigint[]), cast(:messages as text[]),
                    array_fill(false, array[cardinality(cast(:ids as bigint[]))]))
             as f(id, error, permanent)
       where q.id = f.id and q.status = 'PROCESSING'
      """
          .formatted(FAILED_ATTEMPT);

  private static final String RELEASE =
      """
      update sync_queue q
         set status = 'PENDING', next_attempt_at = now(), last_error = f.message
        from unnest(cast(:ids as bigint[]), cast(:claims as timestamptz[]), cast(:messages as text[]))
             as f(id, claimed_at, message)
       where q.id = f.id and q.status = 'PROCESSING' and q.claimed_at = f.claimed_at
      """;

  private final JdbcClient jdbc;
  private final QueueProperties properties;

  QueueOutcomes(JdbcClient jdbc, QueueProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  @Transactional
  RecordedOutcomes record(Collection<Outcome> outcomes) {
    Map<Outcome.Kind, List<Outcome>> byKind =
        outcomes.stream().collect(Collectors.groupingBy(Outcome::kind));
    List<Outcome> done = concat(byKind, Outcome.Kind.WRITTEN, Outcome.Kind.SKIPPED);
    List<Outcome> failed = concat(byKind, Outcome.Kind.FAILED, Outcome.Kind.FAILED_PERMANENTLY);
    List<Outcome> released = byKind.getOrDefault(Outcome.Kind.RELEASED, List.of());
    int completed = done.isEmpty() ? 0 : withLogColumns(COMPLETE, done).query().listOfRows().size();
    int failures =
        failed.isEmpty()
            ? 0
            : withLogColumns(FAIL, failed)
                .param(
                    "permanent",
                    failed.stream()
                        .map(o -> o.kind() == Outcome.Kind.FAILED_PERMANENTLY)
                        .toArray(Boolean[]::new))
                .params(backoff(properties))
                .query()
                .listOfRows()
                .size();
    int releases =
        released.isEmpty()
            ? 0
            : jdbc.sql(RELEASE)
                .param("ids", ids(released))
                .param("claims", claims(released))
                .param("messages", released.stream().map(Outcome::message).toArray(String[]::new))
                .update();
    int lost = outcomes.size() - completed - failures - releases;
    return new RecordedOutcomes(completed, failures, releases, lost);
  }

  /** One failed attempt for each item id → error, one statement; see {@link #FAILED_ATTEMPT}. */
  int markFailed(Map<Long, String> errors) {
    if (errors.isEmpty()) {
      return 0;
    }
    List<Map.Entry<Long, String>> entries = List.copyOf(errors.entrySet());
    return jdbc.sql(FAIL_BY_ID)
        .param("ids", entries.stream().map(Map.Entry::getKey).toArray(Long[]::new))
        .param("messages", entries.stream().map(Map.Entry::getValue).toArray(String[]::new))
        .params(backoff(properties))
        .update();
  }

  /** The parameters of {@link #FAILED_ATTEMPT}. */
  private static Map<String, Object> backoff(QueueProperties properties) {
    return Map.of(
        "maxRetries", properties.maxRetries(),
        "baseMs", (double) properties.backoffBase().toMillis(),
        "maxMs", (double) properties.backoffMax().toMillis());
  }

  private JdbcClient.StatementSpec withLogColumns(String sql, List<Outcome> outcomes) {
    return jdbc.sql(sql)
        .param("ids", ids(outcomes))
        .param("claims", claims(outcomes))
        .param("sheets", outcomes.stream().map(Outcome::sheetName).toArray(String[]::new))
        .param("actions", outcomes.stream().map(Outcome::logAction).toArray(String[]::new))
        .param(
            "records",
            outcomes.stream().map(o -> o.item().recordId().toString()).toArray(String[]::new))
        .param("rows", outcomes.stream().map(Outcome::rowIndex).toArray(Integer[]::new))
        .param("messages", outcomes.stream().map(Outcome::message).toArray(String[]::new));
  }

  private static Long[] ids(List<Outcome> outcomes) {
    return outcomes.stream().map(o -> o.item().id()).toArray(Long[]::new);
  }

  /** Claim times as text: the driver has no array type for timestamps; SQL casts them back. */
  private static String[] claims(List<Outcome> outcomes) {
    return outcomes.stream().map(o -> o.item().claimedAt().toString()).toArray(String[]::new);
  }

  private static List<Outcome> concat(
      Map<Outcome.Kind, List<Outcome>> byKind, Outcome.Kind a, Outcome.Kind b) {
    return java.util.stream.Stream.concat(
            byKind.getOrDefault(a, List.of()).stream(), byKind.getOrDefault(b, List.of()).stream())
        .toList();
  }
}
