package dev.sheetsync.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpResponseException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Retry, backoff, quota waits and the run's deadline on a clock that only moves when the write-back
 * sleeps: deterministic, instant, no Spring.
 */
class GoogleCallsTest {

  /** A clock standing still until a sleep moves it. */
  static final class ManualClock extends Clock {
    private Instant now;

    ManualClock(Instant start) {
      this.now = start;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-30T10:00:20Z"));
  private final List<Duration> slept = new ArrayList<>();
  private final RunClock time =
      new RunClock(
          clock,
          d -> {
            slept.add(d);
            clock.now = clock.now.plus(d);
          });

  private GoogleCalls calls(int writesPerMinute) {
    return new GoogleCalls(
        new WriteBackProperties(
            1000,
            50,
            Duration.ofMinutes(3),
            new WriteBackProperties.Google(
                6,
                Duration.ofMillis(100),
                Duration.ofSeconds(32),
                Duration.ofMinutes(1),
                writesPerMinute,
                0)),
        Duration.ofSeconds(30),
        time);
  }

  private void failOnceThenSucceed(
      GoogleCalls calls, String method, GoogleCalls.Kind kind, IOException first)
      throws GoogleCallException {
    calls.call(
        method,
        kind,
        time.deadline(Duration.ofMinutes(3)),
        attempt -> {
          if (attempt == 1) {
            throw first;
          }
          return null;
        });
  }

  private static IOException timedOut() {
    return new SocketTimeoutException("Read timed out");
  }

  private static IOException status(int code) {
    return new HttpResponseException.Builder(code, "status " + code, new HttpHeaders()).build();
  }

  @Test
  void retriesA503WithBackoffThatDoublesAndStaysWithinItsJitter() throws Exception {
    GoogleCalls calls = calls(0);
    List<Integer> attempts = new ArrayList<>();

    String result =
        calls.call(
            "values.batchUpdate",
            GoogleCalls.Kind.WRITE,
            time.deadline(Duration.ofMinutes(3)),
            attempt -> {
              attempts.add(attempt);
              if (attempt < 3) {
                throw status(503);
              }
              return "ok";
            });

    assertThat(result).isEqualTo("ok");
    assertThat(attempts).containsExactly(1, 2, 3);
    assertThat(slept).hasSize(2);
    assertThat(slept.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    assertThat(slept.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(calls.retries()).isEqualTo(2);
  }

  @Test
  void aWriteThatTimedOutIsRetriedOnlyAfterOneReadTimeoutSoTheAbandonedRequestLandsFirst()
      throws Exception {
    GoogleCalls calls = calls(0);

    failOnceThenSucceed(calls, "values.batchUpdate", GoogleCalls.Kind.WRITE, timedOut());
    failOnceThenSucceed(calls, "values.batchGet", GoogleCalls.Kind.READ, timedOut());

    assertThat(slept).hasSize(2);
    assertThat(slept.get(0)).isEqualTo(Duration.ofSeconds(30));
    assertThat(slept.get(1)).isLessThan(Duration.ofMillis(101)); // a read changes nothing
  }

  @Test
  void aWriteThatTimedOutNearTheDeadlineStopsTheRunInsteadOfRetryingBlind() {
    GoogleCalls calls = calls(0);

    assertThatThrownBy(
            () ->
                calls.call(
                    "values.batchUpdate",
                    GoogleCalls.Kind.WRITE,
                    time.deadline(Duration.ofSeconds(10)),
                    attempt -> {
                      throw timedOut();
                    }))
        .isInstanceOfSatisfying(
            GoogleCallException.class, e -> assertThat(e.outOfBudget()).isTrue());
    assertThat(slept).isEmpty();
  }

  @Test
  void after429TheRetryWaitsOneWholeRollingQuotaWindow() throws Exception {
    GoogleCalls calls = calls(0);

    calls.call(
        "values.batchGet",
        GoogleCalls.Kind.READ,
        time.deadline(Duration.ofMinutes(3)),
        attempt -> {
          if (attempt == 1) {
            throw status(429);
          }
          return null;
        });

    assertThat(slept)
        .singleElement()
        .satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(60), Duration.ofMillis(60_050)));
    assertThat(clock.instant()).isAfterOrEqualTo(Instant.parse("2026-11-30T10:01:20Z"));
  }

  @Test
  void aWaitPastTheRunsDeadlineGivesUpAtOnceWithoutBlamingTheItems() {
    GoogleCalls calls = calls(0);

    assertThatThrownBy(
            () ->
                calls.call(
                    "values.batchUpdate",
                    GoogleCalls.Kind.WRITE,
                    time.deadline(Duration.ofMillis(40)),
                    attempt -> {
                      throw status(500);
                    }))
        .isInstanceOfSatisfying(
            GoogleCallException.class, e -> assertThat(e.outOfBudget()).isTrue());
    assertThat(slept).isEmpty();
  }

  @Test
  void theClientSideQuotaWaitsForRoomInsteadOfSendingInto429s() throws Exception {
    GoogleCalls calls = calls(2);
    long deadline = time.deadline(Duration.ofMinutes(3));
    List<Instant> sent = new ArrayList<>();

    for (int i = 0; i < 3; i++) {
      calls.call(
          "values.batchUpdate",
          GoogleCalls.Kind.WRITE,
          deadline,
          attempt -> sent.add(clock.instant()));
    }

    assertThat(sent.get(1)).isEqualTo(sent.get(0));
    assertThat(Duration.between(sent.get(0), sent.get(2)))
        .isGreaterThanOrEqualTo(Duration.ofMinutes(1));
    assertThat(slept).hasSize(1);
  }
}
