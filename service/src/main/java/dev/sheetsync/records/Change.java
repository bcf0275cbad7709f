package dev.sheetsync.records;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One change to one record, as recorded in the outbox.
 *
 * @param sheetRowIndex the record's last known sheet row (a hint), or null
 * @param payload snapshot of the record at the time of the change (field names as in {@code
 *     RecordSnapshot})
 */
public record Change(
    SyncAction action,
    SyncModel model,
    UUID recordId,
    Integer sheetRowIndex,
    Map<String, Object> payload) {

  public Change {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(payload, "payload");
  }
}
