package dev.sheetsync.users;

import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The user that changes applied from the sheet (read-in edits, imported rows) are attributed to:
 * {@code sheetsync.sync.sheet-user}, or the first admin by creation order. Looked up on each use
 * (one indexed statement), so a user created or renamed later is found without a restart.
 * Thread-safe.
 */
@Component
public class SheetUser {

  private static final Logger log = LoggerFactory.getLogger(SheetUser.class);

  private static final String CONFIGURED =
      "select id from users where lower(email) = lower(:email)";

  // Ties on created_at (users made in one transaction) are broken by id, so the answer is stable.
  private static final String FIRST_ADMIN =
      "select id from users where role = 'ADMIN' order by created_at, id limit 1";

  private final String email;

  private final JdbcClient jdbc;

  SheetUser(SheetUserProperties properties, JdbcClient jdbc) {
    this.email =
        properties.sheetUser() == null || properties.sheetUser().isBlank()
            ? null
            : properties.sheetUser().strip();
    this.jdbc = jdbc;
  }

  /** The user's id; empty when the configured email (or any admin) is not in the users table. */
  public Optional<UUID> id() {
    if (email == null) {
      return jdbc.sql(FIRST_ADMIN).query(UUID.class).optional();
    }
    Optional<UUID> id = jdbc.sql(CONFIGURED).param("email", email).query(UUID.class).optional();
    if (id.isEmpty()) {
      log.warn("sheetsync.sync.sheet-user {} is not a user: sheet changes carry no user", email);
    }
    return id;
  }
}
