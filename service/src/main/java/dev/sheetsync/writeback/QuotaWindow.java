package dev.sheetsync.writeback;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most {@code limit} requests in any {@code window} (a sliding window, so also at most {@code
 * limit} in each of Google's fixed per-minute windows). Waits for room instead of running into
 * 429s. Thread-safe.
 */
final class QuotaWindow {

  private final int limit;
  private final long windowNanos;
  private final Deque<Long> sent = new ArrayDeque<>();
  private final RunClock time;

  QuotaWindow(int limit, Duration window, RunClock time) {
    this.limit = limit;
    this.windowNanos = window.toNanos();
    this.time = time;
  }

  void acquire(long deadlineNanos, String method) throws GoogleCallException {
    if (limit <= 0) {
      return;
    }
    while (true) {
      long wait;
      synchronized (this) {
        long now = time.nanos();
        while (!sent.isEmpty() && now - sent.peekFirst() >= windowNanos) {
          sent.removeFirst();
        }
        if (sent.size() < limit) {
          sent.addLast(now);
          return;
        }
        wait = sent.peekFirst() + windowNanos - now;
      }
      if (time.nanos() + wait > deadlineNanos) {
        throw new GoogleCallException(
            method,
            new InterruptedIOException("quota used up until after the run's deadline"),
            true);
      }
      time.sleep(Duration.ofNanos(wait + 1_000_000), method);
    }
  }
}
