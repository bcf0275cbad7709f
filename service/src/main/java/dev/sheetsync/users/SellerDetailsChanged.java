package dev.sheetsync.users;

import java.util.UUID;

/**
 * Published synchronously, inside the transaction that changed a user's name or email: listeners
 * (the records feature) can enqueue the rows that show them in the same transaction.
 */
public record SellerDetailsChanged(UUID userId) {}
