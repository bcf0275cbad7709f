package dev.sheetsync.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.testing.EngineTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code GET /api/requests?q=} as staff type it: without accents, in any case. */
@EngineTest
class RequestSearchTest {

  @Autowired Requests requests;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  @AfterEach
  void noRequests() {
    jdbc.sql("truncate sync_queue, revenues, operators, requests restart identity cascade")
        .update();
  }

  @Test
  void searchIgnoresAccentsAndCaseInNamesAndCodes() {
    insert("BK-1", "Nguyễn Văn An");
    insert("BK-2", "Trần Thị Đào");
    insert("ĐN-3", "Ada Lovelace");

    assertThat(codesFound("nguyen")).containsExactly("BK-1");
    assertThat(codesFound("van an")).containsExactly("BK-1");
    assertThat(codesFound("NGUYỄN")).containsExactly("BK-1");
    assertThat(codesFound("dao")).containsExactly("BK-2");
    assertThat(codesFound("dn-")).containsExactly("ĐN-3");
    assertThat(codesFound("%")).isEmpty();
  }

  @Test
  void searchOverAHundredThousandRequestsIsAnIndexScan() {
    jdbc.sql(
            """
            insert into requests (id, booking_code, customer_name, pax)
            select gen_random_uuid(), 'BK-' || n,
                   (array['Nguyễn Văn ', 'Trần Thị ', 'Lê Hoàng ', 'Phạm Minh '])[1 + n % 4] || n, 1
              from generate_series(1, 100000) as n
            """)
        .update();
    jdbc.sql("analyze requests").update();

    String plan =
        String.join(
            "\n",
            jdbc.sql(
                    """
                    explain select count(*) from requests r
                     where search_fold(r.booking_code || ' ' || r.customer_name)
                           like search_fold('%hoang 99998%')
                    """)
                .query(String.class)
                .list());

    assertThat(plan).contains("requests_search_idx");
    assertThat(requests.count(filter("hoang 99998"))).isEqualTo(1);
  }

  private List<String> codesFound(String q) {
    return requests.list(filter(q), 0, 10).stream().map(RequestView::bookingCode).toList();
  }

  private static Requests.Filter filter(String q) {
    return new Requests.Filter(null, null, q, null, null);
  }

  private void insert(String code, String customer) {
    jdbc.sql(
            "insert into requests (id, booking_code, customer_name, pax)"
                + " values (gen_random_uuid(), :code, :customer, 1)")
        .param("code", code)
        .param("customer", customer)
        .update();
  }
}
