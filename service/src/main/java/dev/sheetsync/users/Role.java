package dev.sheetsync.users;

import java.util.Set;

/**
 * What a user may do, as a fixed set of permission strings (see {@link Permissions}). ADMIN holds
 * {@link Permissions#ALL}, which grants every permission. The README's roles table mirrors this.
 */
public enum Role {
  ADMIN(Set.of(Permissions.ALL)),
  /** Sells trips: manages requests and the services booked for them; sees payments. */
  SELLER(
      Set.of(
          Permissions.REQUESTS_READ,
          Permissions.REQUESTS_WRITE,
          Permissions.OPERATORS_READ,
          Permissions.OPERATORS_WRITE,
          Permissions.REVENUES_READ)),
  /** Keeps the books: reads everything, records payments, marks suppliers paid. */
  ACCOUNTANT(
      Set.of(
          Permissions.REQUESTS_READ,
          Permissions.OPERATORS_READ,
          Permissions.OPERATORS_PAYMENT,
          Permissions.REVENUES_READ,
          Permissions.REVENUES_WRITE));

  private final Set<String> permissions;

  Role(Set<String> permissions) {
    this.permissions = permissions;
  }

  /** The permissions granted as stored, e.g. {@code {"*"}} for ADMIN. Immutable. */
  public Set<String> permissions() {
    return permissions;
  }
}
