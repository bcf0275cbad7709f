package dev.sheetsync.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.Http;
import dev.sheetsync.IntegrationTest;
import dev.sheetsync.SheetsyncApplication;
import dev.sheetsync.TestData;
import dev.sheetsync.users.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sessions live in PostgreSQL: any instance serves any logged-in user. */
@IntegrationTest
class SessionSharedAcrossInstancesTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void aSessionCreatedByOneInstanceIsHonouredByAnother() {
    new TestData(jdbc).reset().user("seller@example.com", Role.SELLER);
    Http first = new Http(port);
    assertThat(first.login("seller@example.com", TestData.PASSWORD).status()).isEqualTo(200);

    try (ConfigurableApplicationContext second =
        new SpringApplicationBuilder(SheetsyncApplication.class)
            .profiles("test")
            .run("--server.port=0")) {
      int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
      assertThat(secondPort).isNotEqualTo(port);

      Http sameCookie = new Http(secondPort).withCookie(first.sessionCookie());
      Http.Response requests = sameCookie.get("/api/requests");
      assertThat(requests.status()).isEqualTo(200);
      assertThat(new Http(secondPort).get("/api/requests").status()).isEqualTo(401);

      // Logging out on the second instance ends the session for the first one too.
      assertThat(sameCookie.send("POST", "/logout", null).status()).isEqualTo(200);
      assertThat(new Http(port).withCookie(first.sessionCookie()).get("/api/requests").status())
          .isEqualTo(401);
    }
  }
}
