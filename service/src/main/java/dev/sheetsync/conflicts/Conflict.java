package dev.sheetsync.conflicts;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A sheetsync-owned cell whose value in the sheet is not what sheetsync last wrote: a person's
 * edit, kept until an admin decides which value stays. Values are as the sheet displays them.
 *
 * @param id the conflict's number, for {@code POST /api/sync/conflicts/{id}/resolve}
 * @param model {@code Request}, {@code Operator} or {@code Revenue}
 * @param recordId the record whose row holds the cell
 * @param tab the tab's layout name
 * @param column the column's header
 * @param rowIndex the 1-based row where the edit was seen
 * @param writtenValue what sheetsync last wrote there
 * @param sheetValue what the person left there
 * @param databaseValue the record's value when the edit was seen
 * @param message why the sheet's value cannot be applied, or null
 * @param overwritten true when sheetsync wrote the database's value over the person's (on-edit
 *     overwrite): the person's value is kept here only
 * @param bookingCode the booking the record belongs to, for people
 * @param customer the booking's customer, for people
 * @param status {@code OPEN} or {@code RESOLVED}
 * @param resolution {@code DATABASE} or {@code SHEET} once resolved, else null
 * @param resolvedBy the admin's e-mail once resolved, else null
 */
public record Conflict(
    long id,
    String model,
    UUID recordId,
    String tab,
    String column,
    Integer rowIndex,
    String writtenValue,
    String sheetValue,
    String databaseValue,
    String message,
    boolean overwritten,
    String bookingCode,
    String customer,
    OffsetDateTime detectedAt,
    String status,
    String resolution,
    OffsetDateTime resolvedAt,
    String resolvedBy) {

  public static final String OPEN = "OPEN";
  public static final String RESOLVED = "RESOLVED";

  public boolean open() {
    return OPEN.equals(status);
  }
}
