package dev.sheetsync.queue;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records changes in the sync queue. Must run inside the transaction that makes the change ({@link
 * Propagation#MANDATORY}): the change and its queue row commit together or not at all.
 */
@Component
public class Outbox {

  private static final String INSERT =
      """
      insert into sync_queue (action, model, record_id, sheet_row_index, payload)
      values (:action, :model, :recordId, :sheetRowIndex, cast(:payload as jsonb))
      """;

  private final JdbcClient jdbc;
  private final JsonMapper json;

  Outbox(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Inserts one queue row per change, in order, in the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(List<Change> changes) {
    for (Change change : changes) {
      jdbc.sql(INSERT)
          .param("action", change.action().name())
          .param("model", change.model().dbName())
          .param("recordId", change.recordId())
          .param("sheetRowIndex", change.sheetRowIndex())
          .param("payload", json.writeValueAsString(change.payload()))
          .update();
    }
  }

  /** Inserts one queue row in the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(Change change) {
    record(List.of(change));
  }
}
