package dev.sheetsync.sync;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Mutual exclusion across every instance that shares the database, with PostgreSQL session-level
 * advisory locks.
 *
 * <p>A lock is taken with {@code pg_try_advisory_lock} on a connection of its own, outside any
 * transaction, and that connection is kept until {@link Held#close()}: a session-level advisory
 * lock belongs to the database session, so it is held exactly as long as that connection lives. If
 * the instance dies, PostgreSQL ends the session and frees the lock, so a crash can never leave the
 * write-back locked out (unlike a lock row with a flag). Taking it never waits: a second caller
 * learns at once that a run is going.
 *
 * <p>Thread-safe. Each {@link Held} must be closed by the thread that uses it.
 */
@Component
public class ClusterLock {

  /** The locks sheetsync takes; each a fixed 64-bit key in PostgreSQL's advisory-lock space. */
  public enum Name {
    /** The write-back run: endpoint, schedule and console all take it. */
    WRITE_BACK(0x7368_6565_7473_0001L),
    /** The daily cleanup of completed queue items and old log rows. */
    CLEANUP(0x7368_6565_7473_0002L);

    private final long key;

    Name(long key) {
      this.key = key;
    }

    long key() {
      return key;
    }
  }

  /** A lock this instance holds; closing it releases the lock and the connection. */
  public interface Held extends AutoCloseable {
    @Override
    void close();
  }

  private static final Logger log = LoggerFactory.getLogger(ClusterLock.class);

  private static final String TRY_LOCK = "select pg_try_advisory_lock(?)";
  private static final String UNLOCK = "select pg_advisory_unlock(?)";

  /**
   * A bigint advisory key shows in pg_locks as classid = high 32 bits, objid = low 32 bits,
   * objsubid = 1; restricted to this database because advisory keys are per database.
   */
  private static final String HELD_ANYWHERE =
      """
      select exists (
        select 1 from pg_locks
        where locktype = 'advisory' and granted
          and database = (select oid from pg_database where datname = current_database())
          and classid = cast(:high as oid) and objid = cast(:low as oid) and objsubid = 1)
      """;

  private final DataSource dataSource;
  private final JdbcClient jdbc;

  ClusterLock(DataSource dataSource, JdbcClient jdbc) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
  }

  /**
   * Takes {@code name} if no session anywhere holds it; never waits.
   *
   * @return the held lock, or empty when another run (here or on another instance) holds it
   * @throws DataAccessResourceFailureException when the database cannot be reached
   */
  public Optional<Held> tryAcquire(Name name) {
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Cannot reach the database for a lock", e);
    }
    try {
      // Session-level locks ignore transactions, but an open transaction would pin the connection's
      // snapshot for the whole run: keep it in autocommit.
      connection.setAutoCommit(true);
      if (queryBoolean(connection, TRY_LOCK, name.key())) {
        return Optional.of(() -> release(connection, name));
      }
      connection.close();
      return Optional.empty();
    } catch (SQLException | RuntimeException e) {
      discard(connection);
      throw new DataAccessResourceFailureException("Could not take the " + name + " lock", e);
    }
  }

  /** Whether any session of any instance holds {@code name} right now (for display only). */
  public boolean isHeldAnywhere(Name name) {
    return jdbc.sql(HELD_ANYWHERE)
        .param("high", name.key() >>> 32)
        .param("low", name.key() & 0xFFFF_FFFFL)
        .query(Boolean.class)
        .single();
  }

  private void release(Connection connection, Name name) {
    boolean released = false;
    try {
      released = queryBoolean(connection, UNLOCK, name.key());
    } catch (SQLException e) {
      log.warn("Could not release the {} lock; dropping its connection instead", name, e);
    }
    if (released) {
      try {
        connection.close();
      } catch (SQLException e) {
        log.debug("Closing the {} lock connection failed", name, e);
      }
    } else {
      discard(connection);
    }
  }

  /**
   * Closes the physical connection rather than returning it to the pool: a pooled connection that
   * might still hold the lock would keep every instance from running until it is recycled.
   */
  private void discard(Connection connection) {
    if (dataSource instanceof HikariDataSource hikari) {
      hikari.evictConnection(connection);
      return;
    }
    try {
      connection.abort(Runnable::run);
    } catch (SQLException e) {
      log.debug("Aborting a lock connection failed", e);
    }
  }

  private static boolean queryBoolean(Connection connection, String sql, long key)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, key);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getBoolean(1);
      }
    }
  }
}
