package dev.sheetsync.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

  @Test
  void keepsAJdbcUrlAsItIs() {
    DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db:5433/app?ssl=true", null, null);
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5433/app?ssl=true");
    assertThat(url.username()).isNull();
    assertThat(url.password()).isNull();
  }

  @Test
  void convertsTheNodeAndHerokuFormWithItsCredentials() {
    DatabaseUrl url =
        DatabaseUrl.parse("postgres://sync:p%40ss%3Aword@db.example.com:6543/sheets", "", "");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/sheets");
    assertThat(url.username()).isEqualTo("sync");
    assertThat(url.password()).isEqualTo("p@ss:word");
  }

  @Test
  void defaultsThePortAndKeepsQueryParameters() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://u@host/db?sslmode=require", null, null);
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/db?sslmode=require");
    assertThat(url.username()).isEqualTo("u");
    assertThat(url.password()).isNull();
  }

  @Test
  void explicitCredentialsOverrideTheUrls() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://a:b@host/db", "admin", "secret");
    assertThat(url.username()).isEqualTo("admin");
    assertThat(url.password()).isEqualTo("secret");
  }

  @Test
  void rejectsOtherDatabasesWithoutEchoingTheUrl() {
    assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:topsecret@h/db", null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:postgresql://")
        .hasMessageNotContaining("topsecret");
    assertThatThrownBy(() -> DatabaseUrl.parse("postgres:///db", null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void passwordWithUnencodedAtOrHashIsNamedAsTheProblemWithoutEchoingIt() {
    for (String url :
        List.of(
            "postgres://app:p@ssword@db.example.com:5432/app",
            "postgres://app:pass#word@db.example.com:5432/app",
            "postgresql://app:a/b?c@db.example.com/app")) {
      assertThatThrownBy(() -> DatabaseUrl.parse(url, null, null))
          .as(url)
          .isInstanceOf(DatabaseUrlException.class)
          .hasMessageContaining("not percent-encoded")
          .hasMessageNotContaining("p@ssword")
          .hasMessageNotContaining("pass#word")
          .hasMessageNotContaining("a/b?c")
          .satisfies(
              e -> assertThat(((DatabaseUrlException) e).action()).contains("DATABASE_PASSWORD"));
    }
    assertThat(
            DatabaseUrl.parse("postgres://app:p%40ss%23word@db.example.com/app", null, null)
                .password())
        .isEqualTo("p@ss#word");
  }

  @Test
  void hidesPasswordsWhenPrinted() {
    DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://h/db?password=hunter2", null, null);
    assertThat(url.toString()).doesNotContain("hunter2");
  }
}
