package dev.sheetsync.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;

/**
 * Who may connect to the embedded PostgreSQL of a {@code DATA_DIR}: only someone holding its
 * password. initdb's default ({@code trust}, a socket in {@code /tmp}) gave every user and program
 * on the host a superuser: the bcrypt hashes, live session ids, and {@code COPY … TO PROGRAM}.
 *
 * <ul>
 *   <li>The password is random (256 bits), generated once per {@code DATA_DIR} into {@code
 *       DATA_DIR/postgres-password} (mode 0600), and given to initdb ({@code --pwfile}) so a new
 *       cluster never accepts anyone without it.
 *   <li>{@code pg_hba.conf} is rewritten at every start to {@code scram-sha-256} for the socket and
 *       loopback, nothing else.
 *   <li>The Unix socket lives in {@code DATA_DIR/postgres-socket} (mode 0700), or is switched off
 *       when that path is too long for a socket or holds white space.
 *   <li>A data folder from before this (trust, no password) is moved over once: started with
 *       loopback trust, given the password, switched to scram and reloaded.
 * </ul>
 */
final class EmbeddedDatabaseAccess {

  static final String PASSWORD_FILE = "postgres-password";
  static final String SOCKET_DIR = "postgres-socket";
  static final String HBA_MARKER = "# sheetsync: password authentication";

  private static final SecureRandom RANDOM = new SecureRandom();
  // A socket path (dir + "/.s.PGSQL.nnnnn") must fit in 107 bytes.
  private static final int MAX_SOCKET_DIR_LENGTH = 90;

  private final Path dataDir;
  private final Path clusterDir;
  private final String password;
  private final boolean migrateFromTrust;

  private EmbeddedDatabaseAccess(
      Path dataDir, Path clusterDir, String password, boolean migrateFromTrust) {
    this.dataDir = dataDir;
    this.clusterDir = clusterDir;
    this.password = password;
    this.migrateFromTrust = migrateFromTrust;
  }

  /** Reads (or creates) the password of {@code dataDir}'s cluster in {@code clusterDir}. */
  static EmbeddedDatabaseAccess of(Path dataDir, Path clusterDir) {
    try {
      Path file = dataDir.resolve(PASSWORD_FILE);
      boolean clusterExists = Files.exists(clusterDir.resolve("postgresql.conf"));
      boolean newPassword = !Files.exists(file);
      if (newPassword) {
        writePrivately(file, randomPassword());
      }
      String password = Files.readString(file, StandardCharsets.UTF_8).strip();
      boolean passwordAuth =
          clusterExists && Files.readString(clusterDir.resolve("pg_hba.conf")).contains(HBA_MARKER);
      return new EmbeddedDatabaseAccess(
          dataDir, clusterDir, password, clusterExists && (newPassword || !passwordAuth));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot set up the embedded PostgreSQL's password", e);
    }
  }

  String password() {
    return password;
  }

  /** Applies the password, socket and pg_hba rules to the builder of the cluster. */
  EmbeddedPostgres.Builder configure(EmbeddedPostgres.Builder builder) {
    builder
        .setLocaleConfig("auth", "scram-sha-256")
        .setLocaleConfig("pwfile", dataDir.resolve(PASSWORD_FILE).toString())
        .setServerConfig("password_encryption", "scram-sha-256")
        .setServerConfig("listen_addresses", "localhost")
        .setServerConfig("unix_socket_directories", socketDirectory())
        .setConnectConfig("password", password)
        .setDataDirectoryCustomizer(dir -> writeHba(migrateFromTrust ? "trust" : "scram-sha-256"));
    return builder;
  }

  /** After start: finishes moving a trust cluster over to the password. */
  void afterStart(EmbeddedPostgres postgres) {
    if (!migrateFromTrust) {
      return;
    }
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      // The password is base64url: no quote can end the literal.
      statement.execute("alter role postgres password '" + password + "'");
      writeHba("scram-sha-256");
      statement.execute("select pg_reload_conf()");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot give the embedded PostgreSQL in " + clusterDir + " its password", e);
    }
  }

  private String socketDirectory() {
    Path dir = dataDir.resolve(SOCKET_DIR);
    String path = dir.toString();
    if (path.length() > MAX_SOCKET_DIR_LENGTH || path.chars().anyMatch(Character::isWhitespace)) {
      return "''"; // no Unix socket at all; connections come over loopback TCP
    }
    try {
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException | UnsupportedOperationException e) {
      return "''";
    }
    return path;
  }

  private void writeHba(String method) {
    List<String> lines =
        List.of(
            method.equals("trust") ? "# sheetsync: moving to password authentication" : HBA_MARKER,
            "# Written by sheetsync at every start; edits are overwritten.",
            "local all all " + method,
            "host all all 127.0.0.1/32 " + method,
            "host all all ::1/128 " + method);
    try {
      Files.write(clusterDir.resolve("pg_hba.conf"), lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + clusterDir.resolve("pg_hba.conf"), e);
    }
  }

  private static void writePrivately(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
    Files.writeString(file, content + "\n", StandardCharsets.UTF_8, StandardOpenOption.WRITE);
  }

  private static String randomPassword() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
