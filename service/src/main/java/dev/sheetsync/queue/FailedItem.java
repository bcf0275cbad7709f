package dev.sheetsync.queue;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A FAILED queue item, for the admin view. */
public record FailedItem(
    long id,
    SyncModel model,
    SyncAction action,
    UUID recordId,
    String lastError,
    int retries,
    OffsetDateTime createdAt) {}
