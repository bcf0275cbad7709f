package dev.sheetsync.writeback;

import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The write-back's time: readings for deadlines, backoff and quota windows, and waiting, both over
 * the injected {@link Clock}, so that retry, backoff, quota waits and the run limit are tested
 * deterministically (a test's sleeper advances a settable clock instead of sleeping). Deadlines are
 * nanoseconds on this clock's time line ({@link #nanos()}). Thread-safe.
 */
@Component
class RunClock {

  /** Waits for a duration; the default sleeps the thread. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final Clock clock;
  private final Sleeper sleeper;

  @Autowired
  RunClock(Clock clock) {
    this(clock, d -> Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000)));
  }

  RunClock(Clock clock, Sleeper sleeper) {
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Now, in nanoseconds since the epoch. */
  long nanos() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /**
   * Now, in milliseconds since the epoch (for Google's quota windows, which are wall-clock
   * minutes).
   */
  long millis() {
    return clock.millis();
  }

  /** The deadline {@code after} from now. */
  long deadline(Duration after) {
    return nanos() + after.toNanos();
  }

  /** Waits, or fails the call if the thread is interrupted (the service is stopping). */
  void sleep(Duration wait, String method) throws GoogleCallException {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GoogleCallException(method, new InterruptedIOException("interrupted"));
    }
  }
}
