package dev.sheetsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.Http;
import dev.sheetsync.IntegrationTest;
import dev.sheetsync.TestData;
import dev.sheetsync.users.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class HomeRedirectTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void rootSendsALoggedInUserToTheConsoleAndAStrangerToTheLoginForm() {
    new TestData(jdbc).reset().user("admin@example.com", Role.ADMIN);
    Http stranger = new Http(port);
    Http admin = new Http(port);
    admin.login("admin@example.com", TestData.PASSWORD);

    Http.Response anonymous = stranger.send("GET", "/", null, "Accept", "text/html");
    Http.Response loggedIn = admin.send("GET", "/", null, "Accept", "text/html");

    assertThat(anonymous.status()).isEqualTo(302);
    assertThat(anonymous.header("Location")).endsWith("/login");
    assertThat(loggedIn.status()).isEqualTo(302);
    assertThat(loggedIn.header("Location")).endsWith("/admin");
  }
}
