package dev.sheetsync.queue;

import dev.sheetsync.records.SyncAction;
import dev.sheetsync.records.SyncModel;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * One claimed queue item, as {@link SyncQueue#claim(int)} returns it.
 *
 * @param sheetRowIndex the row hint recorded with the change, or null
 * @param payload the record's snapshot at the time of the change (never null)
 * @param retries failed attempts so far
 * @param claimedAt when this claim was made; it identifies the claim, so that outcomes recorded for
 *     a claim that was meanwhile reset (and perhaps claimed again) are ignored
 */
public record QueueItem(
    long id,
    SyncAction action,
    SyncModel model,
    UUID recordId,
    Integer sheetRowIndex,
    Map<String, Object> payload,
    int retries,
    OffsetDateTime createdAt,
    OffsetDateTime claimedAt) {}
