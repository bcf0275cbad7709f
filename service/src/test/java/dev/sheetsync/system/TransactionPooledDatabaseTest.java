package dev.sheetsync.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.sheetsync.testing.EngineTest;
import dev.sheetsync.testing.PgBouncer;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A {@code DATABASE_URL} of PgBouncer in transaction mode, pasted as the host hands it out. */
@EngineTest
class TransactionPooledDatabaseTest {

  private static final Pattern SERVER = Pattern.compile("//([^:/]+):(\\d+)/([^?]+)");

  @Autowired DataSource direct;

  @Test
  void repeatedStatementsWorkThroughAPoolerInTransactionModeWithAPlainUrl() {
    Assumptions.assumeTrue(PgBouncer.binary().isPresent(), PgBouncer.MISSING);
    HikariDataSource server = (HikariDataSource) direct;
    Matcher url = SERVER.matcher(server.getJdbcUrl());
    assertThat(url.find()).isTrue();
    try (PgBouncer bouncer =
            PgBouncer.start(
                url.group(1),
                Integer.parseInt(url.group(2)),
                url.group(3),
                server.getUsername(),
                server.getPassword(),
                2);
        HikariDataSource pooled =
            new DatabaseConfiguration()
                .dataSource(
                    new DatabaseProperties(
                        bouncer.jdbcUrl().replace("?prepareThreshold=0", ""),
                        "sheetsync",
                        "",
                        Path.of("unused"),
                        false,
                        4),
                    new DatabaseConfiguration.EmbeddedDatabaseHolder(null))) {
      JdbcClient jdbc = JdbcClient.create(pooled);

      // The driver switches a statement to a server-side prepared one on its fifth use; four
      // clients over two server connections make the pooler hand each client another session.
      List<Long> counts =
          IntStream.range(0, 4)
              .parallel()
              .mapToObj(
                  client ->
                      IntStream.range(0, 25)
                          .mapToObj(
                              use ->
                                  jdbc.sql("select count(*) from sync_queue where id > :id")
                                      .param("id", use)
                                      .query(Long.class)
                                      .single())
                          .toList())
              .flatMap(List::stream)
              .toList();

      assertThat(counts).hasSize(100).allSatisfy(n -> assertThat(n).isNotNegative());
    }
  }
}
