package dev.sheetsync.conflicts;

import dev.sheetsync.queue.SyncModel;
import java.util.UUID;

/** A conflict as found, before it is stored; see {@link Conflict} for the fields. */
public record ConflictDraft(
    SyncModel model,
    UUID recordId,
    String tab,
    String column,
    Integer rowIndex,
    String writtenValue,
    String sheetValue,
    String databaseValue,
    String message,
    String bookingCode,
    String customer,
    boolean overwritten) {

  /** A conflict whose cell still shows the person's value. */
  public ConflictDraft(
      SyncModel model,
      UUID recordId,
      String tab,
      String column,
      Integer rowIndex,
      String writtenValue,
      String sheetValue,
      String databaseValue,
      String message,
      String bookingCode,
      String customer) {
    this(
        model,
        recordId,
        tab,
        column,
        rowIndex,
        writtenValue,
        sheetValue,
        databaseValue,
        message,
        bookingCode,
        customer,
        false);
  }
}
