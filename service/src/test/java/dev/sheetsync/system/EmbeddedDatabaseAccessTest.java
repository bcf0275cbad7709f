package dev.sheetsync.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL of a DATA_DIR lets in only who holds the DATA_DIR's password. */
class EmbeddedDatabaseAccessTest {

  @TempDir Path dataDir;

  @Test
  void aNewDataDirAcceptsOnlyThePasswordFromItsPrivateFileAcrossRestarts() throws Exception {
    DatabaseUrl url;
    EmbeddedDatabase database = EmbeddedDatabase.start(properties());
    try {
      url = database.url();
      assertRefusedWithout(url);
      assertThat(canQuery(url.jdbcUrl(), url.password())).isTrue();
    } finally {
      database.close();
    }

    Path passwordFile = dataDir.resolve("postgres-password");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(passwordFile).strip()).isEqualTo(url.password()).hasSize(43);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve("postgres-socket"))))
        .isEqualTo("rwx------");
    assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf")))
        .contains("scram-sha-256")
        .doesNotContain("trust");

    EmbeddedDatabase again = EmbeddedDatabase.start(properties());
    try {
      assertThat(again.url().password()).isEqualTo(url.password());
      assertThat(canQuery(again.url().jdbcUrl(), url.password())).isTrue();
      assertRefusedWithout(again.url());
    } finally {
      again.close();
    }
  }

  @Test
  void aDataDirFromBeforeThatTrustedEveryoneIsMovedToThePassword() throws Exception {
    EmbeddedPostgres.builder()
        .setDataDirectory(dataDir.resolve("postgres"))
        .setCleanDataDirectory(false)
        .start()
        .close();
    assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf"))).contains("trust");

    EmbeddedDatabase database = EmbeddedDatabase.start(properties());
    try {
      DatabaseUrl url = database.url();
      assertThat(canQuery(url.jdbcUrl(), url.password())).isTrue();
      assertRefusedWithout(url);
    } finally {
      database.close();
    }
  }

  private DatabaseProperties properties() {
    return new DatabaseProperties(null, null, null, dataDir, false, 2);
  }

  private static void assertRefusedWithout(DatabaseUrl url) {
    assertThatThrownBy(() -> canQuery(url.jdbcUrl(), null)).isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> canQuery(url.jdbcUrl(), "postgres")).isInstanceOf(SQLException.class);
  }

  private static boolean canQuery(String jdbcUrl, String password) throws SQLException {
    java.util.Properties info = new java.util.Properties();
    info.setProperty("user", "postgres");
    if (password != null) {
      info.setProperty("password", password);
    }
    try (Connection connection = DriverManager.getConnection(jdbcUrl, info)) {
      return connection.createStatement().executeQuery("select 1").next();
    }
  }
}
