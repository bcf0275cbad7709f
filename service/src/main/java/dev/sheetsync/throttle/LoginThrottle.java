package dev.sheetsync.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account and per address and decides when the next attempt may come.
 *
 * <p>Slowdown is a wait imposed between attempts (answered with 429 and {@code Retry-After}), not a
 * sleep on the server: sleeping would hold a request thread per attempt and let an attacker exhaust
 * the server by guessing slowly in parallel. The counters live in PostgreSQL so that an attacker
 * cannot multiply the allowance by the number of instances behind the load balancer.
 *
 * <p>Thread-safe; each method is one or two statements.
 */
@Component
class LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

  private static final String BLOCKED_UNTIL =
      """
      select max(blocked_until) from login_attempts
      where subject in (:account, :address) and blocked_until > :now
      """;

  /** A counter whose last failure is older than the window starts over at one. */
  private static final String COUNT_FAILURE =
      """
      insert into login_attempts as a (subject, failures, last_failure_at)
      values (:subject, 1, :now)
      on conflict (subject) do update set
        failures = case when a.last_failure_at < :windowStart then 1 else a.failures + 1 end,
        last_failure_at = :now
      returning failures
      """;

  private static final String BLOCK =
      "update login_attempts set blocked_until = :until where subject = :subject";

  private static final String FORGET = "delete from login_attempts where subject = :subject";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final LoginThrottleProperties properties;

  LoginThrottle(JdbcClient jdbc, Clock clock, LoginThrottleProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.properties = properties;
  }

  /** How long {@code username} from {@code address} must still wait, or empty to go ahead. */
  Optional<Duration> waitBeforeAttempt(String username, String address) {
    if (!properties.enabled()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    OffsetDateTime until =
        jdbc.sql(BLOCKED_UNTIL)
            .param("account", accountKey(username))
            .param("address", addressKey(address))
            .param("now", at(now))
            .query(OffsetDateTime.class)
            .optional()
            .orElse(null);
    return until == null ? Optional.empty() : Optional.of(Duration.between(now, until.toInstant()));
  }

  /** Counts a failed login against both the account and the address. */
  void failed(String username, String address) {
    if (!properties.enabled()) {
      return;
    }
    Instant now = clock.instant();
    countAndMaybeBlock(
        accountKey(username), properties.freeFailures(), properties.accountLockAfter(), now);
    countAndMaybeBlock(
        addressKey(address), properties.addressFreeFailures(), properties.addressLockAfter(), now);
  }

  /**
   * Clears the account's counter. The address counter stays: otherwise an attacker with one valid
   * account could reset it between guesses at other accounts.
   */
  void succeeded(String username) {
    jdbc.sql(FORGET).param("subject", accountKey(username)).update();
  }

  private void countAndMaybeBlock(String subject, int free, int lockAfter, Instant now) {
    int failures =
        jdbc.sql(COUNT_FAILURE)
            .param("subject", subject)
            .param("now", at(now))
            .param("windowStart", at(now.minus(properties.window())))
            .query(Integer.class)
            .single();
    Optional<Duration> wait = waitAfter(failures, free, lockAfter);
    if (wait.isPresent()) {
      jdbc.sql(BLOCK).param("until", at(now.plus(wait.get()))).param("subject", subject).update();
      if (failures == lockAfter) {
        // The subject is an e-mail or an address, never a password.
        log.warn("Locked {} for {} after {} failed logins", subject, wait.get(), failures);
      }
    }
  }

  /** The wait imposed after the {@code failures}-th failure in a row. */
  Optional<Duration> waitAfter(int failures, int free, int lockAfter) {
    if (failures >= lockAfter) {
      return Optional.of(properties.lockDuration());
    }
    int beyondFree = failures - free;
    if (beyondFree <= 0) {
      return Optional.empty();
    }
    Duration delay = properties.firstDelay().multipliedBy(1L << Math.min(beyondFree - 1, 20));
    return Optional.of(delay.compareTo(properties.maxDelay()) > 0 ? properties.maxDelay() : delay);
  }

  static String accountKey(String username) {
    String normalized = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    return "account:" + normalized;
  }

  static String addressKey(String address) {
    return "address:" + (address == null ? "" : address);
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
