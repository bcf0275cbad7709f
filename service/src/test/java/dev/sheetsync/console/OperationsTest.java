package dev.sheetsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.Http;
import dev.sheetsync.IntegrationTest;
import dev.sheetsync.TestData;
import dev.sheetsync.users.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Health, Prometheus metrics and the OpenAPI description: what they say and who may read them. */
@IntegrationTest
class OperationsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  Http admin;
  Http seller;

  @BeforeEach
  void users() {
    TestData data = new TestData(jdbc).reset();
    data.user("admin@example.com", Role.ADMIN);
    data.user("seller@example.com", Role.SELLER);
    admin = Http.loggedIn(port, "admin@example.com");
    seller = Http.loggedIn(port, "seller@example.com");
  }

  @Test
  void healthIsPublicButItsDetailsAreForAdmins() {
    Http.Response anonymous = new Http(port).get("/actuator/health");
    Http.Response forAdmin = admin.get("/actuator/health");

    assertThat(anonymous.status()).isEqualTo(200);
    assertThat(anonymous.json().get("status").asString()).isEqualTo("UP");
    // Anonymous callers see the status only (issue 13); admins see the parts and their details.
    assertThat(anonymous.json().has("components")).isFalse();
    assertThat(anonymous.body()).doesNotContain("details");
    assertThat(seller.get("/actuator/health").body()).doesNotContain("details");
    JsonNode components = forAdmin.json().get("components");
    assertThat(components.at("/db/details/database").asString()).isEqualTo("PostgreSQL");
    assertThat(components.at("/sheets/status").asString()).isEqualTo("UP");
    assertThat(components.at("/sheets/details").isMissingNode()).isFalse();
  }

  @Test
  void prometheusShowsQueueDepthRunsAndSheetsRequestsToAdminsOnly() {
    jdbc.sql(
            """
            insert into sync_queue (action, model, record_id, payload, status, created_at)
            values ('CREATE', 'Request', gen_random_uuid(), '{}', 'FAILED', now()),
                   ('CREATE', 'Request', gen_random_uuid(), '{}', 'FAILED', now())
            """)
        .update();
    admin.post("/api/sync/write-back", null);

    Http.Response scrape = admin.get("/actuator/prometheus");

    assertThat(scrape.status()).isEqualTo(200);
    assertThat(scrape.body())
        .contains("sheetsync_queue_items{status=\"failed\"} 2.0")
        .contains("sheetsync_queue_items{status=\"pending\"}")
        .contains("sheetsync_queue_oldest_pending_age_seconds")
        .contains("sheetsync_writeback_items_processed_total")
        .contains("sheetsync_writeback_items_failed_total")
        .contains("sheetsync_writeback_items_skipped_total")
        .contains(
            "sheetsync_writeback_run_seconds_count{outcome=\"completed\",trigger=\"manual\"}");
    assertThat(new Http(port).get("/actuator/prometheus").status()).isEqualTo(401);
    assertThat(seller.get("/actuator/prometheus").status()).isEqualTo(403);
  }

  @Test
  void openApiDescribesEveryEndpointWithItsAuthenticationForAdminsOnly() {
    Http.Response docs = admin.get("/v3/api-docs");

    assertThat(docs.status()).isEqualTo(200);
    JsonNode api = docs.json();
    assertThat(fieldNames(api.at("/components/securitySchemes")))
        .containsExactlyInAnyOrder("session", "cronBearer");
    JsonNode paths = api.get("paths");
    assertThat(fieldNames(paths))
        .contains(
            "/login",
            "/logout",
            "/api/sync/write-back",
            "/api/sync/queue",
            "/api/sync/queue/{id}/retry",
            "/api/sync/queue/retry-failed",
            "/api/requests",
            "/api/users");
    assertThat(paths.at("/~1api~1sync~1write-back/post/security").toString())
        .contains("cronBearer")
        .contains("session");
    assertThat(api.get("security").toString()).contains("session");
    assertThat(admin.get("/swagger-ui/index.html").status()).isEqualTo(200);
    assertThat(new Http(port).get("/v3/api-docs").status()).isEqualTo(401);
    assertThat(seller.get("/v3/api-docs").status()).isEqualTo(403);
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.propertyNames().forEach(names::add);
    return names;
  }
}
