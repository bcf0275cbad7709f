package dev.sheetsync.queue;

import java.time.OffsetDateTime;

/** One sync-log row. {@code status} is SUCCESS or FAILED. */
public record SyncLogEntry(
    long id,
    Long queueItemId,
    String sheetName,
    String action,
    String recordId,
    Integer rowIndex,
    String status,
    String errorMessage,
    OffsetDateTime syncedAt) {}
