package dev.sheetsync.security.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.Http;
import dev.sheetsync.IntegrationTest;
import dev.sheetsync.TestData;
import dev.sheetsync.testing.SettableClock;
import dev.sheetsync.users.LoginName;
import dev.sheetsync.users.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
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
  @Autowired LoginThrottleProperties properties;

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
    lock("account:admin@example.com");
    String form = "username=admin%40example.com&password=" + TestData.PASSWORD.replace(" ", "+");

    Http.Response response =
        new Http(port)
            .send("POST", "/%6Cogin", form, "Content-Type", "application/x-www-form-urlencoded");

    assertThat(response.status()).isEqualTo(429);
  }

  @Test
  void theWaitDoublesThenTheAccountIsLocked() {
    SettableClock clock = new SettableClock();
    LoginThrottle throttle = new LoginThrottle(jdbc, clock, properties);
    List<Duration> waits = new ArrayList<>();

    for (int i = 1; i <= 10; i++) {
      assertThat(throttle.attempt(LoginName.of("admin@example.com"), "10.0.0." + i)).isEmpty();
      Duration wait = blockOf("account:admin@example.com", clock);
      waits.add(wait);
      if (i < 10) {
        clock.advance(wait); // the client waits as told
      }
    }

    assertThat(waits.subList(0, 3)).containsOnly(Duration.ZERO);
    assertThat(waits.subList(3, 9))
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(16),
            Duration.ofSeconds(30));
    assertThat(waits.get(9)).isEqualTo(Duration.ofMinutes(15));
    assertThat(throttle.attempt(LoginName.of("admin@example.com"), "10.0.0.98"))
        .hasValueSatisfying(w -> assertThat(w).isGreaterThan(Duration.ofMinutes(14)));
  }

  @Test
  void aLockedAccountRefusesEvenTheRightPasswordForFifteenMinutes() {
    lock("account:admin@example.com");

    Http.Response response = login("admin@example.com", TestData.PASSWORD);

    assertThat(response.status()).isEqualTo(429);
    assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(890L, 900L);
  }

  @Test
  void oneAddressGuessingManyAccountsIsLockedToo() {
    lock("address:127.0.0.1");

    assertThat(login("admin@example.com", TestData.PASSWORD).status()).isEqualTo(429);
  }

  @Test
  void anAddressIsLockedAfterFiftyAttemptsOnDifferentAccounts() {
    SettableClock clock = new SettableClock();
    LoginThrottle throttle = new LoginThrottle(jdbc, clock, properties);

    for (int i = 1; i <= 50; i++) {
      Optional<Duration> wait = throttle.attempt(LoginName.of("user" + i + "@x.test"), "10.9.9.9");
      assertThat(wait).as("attempt %d", i).isEmpty();
      if (i < 50) {
        clock.advance(blockOf("address:10.9.9.9", clock)); // the client waits as told
      }
    }

    assertThat(throttle.attempt(LoginName.of("another@x.test"), "10.9.9.9"))
        .hasValueSatisfying(w -> assertThat(w).isGreaterThan(Duration.ofMinutes(14)));
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
    SettableClock clock = new SettableClock();
    LoginThrottle throttle = new LoginThrottle(jdbc, clock, properties);
    for (int i = 0; i < 3; i++) {
      throttle.attempt(LoginName.of("admin@example.com"), "10.0.0.1");
    }
    clock.advance(Duration.ofMinutes(16));

    throttle.attempt(LoginName.of("admin@example.com"), "10.0.0.1");

    assertThat(failures("account:admin@example.com")).isEqualTo(1);
  }

  @Test
  void sixtyParallelWrongPasswordsForOneAccountAreEvaluatedAtMostTenTimes() throws Exception {
    List<Integer> statuses = inParallel(60, i -> login("admin@example.com", "wrong " + i).status());

    assertThat(statuses).containsOnly(401, 429);
    assertThat(statuses.stream().filter(s -> s == 401).count()).isBetween(1L, 10L);
  }

  @Test
  void eightyParallelWrongLoginsFromOneAddressAreEvaluatedAtMostFiftyTimes() throws Exception {
    List<Integer> statuses =
        inParallel(80, i -> login("nobody" + i + "@example.com", "wrong").status());

    assertThat(statuses).containsOnly(401, 429);
    assertThat(statuses.stream().filter(s -> s == 401).count()).isBetween(1L, 50L);
  }

  @Test
  void spellingsOfALockedAccountAreLockedToo() {
    lock("account:admin@example.com");

    for (String spelling :
        List.of(
            "ADMIN@EXAMPLE.COM",
            "  admin@example.com\u3000",
            "\uFF41dmin@example.com", // full-width a
            "admin\uFF20example.com")) {
      assertThat(login(spelling, TestData.PASSWORD).status()).as(spelling).isEqualTo(429);
    }
  }

  @Test
  void aUsernameWithAControlCharacterIsRefusedWith400AndNeitherLogsInNorCounts() {
    lock("account:admin@example.com");

    for (String spelling :
        List.of("admin@example.com\u0001", "admin@example.com\u0000", "admin@example.com\r\nX")) {
      Http.Response response = login(spelling, TestData.PASSWORD);
      assertThat(response.status()).as(spelling).isEqualTo(400);
      assertThat(response.json().get("error").asString()).contains("control characters");
      assertThat(response.header("Set-Cookie")).isNull();
    }
  }

  @Test
  void theTurkishDottedCapitalIDoesNotReachALockedAccount() {
    lock("account:admin@example.com");

    Http.Response response = login("ADM\u0130N@EXAMPLE.COM", TestData.PASSWORD);

    assertThat(response.status()).isIn(401, 429);
    assertThat(response.header("Set-Cookie")).isNull();
  }

  @Test
  void aLoginWithTheRightPasswordFindsTheAccountInAnySpellingOfItsCanonicalName() {
    assertThat(login(" \uFF21dmin@Example.COM ", TestData.PASSWORD).status()).isEqualTo(200);
  }

  private void lock(String subject) {
    jdbc.sql(
            "insert into login_attempts (subject, failures, last_failure_at, blocked_until)"
                + " values (:subject, 50, now(), now() + interval '15 minutes')")
        .param("subject", subject)
        .update();
  }

  private Duration blockOf(String subject, SettableClock clock) {
    return jdbc.sql("select blocked_until from login_attempts where subject = :subject")
        .param("subject", subject)
        .query(java.time.OffsetDateTime.class)
        .optional()
        .map(until -> Duration.between(clock.instant(), until.toInstant()))
        .map(d -> Duration.ofMillis(Math.round(d.toMillis() / 1000.0) * 1000))
        .orElse(Duration.ZERO);
  }

  private int failures(String subject) {
    return jdbc.sql("select failures from login_attempts where subject = :subject")
        .param("subject", subject)
        .query(Integer.class)
        .single();
  }

  private static List<Integer> inParallel(int n, IntFunction<Integer> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.apply(index);
                }));
      }
      start.countDown();
      List<Integer> results = new ArrayList<>();
      for (Future<Integer> f : futures) {
        results.add(f.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
