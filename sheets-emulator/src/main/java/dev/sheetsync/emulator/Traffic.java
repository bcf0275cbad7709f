package dev.sheetsync.emulator;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Request counters, injected faults and quota windows. Thread-safe (one monitor). */
final class Traffic {

  private static final String CONSUMER = "project_number:000000000000";

  private final Clock clock;
  private final Quotas initialQuotas;
  private Quotas quotas;
  private Faults faults = Faults.NONE;
  private Random random = new Random();
  private int failNextLeft;
  private final Map<String, Long> byMethod = new TreeMap<>();
  private long total;
  private long status429;
  private long withBearer;
  private final Map<String, Window> usedByUser = new HashMap<>();
  private final Window usedByProject = new Window();

  /**
   * The times of the requests admitted in the last minute, reads and writes apart: a rolling
   * window, as Google's recorded traffic shows (after a 429 it kept refusing for 30-50 s, then let
   * more than a limit's worth through in the next calendar minute). A request is admitted while
   * fewer than the limit were admitted in the 60 s before it.
   */
  private static final class Window {
    private final ArrayDeque<Long> reads = new ArrayDeque<>();
    private final ArrayDeque<Long> writes = new ArrayDeque<>();

    ArrayDeque<Long> of(boolean write, long now) {
      ArrayDeque<Long> times = write ? writes : reads;
      while (!times.isEmpty() && times.peekFirst() <= now - 60_000L) {
        times.removeFirst();
      }
      return times;
    }
  }

  Traffic(Clock clock, Quotas quotas) {
    this.clock = clock;
    this.initialQuotas = quotas;
    this.quotas = quotas;
  }

  synchronized void count(String method, boolean bearer) {
    total++;
    byMethod.merge(method, 1L, Long::sum);
    withBearer += bearer ? 1 : 0;
  }

  synchronized Faults faults() {
    return faults;
  }

  synchronized Faults currentFaults() {
    return new Faults(
        faults.latencyMs(),
        faults.errorRate(),
        faults.errorStatus(),
        failNextLeft,
        faults.failNextStatus(),
        faults.dropAfterWrite(),
        faults.seed());
  }

  synchronized void faults(Faults value) {
    faults = value;
    failNextLeft = value.failNext();
    random = value.seed() == null ? new Random() : new Random(value.seed());
  }

  /** The status of an injected failure for this request, or 0 for none. */
  synchronized int injectedFailure() {
    if (failNextLeft > 0) {
      failNextLeft--;
      return faults.failNextStatus();
    }
    if (faults.errorRate() > 0 && random.nextDouble() < faults.errorRate()) {
      return faults.errorStatus();
    }
    return 0;
  }

  synchronized void quotas(Quotas value) {
    quotas = value;
  }

  synchronized Quotas quotas() {
    return quotas;
  }

  /** Takes one request from the quotas, or throws the 429 Google sends. */
  synchronized void acquire(boolean write, String user) {
    long now = clock.millis();
    ArrayDeque<Long> byUser = usedByUser.computeIfAbsent(user, u -> new Window()).of(write, now);
    ArrayDeque<Long> byProject = usedByProject.of(write, now);
    String metric = write ? "Write requests" : "Read requests";
    int userLimit =
        write ? quotas.writeRequestsPerMinutePerUser() : quotas.readRequestsPerMinutePerUser();
    int projectLimit =
        write
            ? quotas.writeRequestsPerMinutePerProject()
            : quotas.readRequestsPerMinutePerProject();
    if (userLimit > 0 && byUser.size() >= userLimit) {
      throw exhausted(write, metric + " per minute per user", userLimit);
    }
    if (projectLimit > 0 && byProject.size() >= projectLimit) {
      throw exhausted(write, metric + " per minute", projectLimit);
    }
    if (userLimit > 0) {
      byUser.addLast(now);
    }
    if (projectLimit > 0) {
      byProject.addLast(now);
    }
  }

  private ApiException exhausted(boolean write, String limit, int value) {
    status429++;
    String metric = write ? "Write requests" : "Read requests";
    return ApiException.rateLimited(
        "Quota exceeded for quota metric '"
            + metric
            + "' and limit '"
            + limit
            + "' of service 'sheets.googleapis.com' for consumer '"
            + CONSUMER
            + "'.",
        Map.of(
            "service",
            "sheets.googleapis.com",
            "consumer",
            "projects/000000000000",
            "quota_metric",
            "sheets.googleapis.com/" + (write ? "write" : "read") + "_requests",
            "quota_limit",
            camelCase(limit),
            "quota_limit_value",
            Integer.toString(value),
            "quota_location",
            "global"));
  }

  /**
   * "Write requests per minute per user" as Google names the limit: WriteRequestsPerMinutePerUser.
   */
  private static String camelCase(String words) {
    StringBuilder out = new StringBuilder();
    for (String w : words.split(" ")) {
      out.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
    }
    return out.toString();
  }

  synchronized RequestCounts counts() {
    return new RequestCounts(total, byMethod, status429, withBearer);
  }

  synchronized void reset() {
    faults(Faults.NONE);
    quotas = initialQuotas;
    byMethod.clear();
    total = 0;
    status429 = 0;
    withBearer = 0;
    usedByUser.clear();
    usedByProject.of(true, Long.MAX_VALUE);
    usedByProject.of(false, Long.MAX_VALUE);
  }
}
