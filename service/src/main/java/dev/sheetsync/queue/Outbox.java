package dev.sheetsync.queue;

import dev.sheetsync.records.Change;
import dev.sheetsync.records.ChangeOutbox;
import dev.sheetsync.records.SyncModel;
import java.util.List;
import java.util.UUID;
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
public class Outbox implements ChangeOutbox {

  private static final String INSERT =
      """
      insert into sync_queue (action, model, record_id, sheet_row_index, payload, from_sheet)
      values (:action, :model, :recordId, :sheetRowIndex, cast(:payload as jsonb), :fromSheet)
      """;

  /**
   * One UPDATE per record, in the order given, in one statement however many records. Coalesced: a
   * record that already waits in a PENDING item is written by that item with its latest state
   * anyway, so it gets no second one. The identity column numbers the rows in the select's order,
   * and claims take equal due times by id, so the records are written in this order. The payload is
   * empty, as for the write-back's own repairs: the write-back loads every record it writes.
   */
  private static final String ENQUEUE_ALL =
      """
      insert into sync_queue (action, model, record_id, payload)
      select 'UPDATE', :model, u.id, '{}'::jsonb
        from unnest(cast(:ids as uuid[])) with ordinality as u(id, n)
       where not exists (
             select 1 from sync_queue q
              where q.model = :model and q.record_id = u.id and q.status = 'PENDING')
       order by u.n
      """;

  private final JdbcClient jdbc;
  private final JsonMapper json;

  Outbox(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Inserts one queue row per change, in order, in the caller's transaction. */
  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(List<Change> changes) {
    for (Change change : changes) {
      jdbc.sql(INSERT)
          .param("action", change.action().name())
          .param("model", change.model().dbName())
          .param("recordId", change.recordId())
          .param("sheetRowIndex", change.sheetRowIndex())
          .param("payload", json.writeValueAsString(change.payload()))
          .param("fromSheet", change.fromSheet())
          .update();
    }
  }

  /**
   * Queues an UPDATE of each record in {@code ids} (in this order) that has no PENDING item yet, in
   * the caller's transaction: for filling a new or wiped spreadsheet.
   *
   * @return the number of items queued
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int enqueueAll(SyncModel model, List<UUID> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    return jdbc.sql(ENQUEUE_ALL)
        .param("model", model.dbName())
        .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
        .update();
  }

  /** Inserts one queue row in the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(Change change) {
    record(List.of(change));
  }
}
