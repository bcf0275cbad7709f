package dev.sheetsync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real PgBouncer (Debian's {@code pgbouncer} package) in transaction pooling mode in front of a
 * PostgreSQL server, started as a process for the tests that need one: what Supabase, Neon and
 * Heroku hand out as the default database URL. {@link #binary()} is empty where it is not
 * installed; callers skip then.
 */
public final class PgBouncer implements AutoCloseable {

  /** How to install it, for the skip message. */
  public static final String MISSING =
      "pgbouncer is not installed (Debian: apt-get install pgbouncer; .ci/run installs it):"
          + " skipping the transaction-pooling tests";

  private final Process process;
  private final int port;
  private final Path log;

  private PgBouncer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** The installed executable, if any. */
  public static Optional<Path> binary() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.concat(
            Stream.of(path.split(java.io.File.pathSeparator)).filter(p -> !p.isBlank()),
            Stream.of("/usr/sbin", "/usr/local/sbin", "/usr/bin"))
        .map(dir -> Path.of(dir, "pgbouncer"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /**
   * Starts PgBouncer in transaction mode with {@code poolSize} server connections to the given
   * server, as database {@code sheetsync}; clients need no password.
   */
  public static PgBouncer start(
      String host, int serverPort, String database, String user, String password, int poolSize) {
    Path executable = binary().orElseThrow(() -> new IllegalStateException(MISSING));
    try {
      Path dir = Files.createTempDirectory("pgbouncer");
      // Readable by the unprivileged user it switches to when started as root.
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      int port = freePort();
      Path ini = dir.resolve("pgbouncer.ini");
      Files.writeString(
          ini,
          """
          [databases]
          sheetsync = host=%s port=%d dbname=%s user=%s password=%s
          [pgbouncer]
          listen_addr = 127.0.0.1
          listen_port = %d
          unix_socket_dir =
          auth_type = any
          pool_mode = transaction
          default_pool_size = %d
          max_client_conn = 200
          ignore_startup_parameters = extra_float_digits
          """
              .formatted(host, serverPort, database, user, password, port, poolSize));
      Files.setPosixFilePermissions(ini, PosixFilePermissions.fromString("rw-r--r--"));
      List<String> command = new ArrayList<>(List.of(executable.toString()));
      if ("root".equals(System.getProperty("user.name"))) {
        command.addAll(List.of("-u", "nobody")); // it refuses to run as root
      }
      command.add(ini.toString());
      Path log = dir.resolve("pgbouncer.log");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      PgBouncer bouncer = new PgBouncer(process, port, log);
      bouncer.awaitListening();
      return bouncer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JDBC URL through the pooler; no server-side prepared statements (they are per session). */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/sheetsync?prepareThreshold=0";
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitListening() throws IOException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("pgbouncer exited: " + Files.readString(log));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
    close();
    throw new IllegalStateException("pgbouncer did not listen: " + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
