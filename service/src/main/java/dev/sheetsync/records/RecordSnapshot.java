package dev.sheetsync.records;

import java.util.Map;
import java.util.UUID;

/**
 * A record with the related fields the sheet shows, flattened under stable names: the record's own
 * fields in camelCase ({@code bookingCode}, {@code totalPrice}) and related ones with a dot ({@code
 * seller.name}, {@code request.bookingCode}). Values are {@code String}, {@code Integer}, {@code
 * BigDecimal}, {@code LocalDate}, {@code OffsetDateTime} or null. This is both the outbox payload
 * and what the write-back maps to sheet rows.
 */
public record RecordSnapshot(
    SyncModel model, UUID id, Integer sheetRowIndex, Map<String, Object> fields) {

  public Object get(String field) {
    return fields.get(field);
  }
}
