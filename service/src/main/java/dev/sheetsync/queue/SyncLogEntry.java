package dev.sheetsync.queue;

import java.time.OffsetDateTime;

/**
 * One write-back log row.
 *
 * @param model the model as the queue names it ({@code Request}, {@code Operator}, {@code
 *     Revenue}); null once the queue item was cleaned up
 * @param sheetName the tab written to
 * @param action {@code CREATE}, {@code UPDATE} or {@code DELETE}, as queue items name them
 * @param bookingCode the booking code from the change's snapshot, or null (see {@code model})
 * @param customer the customer's name from the snapshot, or null
 * @param status SUCCESS or FAILED
 */
public record SyncLogEntry(
    long id,
    Long queueItemId,
    String model,
    String sheetName,
    String action,
    String recordId,
    String bookingCode,
    String customer,
    Integer rowIndex,
    String status,
    String errorMessage,
    OffsetDateTime syncedAt) {}
