package dev.sheetsync.system;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Mutual exclusion across every instance that shares the database, with PostgreSQL
 * transaction-level advisory locks held by a transaction kept open for as long as the lock is held.
 *
 * <p>A lock is taken with {@code pg_try_advisory_xact_lock} in a transaction of its own, on a
 * connection of its own, and that transaction stays open until {@link Held#close()} rolls it back.
 * Why a transaction and not a session-level lock: behind a pooler in transaction mode (PgBouncer,
 * and the default URLs of Supabase, Neon and Heroku) each statement outside a transaction may run
 * on another server session, so a session lock strands on whichever server connection took it
 * (later triggers are refused while nothing runs) and its unlock runs elsewhere; an open
 * transaction is the one thing every pooler keeps on one server session. Directly connected it
 * behaves the same. If the instance dies, its connection closes, PostgreSQL (or the pooler, which
 * drops a server connection whose client left mid-transaction) ends the transaction and frees the
 * lock, so a crash can never leave the write-back locked out (unlike a lock row with a flag). The
 * open transaction has no transaction id and no snapshot between statements, so it does not hold
 * back vacuum. Taking it never waits: a second caller learns at once that a run is going.
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

    /**
     * The database's time when the lock was granted. Whatever any earlier holder started (queue
     * claims, for one) happened before it, so it serves as a fencing token.
     */
    OffsetDateTime lockedAt();

    @Override
    void close();
  }

  private static final Logger log = LoggerFactory.getLogger(ClusterLock.class);

  /** {@code now()} is the transaction's start: the lock is granted by its first statement. */
  private static final String TRY_LOCK = "select pg_try_advisory_xact_lock(?), now()";

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

  public ClusterLock(DataSource dataSource, JdbcClient jdbc) {
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
      connection.setAutoCommit(false);
      OffsetDateTime lockedAt = tryLock(connection, name.key());
      if (lockedAt != null) {
        return Optional.of(new HeldTransaction(connection, name, lockedAt));
      }
      connection.rollback();
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

  /** Ending the transaction frees the lock; rollback, since it changed nothing. */
  private void release(Connection connection, Name name) {
    try {
      connection.rollback();
      connection.setAutoCommit(true);
      connection.close();
    } catch (SQLException e) {
      log.warn("Could not end the {} lock's transaction; dropping its connection instead", name, e);
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

  /** The time the lock was granted, or null when another session holds it. */
  private static OffsetDateTime tryLock(Connection connection, long key) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(TRY_LOCK)) {
      statement.setLong(1, key);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getBoolean(1) ? rows.getObject(2, OffsetDateTime.class) : null;
      }
    }
  }

  private final class HeldTransaction implements Held {
    private final Connection connection;
    private final Name name;
    private final OffsetDateTime lockedAt;

    HeldTransaction(Connection connection, Name name, OffsetDateTime lockedAt) {
      this.connection = connection;
      this.name = name;
      this.lockedAt = lockedAt;
    }

    @Override
    public OffsetDateTime lockedAt() {
      return lockedAt;
    }

    @Override
    public void close() {
      release(connection, name);
    }
  }
}
