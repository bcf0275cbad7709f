package dev.sheetsync.emulator;

import java.time.Clock;
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
  private long window = -1;
  private final Map<String, int[]> usedByUser = new HashMap<>();
  private final int[] usedByProject = new int[2];

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
    long minute = Math.floorDiv(clock.millis(), 60_000L);
    if (minute != window) {
      window = minute;
      usedByUser.clear();
      usedByProject[0] = 0;
      usedByProject[1] = 0;
    }
    int i = write ? 1 : 0;
    int[] used = usedByUser.computeIfAbsent(user, u -> new int[2]);
    String metric = write ? "Write requests" : "Read requests";
    int userLimit =
        write ? quotas.writeRequestsPerMinutePerUser() : quotas.readRequestsPerMinutePerUser();
    int projectLimit =
        write
            ? quotas.writeRequestsPerMinutePerProject()
            : quotas.readRequestsPerMinutePerProject();
    if (userLimit > 0 && used[i] >= userLimit) {
      throw exhausted(metric, metric + " per minute per user");
    }
    if (projectLimit > 0 && usedByProject[i] >= projectLimit) {
      throw exhausted(metric, metric + " per minute");
    }
    used[i]++;
    usedByProject[i]++;
  }

  private ApiException exhausted(String metric, String limit) {
    status429++;
    return new ApiException(
        429,
        "Quota exceeded for quota metric '"
            + metric
            + "' and limit '"
            + limit
            + "' of service 'sheets.googleapis.com' for consumer '"
            + CONSUMER
            + "'.");
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
    window = -1;
    usedByUser.clear();
  }
}
