package dev.sheetsync.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The suite's one PostgreSQL server, on a fixed port and a data folder the suite owns, so that it
 * can be stopped and started again under the running services (scenario 5) without them noticing
 * anything but the outage. Each scenario gets its own database on it.
 */
final class PostgresServer implements AutoCloseable {

  private final Path dataDir;
  private final int port;
  private EmbeddedPostgres postgres;

  private PostgresServer(Path dataDir, int port) {
    this.dataDir = dataDir;
    this.port = port;
  }

  static PostgresServer start(Path dataDir) {
    try {
      Files.createDirectories(dataDir.getParent());
      deleteRecursively(dataDir);
      PostgresServer server = new PostgresServer(dataDir, freePort());
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the server (again) on the same port and data. */
  synchronized void start() {
    if (postgres != null) {
      return;
    }
    try {
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setServerConfig("max_connections", "300")
              .setPGStartupWait(Duration.ofSeconds(60))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start PostgreSQL in " + dataDir, e);
    }
  }

  /** Stops the server ({@code pg_ctl stop -m fast}): open connections break at once. */
  synchronized void stop() {
    if (postgres == null) {
      return;
    }
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      postgres = null;
    }
  }

  synchronized boolean running() {
    return postgres != null;
  }

  /** The {@code postgres://} form a Heroku user would paste: tested on the way. */
  String url(String database) {
    return "postgres://postgres:postgres@localhost:%d/%s".formatted(port, database);
  }

  void createDatabase(String database) {
    jdbc("postgres").sql("create database " + database).update();
  }

  JdbcClient jdbc(String database) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setServerNames(new String[] {"localhost"});
    dataSource.setPortNumbers(new int[] {port});
    dataSource.setDatabaseName(database);
    dataSource.setUser("postgres");
    dataSource.setPassword("postgres");
    dataSource.setConnectTimeout(10);
    return JdbcClient.create(dataSource);
  }

  @Override
  public void close() {
    stop();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
