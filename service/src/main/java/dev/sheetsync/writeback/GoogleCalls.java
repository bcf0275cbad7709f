package dev.sheetsync.writeback;

import dev.sheetsync.sheets.SheetsProperties;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Runs Sheets calls within the quota, retrying what may pass: 429, 5xx and timeouts, with truncated
 * exponential backoff and jitter (Google's client retries nothing by itself). After a 429 it waits
 * one whole quota window (Google's window rolls; see {@link #backoff}). After a write that timed
 * out it waits one read timeout: the abandoned request may still be running at Google and be
 * applied late; letting it land first keeps it from overwriting anything newer (the Sheets API has
 * no conditional write). Thread-safe.
 */
@Component
class GoogleCalls {

  private static final Logger log = LoggerFactory.getLogger(GoogleCalls.class);

  enum Kind {
    READ,
    WRITE
  }

  /** One attempt of a call; {@code attempt} counts from 1, so a retry can first look again. */
  @FunctionalInterface
  interface Attempt<T> {
    T run(int attempt) throws IOException, GoogleCallException;
  }

  private final WriteBackProperties.Google google;
  private final QuotaWindow reads;
  private final QuotaWindow writes;
  private final AtomicLong retries = new AtomicLong();
  private final RunClock time;
  private final Duration afterWriteTimeout;

  @Autowired
  GoogleCalls(WriteBackProperties properties, SheetsProperties sheets, RunClock time) {
    this(properties, sheets.readTimeout(), time);
  }

  /**
   * @param afterWriteTimeout the least wait before retrying a write whose request timed out (the
   *     Sheets read timeout in production)
   */
  GoogleCalls(WriteBackProperties properties, Duration afterWriteTimeout, RunClock time) {
    this.google = properties.google();
    this.time = time;
    this.afterWriteTimeout = afterWriteTimeout;
    this.reads = new QuotaWindow(google.readRequestsPerMinute(), google.quotaWindow(), time);
    this.writes = new QuotaWindow(google.writeRequestsPerMinute(), google.quotaWindow(), time);
  }

  /**
   * Runs {@code attempt} until it succeeds, fails permanently, runs out of attempts, or would need
   * to wait past {@code deadlineNanos} (on {@link RunClock#nanos()}).
   */
  <T> T call(String method, Kind kind, long deadlineNanos, Attempt<T> attempt)
      throws GoogleCallException {
    for (int n = 1; ; n++) {
      (kind == Kind.READ ? reads : writes).acquire(deadlineNanos, method);
      try {
        return attempt.run(n);
      } catch (IOException e) {
        int status = GoogleCallException.status(e);
        if (!GoogleCallException.isTransient(status) || n >= google.attempts()) {
          throw new GoogleCallException(method, e);
        }
        Duration wait = backoff(n, status, deadlineNanos);
        if (kind == Kind.WRITE && e instanceof SocketTimeoutException) {
          // Outcome unknown: the abandoned request may be applied after our retry, and after
          // whatever the run writes next. Past the deadline the run stops instead (below): its
          // items are released, not retried blind.
          wait = wait.compareTo(afterWriteTimeout) < 0 ? afterWriteTimeout : wait;
        }
        if (time.nanos() + wait.toNanos() > deadlineNanos) {
          throw new GoogleCallException(method, e, true);
        }
        log.info(
            "{} failed ({}), retry {} in {} ms",
            method,
            GoogleCallException.describe(e),
            n,
            wait.toMillis());
        retries.incrementAndGet();
        time.sleep(wait, method);
      }
    }
  }

  /** Retries made since start, for the run's figures. */
  long retries() {
    return retries.get();
  }

  private Duration backoff(int attempt, int status, long deadlineNanos) {
    long capped =
        Math.min(
            google.maxBackoff().toMillis(),
            google.initialBackoff().toMillis() << Math.min(attempt - 1, 20));
    long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    if (status == 429) {
      // Google's per-minute quota is a rolling window, not calendar minutes: recorded traffic
      // (gspread's cassettes) shows 429s for 30-50 s after the first one, then more than 60
      // requests admitted within a minute. Waiting one whole window from the refusal is the first
      // moment a retry is sure to find room. If the run ends before that, the plain backoff still
      // gives another (cheap) chance.
      long untilRoom = google.quotaWindow().toMillis() + ThreadLocalRandom.current().nextLong(50);
      long remaining = (deadlineNanos - time.nanos()) / 1_000_000;
      if (untilRoom < remaining) {
        jittered = Math.max(jittered, untilRoom);
      }
    }
    return Duration.ofMillis(jittered);
  }
}
