package dev.sheetsync.throttle;

import dev.sheetsync.users.LoginName;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

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

  private static final String ENSURE =
      """
      insert into login_attempts (subject, failures, last_failure_at)
      values (:subject, 0, :now)
      on conflict (subject) do nothing
      """;

  /**
   * Locks both counters (in subject order, so two attempts never wait for each other crosswise)
   * until the transaction that counts this attempt commits.
   */
  private static final String LOCK =
      """
      select subject, failures, last_failure_at, blocked_until from login_attempts
      where subject in (:account, :address)
      order by subject
      for update
      """;

  private static final String COUNT =
      """
      update login_attempts set failures = :failures, last_failure_at = :now, blocked_until = :until
      where subject = :subject
      """;

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
  private final TransactionOperations transactions;
  private final Clock clock;
  private final LoginThrottleProperties properties;

  LoginThrottle(
      JdbcClient jdbc,
      TransactionOperations transactions,
      Clock clock,
      LoginThrottleProperties properties) {
    this.jdbc = jdbc;
    this.transactions = transactions;
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
    String accountKey = accountKey(account);
    String addressKey = addressKey(address);
    return transactions.execute(
        status -> {
          for (String subject : List.of(accountKey, addressKey)) {
            jdbc.sql(ENSURE).param("subject", subject).param("now", at(now)).update();
          }
          List<Counter> counters =
              jdbc.sql(LOCK)
                  .param("account", accountKey)
                  .param("address", addressKey)
                  .query(Counter.class)
                  .list();
          Optional<Duration> wait =
              counters.stream()
                  .map(Counter::blockedUntil)
                  .filter(until -> until != null && until.toInstant().isAfter(now))
                  .map(until -> Duration.between(now, until.toInstant()))
                  .max(Duration::compareTo);
          if (wait.isPresent()) {
            return wait;
          }
          for (Counter counter : counters) {
            boolean isAccount = counter.subject().equals(accountKey);
            count(
                counter,
                isAccount ? properties.freeFailures() : properties.addressFreeFailures(),
                isAccount ? properties.accountLockAfter() : properties.addressLockAfter(),
                now);
          }
          return Optional.<Duration>empty();
        });
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

  private void count(Counter counter, int free, int lockAfter, Instant now) {
    boolean quiet = counter.lastFailureAt().toInstant().isBefore(now.minus(properties.window()));
    int failures = quiet ? 1 : counter.failures() + 1;
    Optional<Duration> wait = waitAfter(failures, free, lockAfter);
    jdbc.sql(COUNT)
        .param("subject", counter.subject())
        .param("failures", failures)
        .param("now", at(now))
        .param("until", wait.map(w -> at(now.plus(w))).orElse(null), Types.TIMESTAMP_WITH_TIMEZONE)
        .update();
    if (failures == lockAfter) {
      // The subject is a canonical login name or an address, never a password.
      log.warn(
          "Locked {} for {} after {} login attempts",
          counter.subject(),
          properties.lockDuration(),
          failures);
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

  static String accountKey(LoginName account) {
    return "account:" + account.key();
  }

  static String addressKey(String address) {
    return "address:" + (address == null ? "" : address);
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /** One row of {@code login_attempts}, locked. */
  record Counter(
      String subject, int failures, OffsetDateTime lastFailureAt, OffsetDateTime blockedUntil) {}
}
