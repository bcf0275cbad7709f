package dev.sheetsync.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.Http;
import dev.sheetsync.IntegrationTest;
import dev.sheetsync.TestData;
import dev.sheetsync.users.Role;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/sync/conflicts} and {@code POST /api/sync/conflicts/{id}/resolve} over HTTP. */
@IntegrationTest
class ConflictsEndpointsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  Http admin;
  Http seller;
  String request;

  @BeforeEach
  void data() {
    TestData data = new TestData(jdbc).reset();
    data.user("admin@example.com", Role.ADMIN);
    data.user("seller@example.com", Role.SELLER);
    admin = Http.loggedIn(port, "admin@example.com");
    seller = Http.loggedIn(port, "seller@example.com");
    request =
        admin
            .post(
                "/api/requests",
                "{\"bookingCode\":\"BK-9\",\"customerName\":\"Ada\",\"pax\":2,"
                    + "\"customerEmail\":\"ada@example.com\"}")
            .json()
            .path("id")
            .asText();
  }

  long conflict(String column, String sheetValue, String databaseValue) {
    return jdbc.sql(
            """
            insert into sync_conflicts (model, record_id, tab, column_header, row_index,
                                        written_value, sheet_value, database_value, booking_code,
                                        customer)
            values ('Request', :id, 'Requests', :column, 2, :db, :sheet, :db, 'BK-9', 'Ada')
            returning id
            """)
        .param("id", UUID.fromString(request))
        .param("column", column)
        .param("sheet", sheetValue)
        .param("db", databaseValue)
        .query(Long.class)
        .single();
  }

  @Test
  void listsOpenConflictsNewestFirstWithTheThreeValuesAndThePage() {
    conflict("Phone", "+44 1", "+1 2");
    long newer = conflict("Customer", "Ada Lovelace", "Ada");

    JsonNode body = admin.get("/api/sync/conflicts?status=OPEN&page=0&size=1").json();

    assertThat(body.path("total").asLong()).isEqualTo(2);
    assertThat(body.path("page").asInt()).isZero();
    assertThat(body.path("size").asInt()).isEqualTo(1);
    JsonNode item = body.path("items").get(0);
    assertThat(item.path("id").asLong()).isEqualTo(newer);
    assertThat(item.path("model").asText()).isEqualTo("Request");
    assertThat(item.path("recordId").asText()).isEqualTo(request);
    assertThat(item.path("tab").asText()).isEqualTo("Requests");
    assertThat(item.path("column").asText()).isEqualTo("Customer");
    assertThat(item.path("rowIndex").asInt()).isEqualTo(2);
    assertThat(item.path("writtenValue").asText()).isEqualTo("Ada");
    assertThat(item.path("sheetValue").asText()).isEqualTo("Ada Lovelace");
    assertThat(item.path("databaseValue").asText()).isEqualTo("Ada");
    assertThat(item.path("bookingCode").asText()).isEqualTo("BK-9");
    assertThat(item.path("status").asText()).isEqualTo("OPEN");
    assertThat(item.path("detectedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
  }

  @Test
  void keepingTheSheetValueUpdatesTheRecordQueuesItAndAnswersTheResolvedConflict() {
    long id = conflict("Customer", "Ada Lovelace", "Ada");

    Http.Response response =
        admin.post("/api/sync/conflicts/" + id + "/resolve", "{\"keep\":\"sheet\"}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("status").asText()).isEqualTo("RESOLVED");
    assertThat(response.json().path("resolution").asText()).isEqualTo("SHEET");
    assertThat(response.json().path("resolvedBy").asText()).isEqualTo("admin@example.com");
    assertThat(admin.get("/api/requests/" + request).json().path("customerName").asText())
        .isEqualTo("Ada Lovelace");
    assertThat(admin.get("/api/sync/conflicts").json().path("total").asLong()).isZero();
    assertThat(
            admin.post("/api/sync/conflicts/" + id + "/resolve", "{\"keep\":\"sheet\"}").status())
        .as("already resolved")
        .isEqualTo(409);
  }

  @Test
  void keepingTheDatabaseValueQueuesARewriteAndLeavesTheRecord() {
    long id = conflict("Customer", "Ada Lovelace", "Ada");
    long queued = jdbc.sql("select count(*) from sync_queue").query(Long.class).single();

    Http.Response response =
        admin.post("/api/sync/conflicts/" + id + "/resolve", "{\"keep\":\"database\"}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("resolution").asText()).isEqualTo("DATABASE");
    assertThat(admin.get("/api/requests/" + request).json().path("customerName").asText())
        .isEqualTo("Ada");
    assertThat(jdbc.sql("select count(*) from sync_queue").query(Long.class).single())
        .isEqualTo(queued + 1);
  }

  @Test
  void anInvalidSheetValueIsA400NamingTheFieldAndChangesNothing() {
    long id = conflict("Email", "not an e-mail", "ada@example.com");
    long queued = jdbc.sql("select count(*) from sync_queue").query(Long.class).single();

    Http.Response response =
        admin.post("/api/sync/conflicts/" + id + "/resolve", "{\"keep\":\"sheet\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("error").asText()).isNotBlank();
    assertThat(response.json().path("fields").has("customerEmail")).isTrue();
    assertThat(admin.get("/api/sync/conflicts").json().path("total").asLong()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from sync_queue").query(Long.class).single())
        .isEqualTo(queued);
  }

  @Test
  void anEmptyStatusListsEveryConflictAndNoneListsTheOpenOnes() {
    long resolved = conflict("Customer", "Ada Lovelace", "Ada");
    conflict("Phone", "+44 1", "+1 2");
    admin.post("/api/sync/conflicts/" + resolved + "/resolve", "{\"keep\":\"database\"}");

    assertThat(admin.get("/api/sync/conflicts?status=").json().path("total").asLong()).isEqualTo(2);
    assertThat(admin.get("/api/sync/conflicts").json().path("total").asLong()).isEqualTo(1);
    assertThat(admin.get("/api/sync/conflicts?status=resolved").json().path("total").asLong())
        .isEqualTo(1);
  }

  @Test
  void anEnumGivenByItsNumberIsA400InTheApi() {
    assertThat(admin.patch("/api/requests/" + request, "{\"status\":1}").status()).isEqualTo(400);
    assertThat(admin.patch("/api/requests/" + request, "{\"status\":\"3\"}").status())
        .isEqualTo(400);
    assertThat(admin.get("/api/requests/" + request).json().path("status").asText())
        .isEqualTo("NEW");
  }

  @Test
  void badInputIsA400AndUnknownConflictsA404() {
    long id = conflict("Customer", "Ada Lovelace", "Ada");

    assertThat(admin.post("/api/sync/conflicts/" + id + "/resolve", "{\"keep\":\"both\"}").status())
        .isEqualTo(400);
    assertThat(admin.post("/api/sync/conflicts/" + id + "/resolve", "{}").status()).isEqualTo(400);
    assertThat(
            admin.post("/api/sync/conflicts/" + id + "/resolve", "{\"keep\":1,\"x\":2}").status())
        .isEqualTo(400);
    assertThat(admin.get("/api/sync/conflicts?status=MAYBE").status()).isEqualTo(400);
    assertThat(admin.post("/api/sync/conflicts/999999/resolve", "{\"keep\":\"sheet\"}").status())
        .isEqualTo(404);
    assertThat(admin.get("/api/sync/conflicts").json().path("total").asLong()).isEqualTo(1);
  }

  @Test
  void onlyAdminsSeeAndResolveConflicts() {
    long id = conflict("Customer", "Ada Lovelace", "Ada");

    assertThat(seller.get("/api/sync/conflicts").status()).isEqualTo(403);
    assertThat(
            seller.post("/api/sync/conflicts/" + id + "/resolve", "{\"keep\":\"sheet\"}").status())
        .isEqualTo(403);
    assertThat(new Http(port).get("/api/sync/conflicts").status()).isEqualTo(401);
    // The role is judged before the body: a seller's invalid body is a 403 too.
    assertThat(seller.post("/api/sync/conflicts/" + id + "/resolve", "{\"x\":1}").status())
        .isEqualTo(403);
    assertThat(seller.post("/api/sync/resync", "{\"keep\":\"sheet\"}").status()).isEqualTo(403);
    assertThat(seller.post("/api/sync/adopt", "{\"keep\":\"sheet\"}").status()).isEqualTo(403);
    assertThat(admin.get("/api/sync/conflicts").json().path("total").asLong()).isEqualTo(1);
  }
}
