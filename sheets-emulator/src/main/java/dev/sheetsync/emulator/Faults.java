package dev.sheetsync.emulator;

/**
 * Faults injected into every {@code /v4} request (never into the control API or the HTML view). In
 * the order they apply:
 *
 * @param latencyMs delay before each request is handled (use one above the client's read timeout to
 *     simulate a hang)
 * @param failNext how many of the next requests fail with {@code failNextStatus} without effect
 * @param failNextStatus HTTP status for {@code failNext} (default 503)
 * @param errorRate probability in [0, 1] that a request fails with {@code errorStatus}, without
 *     effect
 * @param errorStatus HTTP status for {@code errorRate} (default 503)
 * @param dropAfterWrite apply every mutating request, then answer 503 as if it had failed
 * @param seed seed of the random source behind {@code errorRate}, for reproducible runs; null for a
 *     random seed
 */
public record Faults(
    long latencyMs,
    double errorRate,
    int errorStatus,
    int failNext,
    int failNextStatus,
    boolean dropAfterWrite,
    Long seed) {

  /** No faults. */
  public static final Faults NONE = new Faults(0, 0, 503, 0, 503, false, null);

  public Faults {
    if (latencyMs < 0 || failNext < 0) {
      throw new IllegalArgumentException("latencyMs and failNext must not be negative");
    }
    if (errorRate < 0 || errorRate > 1) {
      throw new IllegalArgumentException("errorRate must be within [0, 1]");
    }
    errorStatus = errorStatus == 0 ? 503 : errorStatus;
    failNextStatus = failNextStatus == 0 ? 503 : failNextStatus;
    if (errorStatus < 400 || errorStatus > 599 || failNextStatus < 400 || failNextStatus > 599) {
      throw new IllegalArgumentException("fault statuses must be 4xx or 5xx");
    }
  }

  public Faults withLatencyMs(long value) {
    return new Faults(
        value, errorRate, errorStatus, failNext, failNextStatus, dropAfterWrite, seed);
  }

  public Faults withErrorRate(double rate, int status, Long seed) {
    return new Faults(latencyMs, rate, status, failNext, failNextStatus, dropAfterWrite, seed);
  }

  public Faults withFailNext(int count, int status) {
    return new Faults(latencyMs, errorRate, errorStatus, count, status, dropAfterWrite, seed);
  }

  public Faults withDropAfterWrite(boolean value) {
    return new Faults(latencyMs, errorRate, errorStatus, failNext, failNextStatus, value, seed);
  }
}
