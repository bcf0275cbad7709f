package dev.sheetsync.users;

import java.util.UUID;

/**
 * How many requests name a user as their seller, asked before deleting the user. The requests table
 * belongs to {@code records}, which depends on {@code users}: so {@code users} states the question
 * and {@code records} answers it. Thread-safe.
 */
public interface SoldRequests {

  /** The number of requests whose seller is {@code userId}; 0 for an unknown user. */
  long countBySeller(UUID userId);
}
