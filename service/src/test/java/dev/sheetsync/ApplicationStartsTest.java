package dev.sheetsync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ApplicationStartsTest {

  @Autowired JdbcClient jdbc;

  @Test
  void startsOnEmbeddedPostgresWithTheSchemaMigrated() {
    Integer tables =
        jdbc.sql(
                "select count(*) from information_schema.tables where table_name in"
                    + " ('users','requests','operators','revenues','sync_queue','sync_log','spring_session')")
            .query(Integer.class)
            .single();
    assertThat(tables).isEqualTo(7);
  }
}
