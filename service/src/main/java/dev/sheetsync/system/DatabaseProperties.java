package dev.sheetsync.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the database is. With no {@code url} (env {@code DATABASE_URL}) the service starts an
 * embedded PostgreSQL whose data lives under {@code dataDir} (env {@code DATA_DIR}) and survives
 * restarts.
 *
 * @param url {@code jdbc:postgresql://…} or {@code postgres://user:pass@host:port/db}; blank =
 *     embedded
 * @param username overrides the user named in the URL (env {@code DATABASE_USERNAME})
 * @param password overrides the password named in the URL (env {@code DATABASE_PASSWORD})
 * @param dataDir folder for local state; the embedded database lives in {@code dataDir/postgres}
 * @param embeddedEphemeral tests only: one throw-away embedded database per JVM, shared by all
 *     contexts
 * @param maximumPoolSize connection pool size
 */
@ConfigurationProperties("sheetsync.database")
public record DatabaseProperties(
    String url,
    String username,
    String password,
    @DefaultValue("./data") Path dataDir,
    @DefaultValue("false") boolean embeddedEphemeral,
    @DefaultValue("10") int maximumPoolSize) {

  boolean embedded() {
    return url == null || url.isBlank();
  }
}
