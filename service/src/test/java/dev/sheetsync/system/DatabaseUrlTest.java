package dev.sheetsync.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  void hidesPasswordsWhenPrinted() {
    DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://h/db?password=hunter2", null, null);
    assertThat(url.toString()).doesNotContain("hunter2");
  }
}
