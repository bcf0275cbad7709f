package dev.sheetsync.trigger;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the retry endpoint "unknown item" (404) from "not FAILED" (409). */
@Component
class QueueItemStatus {

  private static final String STATUS = "select status from sync_queue where id = :id";

  private final JdbcClient jdbc;

  QueueItemStatus(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<String> of(long id) {
    return jdbc.sql(STATUS).param("id", id).query(String.class).optional();
  }
}
