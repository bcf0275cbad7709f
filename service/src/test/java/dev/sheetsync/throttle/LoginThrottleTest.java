package dev.sheetsync.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.Http;
import dev.sheetsync.IntegrationTest;
import dev.sheetsync.TestData;
import dev.sheetsync.users.Role;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Login throttling through the real login form over HTTP, with the counters in PostgreSQL. */
@IntegrationTest
class LoginThrottleTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired LoginThrottle throttle;

  @BeforeEach
  void data() {
    new TestData(jdbc).reset().user("admin@example.com", Role.ADMIN);
    clearCounters();
  }

  @AfterEach
  void clearCounters() {
    jdbc.sql("truncate login_attempts").update();
  }

  Http.Response login(String user, String password) {
    return new Http(port).login(user, password);
  }

  @Test
  void afterTheFreeFailuresTheAccountMustWaitAndGets429WithRetryAfter() {
    for (int i = 0; i < 3; i++) {
      assertThat(login("admin@example.com", "wrong").status()).isEqualTo(401);
    }
    assertThat(login("admin@example.com", "wrong").status()).isEqualTo(401);

    Http.Response throttled = login("Admin@Example.com", TestData.PASSWORD);

    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.header("Retry-After")).isEqualTo("1");
    assertThat(throttled.json().get("error").asString()).startsWith("Too many failed logins");
    assertThat(throttled.header("Set-Cookie")).isNull();
  }

  @Test
  void anEncodedLoginPathIsThrottledToo() {
    for (int i = 0; i < 10; i++) {
      throttle.failed("admin@example.com", "10.0.0." + i);
    }
    String form = "username=admin%40example.com&password=" + TestData.PASSWORD.replace(" ", "+");

    Http.Response response =
        new Http(port)
            .send("POST", "/%6Cogin", form, "Content-Type", "application/x-www-form-urlencoded");

    assertThat(response.status()).isEqualTo(429);
  }

  @Test
  void theWaitDoublesThenTheAccountIsLocked() {
    assertThat(throttle.waitAfter(3, 3, 10)).isEmpty();
    assertThat(throttle.waitAfter(4, 3, 10)).contains(Duration.ofSeconds(1));
    assertThat(throttle.waitAfter(5, 3, 10)).contains(Duration.ofSeconds(2));
    assertThat(throttle.waitAfter(7, 3, 10)).contains(Duration.ofSeconds(8));
    assertThat(throttle.waitAfter(9, 3, 10)).contains(Duration.ofSeconds(30));
    assertThat(throttle.waitAfter(10, 3, 10)).contains(Duration.ofMinutes(15));
  }

  @Test
  void aLockedAccountRefusesEvenTheRightPasswordForFifteenMinutes() {
    for (int i = 0; i < 10; i++) {
      throttle.failed("admin@example.com", "10.0.0." + i);
    }

    Http.Response response = login("admin@example.com", TestData.PASSWORD);

    assertThat(response.status()).isEqualTo(429);
    assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(890L, 900L);
  }

  @Test
  void oneAddressGuessingManyAccountsIsLockedToo() {
    for (int i = 0; i < 50; i++) {
      throttle.failed("user" + i + "@example.com", "127.0.0.1");
    }

    assertThat(login("admin@example.com", TestData.PASSWORD).status()).isEqualTo(429);
  }

  @Test
  void aSuccessfulLoginClearsTheAccountsCounter() {
    for (int i = 0; i < 3; i++) {
      login("admin@example.com", "wrong");
    }

    assertThat(login("admin@example.com", TestData.PASSWORD).status()).isEqualTo(200);

    assertThat(
            jdbc.sql("select count(*) from login_attempts where subject like 'account:%'")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select failures from login_attempts where subject = 'address:127.0.0.1'")
                .query(Integer.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void countersStartOverAfterAQuietWindow() {
    for (int i = 0; i < 9; i++) {
      throttle.failed("admin@example.com", "10.0.0.1");
    }
    jdbc.sql(
            "update login_attempts set last_failure_at = now() - interval '16 minutes',"
                + " blocked_until = null")
        .update();

    throttle.failed("admin@example.com", "10.0.0.1");

    assertThat(
            jdbc.sql(
                    "select failures from login_attempts where subject = 'account:admin@example.com'")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(login("admin@example.com", TestData.PASSWORD).status()).isEqualTo(200);
  }
}
