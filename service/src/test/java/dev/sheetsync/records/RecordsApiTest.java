package dev.sheetsync.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.Http;
import dev.sheetsync.IntegrationTest;
import dev.sheetsync.TestData;
import dev.sheetsync.users.Role;
import dev.sheetsync.users.SignedInUser;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The records API over real HTTP: shapes, validation, and the error answers. */
@IntegrationTest
class RecordsApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  TestData data;
  SignedInUser seller;
  Http admin;

  @BeforeEach
  void loginAsAdmin() {
    data = new TestData(jdbc).reset();
    data.user("admin@example.com", Role.ADMIN);
    seller = data.user("seller@example.com", Role.SELLER);
    admin = Http.loggedIn(port, "admin@example.com");
  }

  @Test
  void createsARequestAndAnswersItWithExactMoneyAndIsoDates() {
    Http.Response created =
        admin.post(
            "/api/requests",
            """
            {"bookingCode":"BK-1","customerName":"Ann Lee","pax":2,"totalPrice":1250.5,
             "startDate":"2025-06-01","endDate":"2025-06-05","sellerId":"%s"}"""
                .formatted(seller.id()));

    assertThat(created.status()).isEqualTo(201);
    JsonNode body = created.json();
    assertThat(body.get("id").asString()).hasSize(36);
    assertThat(body.get("totalPrice").asString()).isEqualTo("1250.50");
    assertThat(body.get("startDate").asString()).isEqualTo("2025-06-01");
    assertThat(body.get("status").asString()).isEqualTo("NEW");
    assertThat(body.get("currency").asString()).isEqualTo("USD");
    assertThat(body.get("sellerName").asString()).isEqualTo("seller");
    assertThat(body.get("updatedBy").asString())
        .as("the session user")
        .isEqualTo(
            jdbc.sql("select id::text from users where email = 'admin@example.com'")
                .query(String.class)
                .single());
    assertThat(admin.get("/api/requests/" + body.get("id").asString()).json()).isEqualTo(body);
    assertThat(data.queueSize()).isOne();
  }

  @Test
  void aSellersNewRequestIsTheirsByDefault() {
    Http sellerClient = Http.loggedIn(port, "seller@example.com");

    Http.Response created =
        sellerClient.post(
            "/api/requests", "{\"bookingCode\":\"BK-1\",\"customerName\":\"A\",\"pax\":1}");

    assertThat(created.json().get("sellerId").asString()).isEqualTo(seller.id().toString());
  }

  @Test
  void invalidFieldsAre400NamingEachField() {
    Http.Response response =
        admin.post(
            "/api/requests",
            """
            {"customerName":"","pax":0,"customerEmail":"not-an-email","totalPrice":"1.234",
             "startDate":"2025-06-05","endDate":"2025-06-01","currency":"usd"}""");

    assertThat(response.status()).isEqualTo(400);
    JsonNode fields = response.json().get("fields");
    assertThat(fields.propertyNames())
        .contains(
            "bookingCode",
            "customerName",
            "pax",
            "customerEmail",
            "totalPrice",
            "endDate",
            "currency");
    assertThat(data.queueSize()).isZero();
  }

  @Test
  void badJsonAnswers400WithAClearMessage() {
    assertBadRequest(admin.post("/api/requests", "{\"bookingCode\":"), "Malformed JSON", null);
    assertBadRequest(
        admin.post("/api/requests", "{\"bookingCode\":\"B\",\"colour\":\"red\"}"),
        "Unknown field 'colour'",
        "colour");
    assertBadRequest(
        admin.post("/api/requests", "{\"bookingCode\":\"B\",\"status\":\"MAYBE\"}"),
        "expected one of NEW, CONFIRMED, COMPLETED, CANCELLED",
        "status");
    assertBadRequest(
        admin.post("/api/requests", "{\"bookingCode\":\"B\",\"pax\":\"many\"}"), "pax", "pax");
    assertBadRequest(
        admin.post("/api/requests", "{\"startDate\":\"2025-13-01\"}"), "startDate", "startDate");
    assertBadRequest(admin.post("/api/requests", "[1,2]"), "", null);
    assertBadRequest(admin.get("/api/requests?size=201"), "Validation failed", "size");
    assertBadRequest(admin.get("/api/operators?paymentStatus=SOON"), "SOON", "paymentStatus");
  }

  @Test
  void unknownOrMalformedIdsAre404() {
    for (String family : new String[] {"requests", "operators", "revenues"}) {
      Http.Response unknown = admin.get("/api/" + family + "/2b0f6c2e-0000-4000-8000-000000000000");
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(unknown.json().get("error").asString()).endsWith("not found");
      assertThat(admin.patch("/api/" + family + "/not-a-uuid", "{}").status()).isEqualTo(404);
      assertThat(admin.delete("/api/" + family + "/2b0f6c2e-0000-4000-8000-000000000000").status())
          .isEqualTo(404);
    }
  }

  @Test
  void aDuplicateBookingCodeIs409() {
    String body = "{\"bookingCode\":\"BK-1\",\"customerName\":\"A\",\"pax\":1}";
    assertThat(admin.post("/api/requests", body).status()).isEqualTo(201);

    Http.Response duplicate = admin.post("/api/requests", body);

    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().get("error").asString()).contains("BK-1");
    assertThat(data.queueSize()).isOne();
  }

  @Test
  void bodiesOverOneMegabyteAre413WhetherDeclaredOrStreamed() {
    String big = "{\"notes\":\"" + "a".repeat(1024 * 1024) + "\"}";
    Http.Response declared = admin.post("/api/requests", big);
    assertThat(declared.status()).isEqualTo(413);
    assertThat(declared.json().get("error").asString()).contains("1 MB");

    Http.Response streamed = admin.postStreamed("/api/requests", big);
    assertThat(streamed.status()).isEqualTo(413);
    assertThat(streamed.json().get("error").asString()).contains("1 MB");
    assertThat(data.queueSize()).isZero();
  }

  @Test
  void wrongMethodAndMediaTypeAreJson() {
    Http.Response method =
        admin.send("PUT", "/api/requests", "{}", "Content-Type", "application/json");
    assertThat(method.status()).isEqualTo(405);
    assertThat(method.json().get("error").asString()).contains("PUT");

    Http.Response media = admin.send("POST", "/api/requests", "x", "Content-Type", "text/plain");
    assertThat(media.status()).isEqualTo(415);
    assertThat(media.json().get("error").asString()).contains("application/json");
  }

  @Test
  void patchChangesOnlyGivenFieldsAndNullClearsNullableOnes() {
    String id =
        admin
            .post(
                "/api/requests",
                """
                {"bookingCode":"BK-1","customerName":"Ann","pax":2,"destination":"Lisbon",
                 "notes":"window seat"}""")
            .json()
            .get("id")
            .asString();

    Http.Response patched =
        admin.patch("/api/requests/" + id, "{\"pax\":3,\"notes\":null,\"totalPrice\":\"99.99\"}");

    assertThat(patched.status()).isEqualTo(200);
    JsonNode body = patched.json();
    assertThat(body.get("pax").asInt()).isEqualTo(3);
    assertThat(body.get("notes").isNull()).isTrue();
    assertThat(body.get("destination").asString()).isEqualTo("Lisbon");
    assertThat(body.get("totalPrice").asString()).isEqualTo("99.99");

    Http.Response clearRequired = admin.patch("/api/requests/" + id, "{\"customerName\":null}");
    assertThat(clearRequired.status()).isEqualTo(400);
    assertThat(clearRequired.json().get("fields").has("customerName")).isTrue();
    assertThat(admin.patch("/api/requests/" + id, "{\"nope\":1}").status()).isEqualTo(400);
  }

  @Test
  void childrenBlockDeletionUntilCascadeWhichQueuesEveryDelete() {
    String request =
        admin
            .post("/api/requests", "{\"bookingCode\":\"BK-1\",\"customerName\":\"A\",\"pax\":1}")
            .json()
            .get("id")
            .asString();
    Http.Response operator =
        admin.post(
            "/api/operators",
            "{\"requestId\":\"%s\",\"serviceType\":\"HOTEL\",\"supplierName\":\"Azur\",\"cost\":\"800\"}"
                .formatted(request));
    assertThat(operator.status()).isEqualTo(201);
    assertThat(operator.json().get("paymentStatus").asString()).isEqualTo("UNPAID");
    assertThat(operator.json().get("bookingCode").asString()).isEqualTo("BK-1");
    Http.Response revenue =
        admin.post("/api/revenues", "{\"requestId\":\"%s\",\"amount\":100}".formatted(request));
    assertThat(revenue.status()).isEqualTo(201);
    assertThat(revenue.json().get("amount").asString()).isEqualTo("100.00");

    Http.Response refused = admin.delete("/api/requests/" + request);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("error").asString()).contains("cascade=true");

    assertThat(admin.delete("/api/requests/" + request + "?cascade=true").status()).isEqualTo(204);
    assertThat(
            jdbc.sql("select count(*) from sync_queue where action = 'DELETE'")
                .query(Long.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void listsArePagedAndFiltered() {
    for (int i = 1; i <= 3; i++) {
      admin.post(
          "/api/requests",
          "{\"bookingCode\":\"BK-%d\",\"customerName\":\"Customer %d\",\"pax\":1,\"status\":\"%s\"}"
              .formatted(i, i, i == 3 ? "CONFIRMED" : "NEW"));
    }

    JsonNode page = admin.get("/api/requests?page=1&size=2").json();
    assertThat(page.get("items").size()).isEqualTo(1);
    assertThat(page.get("page").asInt()).isEqualTo(1);
    assertThat(page.get("size").asInt()).isEqualTo(2);
    assertThat(page.get("total").asLong()).isEqualTo(3);

    JsonNode confirmed = admin.get("/api/requests?status=CONFIRMED").json();
    assertThat(confirmed.get("total").asLong()).isEqualTo(1);
    assertThat(confirmed.get("items").get(0).get("bookingCode").asString()).isEqualTo("BK-3");
    assertThat(admin.get("/api/requests?q=customer%202").json().get("total").asLong()).isEqualTo(1);
    assertThat(admin.get("/api/requests?q=%25").json().get("total").asLong()).isZero();
  }

  @Test
  void aRequestForAnUnknownSellerOrAnOperatorForAnUnknownRequestIs400() {
    assertBadRequest(
        admin.post(
            "/api/requests",
            "{\"bookingCode\":\"BK-1\",\"customerName\":\"A\",\"pax\":1,"
                + "\"sellerId\":\"2b0f6c2e-0000-4000-8000-000000000000\"}"),
        "Validation failed",
        "sellerId");
    assertBadRequest(
        admin.post(
            "/api/operators",
            "{\"requestId\":\"2b0f6c2e-0000-4000-8000-000000000000\","
                + "\"serviceType\":\"HOTEL\",\"supplierName\":\"Azur\"}"),
        "Validation failed",
        "requestId");
  }

  private static void assertBadRequest(Http.Response response, String message, String field) {
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    assertThat(response.json().get("error").asString()).contains(message);
    if (field != null) {
      assertThat(response.json().get("fields").has(field)).as(response.body()).isTrue();
    }
  }

  @Test
  void datesOutsideYears1To9999AndFractionalPaxAreRefusedNamingTheField() {
    String template =
        """
        {"bookingCode":"BK-R%d","customerName":"Ann","pax":%s,"startDate":"%s"}""";
    List<String[]> cases =
        List.of(
            new String[] {"2", "-4714-01-01", "startDate"},
            new String[] {"2", "+5874898-01-01", "startDate"},
            new String[] {"2", "10000-01-01", "startDate"},
            new String[] {"1.5", "2025-06-01", "pax"});
    for (int i = 0; i < cases.size(); i++) {
      String[] c = cases.get(i);
      Http.Response response = admin.post("/api/requests", template.formatted(i, c[0], c[1]));
      assertThat(response.status()).as(c[1] + " pax " + c[0]).isEqualTo(400);
      assertThat(response.json().get("fields").has(c[2])).as(c[2]).isTrue();
    }
    assertThat(data.queueSize()).isZero();

    Http.Response created = admin.post("/api/requests", template.formatted(9, "2", "2025-06-01"));
    String id = created.json().get("id").asString();
    Http.Response patched = admin.patch("/api/requests/" + id, "{\"endDate\":\"-0001-12-31\"}");
    assertThat(patched.status()).isEqualTo(400);
    assertThat(patched.json().get("fields").has("endDate")).isTrue();
    Http.Response patchedPax = admin.patch("/api/requests/" + id, "{\"pax\":2.5}");
    assertThat(patchedPax.status()).isEqualTo(400);
    assertThat(patchedPax.json().get("fields").has("pax")).isTrue();
  }
}
