package dev.sheetsync.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.Http;
import dev.sheetsync.IntegrationTest;
import dev.sheetsync.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Users stored before login keys existed can log in once the startup fill has run. */
@IntegrationTest
class LoginKeysTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired LoginKeys loginKeys;

  @Test
  void aUserWithoutALoginKeyGetsTheCanonicalOneAndCanLogIn() {
    new TestData(jdbc).reset().user("Old.User@Example.com", Role.SELLER);
    jdbc.sql("update users set login_key = null").update();
    assertThat(new Http(port).login("old.user@example.com", TestData.PASSWORD).status())
        .isEqualTo(401);

    assertThat(loginKeys.fillMissing()).isOne();

    assertThat(jdbc.sql("select login_key from users").query(String.class).single())
        .isEqualTo("old.user@example.com");
    assertThat(new Http(port).login(" OLD.USER@example.com", TestData.PASSWORD).status())
        .isEqualTo(200);
  }
}
