package dev.sheetsync.queue;

import dev.sheetsync.records.SyncModel;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which records have a change on its way to the sheet (an item PENDING or PROCESSING): their rows
 * are expected to differ from the database for now, so comparisons call them pending, not wrong.
 * Thread-safe.
 */
@Component
public class QueuedRecords {

  /** Walks the status index; FAILED items are not on their way (they wait for a person). */
  private static final String QUEUED =
      """
      select distinct record_id from sync_queue
       where model = :model and status in ('PENDING', 'PROCESSING')
      """;

  private final JdbcClient jdbc;

  QueuedRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The ids of {@code model}'s records with a change queued now. */
  public Set<UUID> of(SyncModel model) {
    Set<UUID> ids = new HashSet<>();
    jdbc.sql(QUEUED)
        .param("model", model.dbName())
        .query(
            rs -> {
              ids.add(rs.getObject("record_id", UUID.class));
            });
    return ids;
  }
}
