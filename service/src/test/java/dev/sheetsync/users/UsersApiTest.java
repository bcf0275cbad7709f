package dev.sheetsync.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.Http;
import dev.sheetsync.IntegrationTest;
import dev.sheetsync.TestData;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class UsersApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  TestData data;
  SignedInUser me;
  Http admin;

  @BeforeEach
  void loginAsAdmin() {
    data = new TestData(jdbc).reset();
    me = data.user("admin@example.com", Role.ADMIN);
    admin = Http.loggedIn(port, "admin@example.com");
  }

  @Test
  void createsAUserWhoCanLogInAndNeverShowsTheHash() {
    Http.Response created =
        admin.post(
            "/api/users",
            """
            {"email":"Kim@Example.com","name":"Kim","role":"ACCOUNTANT","password":"long enough"}""");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("role").asString()).isEqualTo("ACCOUNTANT");
    assertThat(created.body()).doesNotContainIgnoringCase("password").doesNotContain("bcrypt");
    assertThat(admin.get("/api/users").body()).doesNotContainIgnoringCase("password");
    assertThat(admin.get("/api/users").json().get("total").asLong()).isEqualTo(2);
    assertThat(new Http(port).login("kim@example.com", "long enough").status()).isEqualTo(200);
    String hash =
        jdbc.sql("select password_hash from users where email = 'Kim@Example.com'")
            .query(String.class)
            .single();
    assertThat(hash).startsWith("{bcrypt}");
  }

  @Test
  void emailsAreUniqueRegardlessOfCase() {
    Http.Response duplicate =
        admin.post(
            "/api/users",
            """
            {"email":"ADMIN@example.com","name":"Twin","role":"SELLER","password":"long enough"}""");
    assertThat(duplicate.status()).isEqualTo(409);

    SignedInUser other = data.user("other@example.com", Role.SELLER);
    assertThat(
            admin.patch("/api/users/" + other.id(), "{\"email\":\"Admin@Example.COM\"}").status())
        .isEqualTo(409);
  }

  @Test
  void invalidUsersAre400NamingTheFields() {
    Http.Response invalid =
        admin.post(
            "/api/users",
            "{\"email\":\"nope\",\"name\":\"\",\"role\":\"BOSS\",\"password\":\"x\"}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().get("fields").has("role")).isTrue();

    Http.Response fields =
        admin.post("/api/users", "{\"email\":\"nope\",\"name\":\"\",\"password\":\"x\"}");
    assertThat(fields.json().get("fields").propertyNames())
        .contains("email", "name", "role", "password");
  }

  @Test
  void nobodyDeletesThemselvesOrTheLastAdmin() {
    SignedInUser second = data.user("second@example.com", Role.ADMIN);

    assertThat(admin.delete("/api/users/" + me.id()).status()).isEqualTo(409);
    assertThat(admin.delete("/api/users/" + second.id()).status()).isEqualTo(204);

    Http.Response demoteLast = admin.patch("/api/users/" + me.id(), "{\"role\":\"SELLER\"}");
    assertThat(demoteLast.status()).isEqualTo(409);
    assertThat(demoteLast.json().get("error").asString()).contains("last admin");
    assertThat(admin.delete("/api/users/00000000-0000-0000-0000-000000000009").status())
        .isEqualTo(404);
  }

  @Test
  void changingARoleEndsThatUsersSessions() {
    SignedInUser seller = data.user("seller@example.com", Role.SELLER);
    Http sellerClient = Http.loggedIn(port, "seller@example.com");
    assertThat(sellerClient.get("/api/requests").status()).isEqualTo(200);

    Http.Response patched =
        admin.patch("/api/users/" + seller.id(), "{\"role\":\"ACCOUNTANT\",\"name\":\"Sel\"}");

    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().get("role").asString()).isEqualTo("ACCOUNTANT");
    assertThat(patched.json().get("email").asString()).isEqualTo("seller@example.com");
    assertThat(sellerClient.get("/api/requests").status()).isEqualTo(401);
  }

  @Test
  void aUserNamedAsSellerIsNotDeleted() {
    SignedInUser seller = data.user("seller@example.com", Role.SELLER);
    admin.post(
        "/api/requests",
        "{\"bookingCode\":\"BK-1\",\"customerName\":\"A\",\"pax\":1,\"sellerId\":\"%s\"}"
            .formatted(seller.id()));

    Http.Response delete = admin.delete("/api/users/" + seller.id());

    assertThat(delete.status()).isEqualTo(409);
    assertThat(delete.json().get("error").asString()).contains("seller of 1 request");
  }

  @Test
  void aPasswordOver72BytesIsRefusedNamingTheFieldThoughItHasFewerCharacters() {
    String eighty = "\u00e9".repeat(40); // 40 characters, 80 bytes in UTF-8

    Http.Response created =
        admin.post(
            "/api/users",
            "{\"email\":\"e@example.com\",\"name\":\"E\",\"role\":\"SELLER\",\"password\":\""
                + eighty
                + "\"}");
    Http.Response patched =
        admin.patch("/api/users/" + me.id(), "{\"password\":\"" + eighty + "\"}");

    assertThat(List.of(created, patched))
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(400);
              assertThat(r.json().get("fields").has("password")).isTrue();
            });
  }

  @Test
  void aPasswordLongerThanBcryptReadsDoesNotLogInAsItsFirst72Bytes() {
    String seventyTwo = "A".repeat(72);
    assertThat(
            admin
                .post(
                    "/api/users",
                    "{\"email\":\"a@example.com\",\"name\":\"A\",\"role\":\"SELLER\","
                        + "\"password\":\""
                        + seventyTwo
                        + "\"}")
                .status())
        .isEqualTo(201);

    Http.Response login = new Http(port).login("a@example.com", seventyTwo + "EXTRA");

    assertThat(login.status()).isEqualTo(400);
    assertThat(login.header("Set-Cookie")).isNull();
    assertThat(new Http(port).login("a@example.com", seventyTwo).status()).isEqualTo(200);
  }

  @Test
  void anEmailWithAControlCharacterIsRefusedNamingTheField() {
    Http.Response created =
        admin.post(
            "/api/users",
            """
            {"email":"x@example.com\\u0001","name":"X","role":"SELLER","password":"long enough"}""");

    assertThat(created.status()).isEqualTo(400);
    assertThat(created.json().get("fields").has("email")).isTrue();
  }
}
