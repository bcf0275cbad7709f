package dev.sheetsync.users;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A user as the API shows it: never the password hash. */
public record User(
    UUID id,
    String email,
    String name,
    Role role,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {}
