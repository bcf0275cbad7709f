package dev.sheetsync.queue;

import dev.sheetsync.records.SyncAction;
import dev.sheetsync.records.SyncModel;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A PENDING item that failed at least once and waits for its next attempt (the console's "waiting
 * to retry"): during an outage these are the items people need to see, since none is FAILED yet.
 *
 * @param bookingCode the booking code from the change's snapshot (the request's own, or that of the
 *     operator's or revenue's request); null if the snapshot has none
 * @param customer the customer's name, likewise
 * @param attempt the number of the next attempt (1-based: failed attempts so far plus one)
 * @param maxAttempts {@code sheetsync.queue.max-retries}: after that many failures it is FAILED
 * @param nextAttemptAt when it is due again
 * @param lastError why the last attempt failed
 */
public record WaitingItem(
    long id,
    SyncModel model,
    SyncAction action,
    UUID recordId,
    String bookingCode,
    String customer,
    int attempt,
    int maxAttempts,
    OffsetDateTime nextAttemptAt,
    String lastError,
    OffsetDateTime createdAt) {}
