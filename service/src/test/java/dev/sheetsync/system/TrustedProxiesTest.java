package dev.sheetsync.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheetsync.Http;
import dev.sheetsync.TestData;
import dev.sheetsync.users.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Behind a configured proxy (here: the test itself, on loopback) the forwarded headers are
 * believed, and only as far as the proxies reach.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "sheetsync.http.trusted-proxies=127.0.0.1, ::1, 10.20.0.0/16")
@ActiveProfiles("test")
class TrustedProxiesTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void users() {
    new TestData(jdbc).reset().user("seller@example.com", Role.SELLER);
  }

  @Test
  void theSessionCookieIsSecureWhenATrustedProxySaysHttps() {
    Http.Response login = login(TestData.PASSWORD, "X-Forwarded-Proto", "https");

    assertThat(login.status()).isEqualTo(200);
    assertThat(login.header("Set-Cookie")).contains("Secure");
  }

  @Test
  void theClientIsTheRightMostForwardedAddressThatIsNoTrustedProxy() {
    // The client wrote 203.0.113.7 itself; 198.51.100.9 reached a proxy of ours (10.20.3.4).
    login("wrong", "X-Forwarded-For", "203.0.113.7, 198.51.100.9, 10.20.3.4");

    assertThat(subjects()).contains("address:198.51.100.9").doesNotContain("address:203.0.113.7");
  }

  @Test
  void redirectsGoToTheHostATrustedProxyForwarded() {
    Http.Response redirect =
        new Http(port)
            .send(
                "GET",
                "/admin",
                null,
                "Accept",
                "text/html",
                "X-Forwarded-Host",
                "sheetsync.example.com",
                "X-Forwarded-Proto",
                "https");

    assertThat(redirect.header("Location")).isEqualTo("https://sheetsync.example.com/login");
  }

  @Test
  void aProxyListWithSomethingElseFailsLoudly() {
    assertThatThrownBy(() -> TrustedProxyValve.parse("10.0.0.0/8, proxy.internal"))
        .hasMessageContaining("proxy.internal");
  }

  private Http.Response login(String password, String header, String value) {
    return new Http(port)
        .send(
            "POST",
            "/login",
            "username=seller@example.com&password=" + password.replace(' ', '+'),
            "Content-Type",
            "application/x-www-form-urlencoded",
            header,
            value);
  }

  private java.util.List<String> subjects() {
    return jdbc.sql("select subject from login_attempts").query(String.class).list();
  }
}
