package dev.sheetsync.queue;

import dev.sheetsync.records.SyncAction;
import dev.sheetsync.records.SyncModel;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A dead letter: a queue item out of attempts (status FAILED, its name in the database and the
 * API), waiting for a person to fix the cause and retry it.
 *
 * @param bookingCode the booking code from the change's snapshot (the request's own, or that of the
 *     operator's or revenue's request); null if the snapshot has none
 * @param customer the customer's name, likewise
 */
public record DeadLetter(
    long id,
    SyncModel model,
    SyncAction action,
    UUID recordId,
    String bookingCode,
    String customer,
    String lastError,
    int retries,
    OffsetDateTime createdAt) {}
