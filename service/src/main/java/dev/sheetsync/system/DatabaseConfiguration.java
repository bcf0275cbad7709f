package dev.sheetsync.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link DataSource}: the external PostgreSQL of {@code DATABASE_URL}, or an embedded one.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedDatabaseHolder embeddedDatabase(DatabaseProperties properties) {
    return new EmbeddedDatabaseHolder(
        properties.embedded() ? EmbeddedDatabase.start(properties) : null);
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(DatabaseProperties properties, EmbeddedDatabaseHolder embedded) {
    DatabaseUrl target =
        embedded.database() != null
            ? embedded.database().url()
            : DatabaseUrl.parse(properties.url(), properties.username(), properties.password());
    HikariConfig config = new HikariConfig();
    config.setPoolName("sheetsync");
    config.setJdbcUrl(target.jdbcUrl());
    config.setUsername(target.username());
    config.setPassword(target.password());
    config.setMaximumPoolSize(properties.maximumPoolSize());
    // No server-side prepared statements unless the URL asks for them: they live in one server
    // session, and behind a pooler in transaction mode (PgBouncer; Supabase's, Neon's and Heroku's
    // default URLs) the next use lands on another one ("prepared statement S_1 does not exist").
    // The driver's own setting wins when the URL names it.
    config.addDataSourceProperty("prepareThreshold", "0");
    // Fail fast on a dead database instead of queueing requests for 30 s; health turns DOWN
    // meanwhile.
    config.setConnectionTimeout(5_000);
    // Start even if the database is briefly away; the pool reconnects when it returns.
    config.setInitializationFailTimeout(-1);
    return new HikariDataSource(config);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Wraps the optional embedded server so that it stops after the pool closes. */
  record EmbeddedDatabaseHolder(EmbeddedDatabase database) {
    void close() throws java.io.IOException {
      if (database != null) {
        database.close();
      }
    }
  }
}
