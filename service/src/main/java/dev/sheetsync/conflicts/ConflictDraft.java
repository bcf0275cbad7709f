package dev.sheetsync.conflicts;

import dev.sheetsync.records.SyncModel;
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

  /** The booking a record's fields name: its own code, or its request's; null when unknown. */
  public static String bookingCode(java.util.Map<String, Object> fields) {
    return label(fields, "bookingCode", "request.bookingCode");
  }

  /** The customer a record's fields name: its own, or its request's; null when unknown. */
  public static String customer(java.util.Map<String, Object> fields) {
    return label(fields, "customerName", "request.customerName");
  }

  private static String label(java.util.Map<String, Object> fields, String own, String related) {
    Object value = fields == null ? null : fields.getOrDefault(own, fields.get(related));
    return value == null ? null : value.toString();
  }

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
