package dev.sheetsync.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.Http;
import dev.sheetsync.IntegrationTest;
import dev.sheetsync.TestData;
import dev.sheetsync.users.Role;
import dev.sheetsync.users.SignedInUser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Changing a user's role, email or password, or deleting the user, ends every session of theirs,
 * including sessions whose login was in flight while the change committed.
 */
@IntegrationTest
class SessionRevocationTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  TestData data;
  SignedInUser victim;
  Http otherAdmin;

  @BeforeEach
  void users() {
    data = new TestData(jdbc).reset();
    victim = data.user("victim@example.com", Role.ADMIN);
    data.user("other@example.com", Role.ADMIN);
    data.user("seller@example.com", Role.SELLER);
    otherAdmin = loggedIn("other@example.com");
  }

  @Test
  void aSessionStoredAfterTheDemotionCommittedHasNoAdminRights() {
    Http session = loggedIn("victim@example.com");
    // What a login in flight leaves behind: the demotion committed (and deleted the sessions it
    // saw) after the login read the user, and the login stored its session afterwards.
    jdbc.sql(
            "update users set role = 'SELLER', credentials_version = credentials_version + 1"
                + " where id = :id")
        .param("id", victim.id())
        .update();

    assertThat(session.get("/api/users").status()).isEqualTo(401);
    assertThat(sessionsOf("victim@example.com")).isZero();
  }

  @Test
  void noneOfThirtyLoginsAroundADemotionKeepsAdminRights() throws Exception {
    List<Http> sessions = loginsAround(() -> patchVictim("{\"role\":\"SELLER\"}", 200));

    assertThat(sessions).isNotEmpty();
    // Sessions of logins that read the demoted user are seller sessions (403); older ones are gone.
    assertThat(sessions).allSatisfy(s -> assertThat(s.get("/api/users").status()).isIn(401, 403));
  }

  @Test
  void noneOfThirtyLoginsAroundADeletionCanCreateAnAdmin() throws Exception {
    List<Http> sessions =
        loginsAround(
            () ->
                assertThat(otherAdmin.delete("/api/users/" + victim.id()).status()).isEqualTo(204));

    for (Http session : sessions) {
      Http.Response create =
          session.post(
              "/api/users",
              """
              {"email":"evil@example.com","name":"E","role":"ADMIN","password":"long enough"}""");
      assertThat(create.status()).isEqualTo(401);
    }
    assertThat(
            jdbc.sql("select count(*) from users where email = 'evil@example.com'")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aPasswordChangeEndsSessionsStartedWithTheOldPassword() throws Exception {
    List<Http> sessions =
        loginsAround(() -> patchVictim("{\"password\":\"a new long password\"}", 200));

    assertThat(sessions)
        .allSatisfy(s -> assertThat(s.get("/api/requests").status()).isEqualTo(401));
  }

  @Test
  void aSessionSurvivesChangesThatAreNotItsCredentials() {
    Http session = loggedIn("victim@example.com");

    patchVictim("{\"name\":\"Renamed\"}", 200);

    assertThat(session.get("/api/users").status()).isEqualTo(200);
  }

  /**
   * 30 logins of the victim 30 ms apart, with {@code change} run half-way; returns the sessions of
   * the logins that succeeded.
   */
  private List<Http> loginsAround(Runnable change) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<CompletableFuture<Http>> logins = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        if (i == 15) {
          change.run();
        }
        logins.add(
            CompletableFuture.supplyAsync(
                () -> {
                  Http client = new Http(port);
                  int status = client.login("victim@example.com", TestData.PASSWORD).status();
                  return status == 200 ? client : null;
                },
                pool));
        Thread.sleep(30);
      }
      List<Http> sessions = new ArrayList<>();
      for (CompletableFuture<Http> login : logins) {
        Http client = login.get(60, TimeUnit.SECONDS);
        if (client != null) {
          sessions.add(client);
        }
      }
      return sessions;
    } finally {
      pool.shutdownNow();
    }
  }

  private void patchVictim(String body, int expected) {
    assertThat(otherAdmin.patch("/api/users/" + victim.id(), body).status()).isEqualTo(expected);
  }

  private Http loggedIn(String email) {
    Http client = new Http(port);
    assertThat(client.login(email, TestData.PASSWORD).status()).isEqualTo(200);
    return client;
  }

  private long sessionsOf(String email) {
    return jdbc.sql("select count(*) from spring_session where principal_name = :email")
        .param("email", email)
        .query(Long.class)
        .single();
  }
}
