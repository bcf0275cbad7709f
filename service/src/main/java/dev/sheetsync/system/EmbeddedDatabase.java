package dev.sheetsync.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL used when {@code DATABASE_URL} is unset. Its data folder is kept between
 * restarts, so the default run behaves like a small real installation.
 */
final class EmbeddedDatabase {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  /**
   * Tests share one throw-away server per JVM: starting PostgreSQL costs seconds, not milliseconds.
   */
  private static EmbeddedDatabase shared;

  private final EmbeddedPostgres postgres;
  private final boolean closeable;
  private final String password;

  private EmbeddedDatabase(EmbeddedPostgres postgres, boolean closeable, String password) {
    this.postgres = postgres;
    this.closeable = closeable;
    this.password = password;
  }

  static EmbeddedDatabase start(DatabaseProperties properties) {
    if (properties.embeddedEphemeral()) {
      return sharedEphemeral();
    }
    Path dataDir = properties.dataDir().toAbsolutePath().normalize();
    Path dir = dataDir.resolve("postgres");
    try {
      Files.createDirectories(dir);
      EmbeddedDatabaseAccess access = EmbeddedDatabaseAccess.of(dataDir, dir);
      EmbeddedPostgres pg =
          access
              .configure(EmbeddedPostgres.builder())
              .setDataDirectory(dir)
              .setCleanDataDirectory(false)
              .setPGStartupWait(java.time.Duration.ofSeconds(60))
              // Stopped by the application context, after the web server and the pool. With the
              // library's own JVM shutdown hook PostgreSQL stopped first, in parallel with the
              // context, and requests, health and the session cleanup failed for ~30 s.
              .setRegisterShutdownHook(false)
              .start();
      access.afterStart(pg);
      log.info(
          "Started embedded PostgreSQL on port {} with data in {} (password in {})",
          pg.getPort(),
          dir,
          dataDir.resolve(EmbeddedDatabaseAccess.PASSWORD_FILE));
      return new EmbeddedDatabase(pg, true, access.password());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dir, e);
    }
  }

  private static synchronized EmbeddedDatabase sharedEphemeral() {
    if (shared == null) {
      try {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        shared = new EmbeddedDatabase(pg, false, "postgres");
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::closeShared));
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
      }
    }
    return shared;
  }

  private static synchronized void closeShared() {
    try {
      shared.postgres.close();
    } catch (IOException ignored) {
      // the JVM is exiting
    }
  }

  DatabaseUrl url() {
    return new DatabaseUrl(postgres.getJdbcUrl("postgres", "postgres"), "postgres", password);
  }

  void close() throws IOException {
    if (closeable) {
      postgres.close();
    }
  }
}
