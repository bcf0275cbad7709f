package dev.sheetsync.records;

import dev.sheetsync.users.SoldRequests;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers {@link SoldRequests} for {@code users}, which may not name the requests table. */
@Component
class SellerRequests implements SoldRequests {

  private static final String COUNT_BY_SELLER =
      "select count(*) from requests where seller_id = :id";

  private final JdbcClient jdbc;

  SellerRequests(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public long countBySeller(UUID userId) {
    return jdbc.sql(COUNT_BY_SELLER).param("id", userId).query(Long.class).single();
  }
}
