package dev.sheetsync.security.throttle;

import dev.sheetsync.users.LoginName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts login attempts per account and per address and decides when the next attempt may come.
 *
 * <p>An attempt is counted as a failure <em>before</em> its password is checked, in one transaction
 * that locks both counters ({@link #attempt}); a success then takes it back ({@link #succeeded}).
 * Checking first and counting after the password check let 60 parallel wrong passwords all pass the
 * check (59 were evaluated against a limit of 10): now the 11th attempt waits for the 10th's row
 * lock and finds the account locked.
 *
 * <p>Slowdown is a wait imposed between attempts (answered with 429 and {@code Retry-After}), not a
 * sleep on the server: sleeping would hold a request thread per attempt and let an attacker exhaust
 * the server by guessing slowly in parallel. The counters live in PostgreSQL so that an attacker
 * cannot multiply the allowance by the number of instances behind the load balancer.
 *
 * <p>Thread-safe.
 */
@Component
class LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

  /** A counter whose last failure is older than the window starts over at one. */
  private static final String NEW_FAILURES =
      "case when a.last_failure_at < :windowStart then 1 else a.failures + 1 end";

  /**
   * Counts one attempt, unless the subject is blocked, in one statement: the row lock is held for
   * that statement only, so attempts queue for microseconds, not for a transaction (80 parallel
   * logins once held every pooled connection waiting for one lock). A blocked subject is not
   * updated and no row is returned. The block the new count earns: the lock at {@code lockAfter}
   * failures, else {@code firstDelay} doubled per failure beyond {@code free}, at most {@code
   * maxDelay}.
   */
  private static final String COUNT =
      """
      insert into login_attempts as a (subject, failures, last_failure_at, blocked_until)
      values (:subject, 1, :now, %s)
      on conflict (subject) do update set
        failures = %s,
        last_failure_at = :now,
        blocked_until = %s
      where a.blocked_until is null or a.blocked_until <= :now
      returning failures
      """
          .formatted(block("1"), NEW_FAILURES, block(NEW_FAILURES));

  private static final String BLOCKED_UNTIL =
      "select blocked_until from login_attempts where subject = :subject";

  private static final String FORGET = "delete from login_attempts where subject = :subject";

  /**
   * The successful attempt was counted as a failure of its address, too: take it back. A block it
   * may have started stays (at most the slowdown's first delay for a busy address).
   */
  private static final String UNCOUNT =
      """
      update login_attempts set failures = greatest(failures - 1, 0)
      where subject = :subject
      """;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final LoginThrottleProperties properties;

  LoginThrottle(JdbcClient jdbc, Clock clock, LoginThrottleProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.properties = properties;
  }

  /**
   * Asks to evaluate one login attempt for {@code account} from {@code address}: empty means go
   * ahead, and the attempt is now counted as a failure of both until {@link #succeeded} takes it
   * back; a duration means wait that long (nothing counted).
   */
  Optional<Duration> attempt(LoginName account, String address) {
    if (!properties.enabled()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    // The address first: when the account then turns out blocked, the extra count lands on the
    // (attacking) address rather than on the victim's account.
    Optional<Duration> wait =
        count(
            addressKey(address),
            properties.addressFreeFailures(),
            properties.addressLockAfter(),
            now);
    if (wait.isPresent()) {
      return wait;
    }
    return count(
        accountKey(account), properties.freeFailures(), properties.accountLockAfter(), now);
  }

  /**
   * The attempt found the right password: clears the account's counter and takes the attempt back
   * from the address. The rest of the address counter stays: otherwise an attacker with one valid
   * account could reset it between guesses at other accounts.
   */
  void succeeded(LoginName account, String address) {
    jdbc.sql(FORGET).param("subject", accountKey(account)).update();
    if (properties.enabled()) {
      jdbc.sql(UNCOUNT).param("subject", addressKey(address)).update();
    }
  }

  /** Counts the attempt against {@code subject}, or answers how long it must still wait. */
  private Optional<Duration> count(String subject, int free, int lockAfter, Instant now) {
    Optional<Integer> failures =
        jdbc.sql(COUNT)
            .param("subject", subject)
            .param("now", at(now))
            .param("windowStart", at(now.minus(properties.window())))
            .param("free", free)
            .param("lockAfter", lockAfter)
            .param("lockMillis", properties.lockDuration().toMillis())
            .param("firstMillis", properties.firstDelay().toMillis())
            .param("maxMillis", properties.maxDelay().toMillis())
            .query(Integer.class)
            .optional();
    if (failures.isEmpty()) {
      OffsetDateTime until =
          jdbc.sql(BLOCKED_UNTIL).param("subject", subject).query(OffsetDateTime.class).single();
      Duration wait = Duration.between(now, until.toInstant());
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }
    if (failures.get() == lockAfter) {
      // The subject is a canonical login name or an address, never a password.
      log.warn(
          "Locked {} for {} after {} login attempts",
          subject,
          properties.lockDuration(),
          lockAfter);
    }
    return Optional.empty();
  }

  private static String block(String failures) {
    return """
        case when (%1$s) >= :lockAfter then :now + :lockMillis * interval '1 millisecond'
             when (%1$s) > :free then :now + least(:firstMillis * power(2, least((%1$s) - :free - 1, 20)),
                                                   :maxMillis) * interval '1 millisecond'
        end"""
        .formatted(failures);
  }

  static String accountKey(LoginName account) {
    return "account:" + account.key();
  }

  static String addressKey(String address) {
    return "address:" + (address == null ? "" : address);
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
