package dev.sheetsync;

import dev.sheetsync.users.LoginName;
import dev.sheetsync.users.Role;
import dev.sheetsync.users.SignedInUser;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** Test data straight through SQL, bypassing the API and the outbox on purpose. */
public final class TestData {

  public static final String PASSWORD = "correct horse battery";

  /** Hashing costs ~0.1 s: hash the shared test password once per JVM. */
  private static final String HASH =
      PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);

  private final JdbcClient jdbc;

  public TestData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Empties every table the tests write (sessions included); users too. */
  public TestData reset() {
    jdbc.sql(
            "truncate sync_queue, sync_log, sync_pauses, sheet_tabs, sheet_written_rows, sheet_row_imports, sync_conflicts, sync_activity_hours, sync_runs,"
                + " revenues, operators, requests, users,"
                + " spring_session, spring_session_attributes, login_attempts"
                + " restart identity cascade")
        .update();
    return this;
  }

  /** A user with {@link #PASSWORD}. */
  public SignedInUser user(String email, Role role) {
    UUID id = UUID.randomUUID();
    String name = email.substring(0, email.indexOf('@'));
    jdbc.sql(
            "insert into users (id, email, login_key, name, role, password_hash)"
                + " values (:id, :email, :loginKey, :name, :role, :hash)")
        .param("id", id)
        .param("email", email)
        .param("loginKey", LoginName.of(email).key())
        .param("name", name)
        .param("role", role.name())
        .param("hash", HASH)
        .update();
    return new SignedInUser(id, email, name, role, null, 0);
  }

  public long queueSize() {
    return jdbc.sql("select count(*) from sync_queue").query(Long.class).single();
  }
}
