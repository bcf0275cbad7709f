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
 * @param fromSheet true when the change was read in from the sheet (stored as {@code
 *     sync_queue.from_sheet})
 */
public record Change(
    SyncAction action,
    SyncModel model,
    UUID recordId,
    Integer sheetRowIndex,
    Map<String, Object> payload,
    boolean fromSheet) {

  /** A change not read in from the sheet. */
  public Change(
      SyncAction action,
      SyncModel model,
      UUID recordId,
      Integer sheetRowIndex,
      Map<String, Object> payload) {
    this(action, model, recordId, sheetRowIndex, payload, false);
  }

  public Change {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(payload, "payload");
  }
}
