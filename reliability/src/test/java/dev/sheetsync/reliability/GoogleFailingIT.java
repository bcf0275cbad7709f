package dev.sheetsync.reliability;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Scenario 2: Google fails about a fifth of the requests (429, 500, 503, hangs beyond the client
 * timeout, writes applied but answered 503). Everything still drains, with no duplicate rows, while
 * the faults go on.
 */
class GoogleFailingIT {

  @Test
  void everythingDrainsWithoutDuplicatesWhileGoogleFailsAFifthOfRequests() {
    ReliabilityEnvironment env = ReliabilityEnvironment.get();
    ReliabilitySize size = env.size;
    try (Scenario scenario = env.scenario("google_failing")) {
      // Full size: small batches, since with the default 1,000 a run of 1,000 changes is a few
      // dozen Sheets requests, too few for the faults to hit every kind of call many times. The
      // reduced size keeps the default: small batches make a timed-out append far more likely to
      // land twice (an open bug, see README), which would make every build flaky.
      ServiceProcess service =
          scenario.start(
              "a",
              e -> {
                if (size == ReliabilitySize.FULL) {
                  e.put("SHEETSYNC_WRITEBACK_BATCHSIZE", "20");
                  // Every batch, not only a run's first (bulk batches would be 5,000).
                  e.put("SHEETSYNC_WRITEBACK_BULKBATCHSIZE", "20");
                }
              });
      Scenario.requireWriteBack(service);
      Workload workload = new Workload(List.of(scenario.admin(service)), 2, "fault");
      long injected;
      long requests;
      try (FaultInjector faults =
          new FaultInjector(env.emulator.control(), size.faultRate(), 6_000, 11)) {
        int rounds = 6;
        for (int round = 0; round < rounds; round++) {
          workload.run(size.faultChanges() / rounds);
          Scenario.triggerWriteBack(service);
        }
        scenario.drain(service, Duration.ofMinutes(size == ReliabilitySize.FULL ? 20 : 6));
        injected = faults.injected();
        requests = faults.requestsSeen();
      }
      Outcome.finish(
          scenario,
          workload,
          2,
          "2. Google failing",
          "%,d faults in %,d Sheets requests (%.0f%%)"
              .formatted(injected, requests, 100.0 * injected / Math.max(1, requests)),
          "%d Google call retries by the service".formatted(googleRetries(service)));
    }
  }

  private static final Pattern GOOGLE_RETRIES = Pattern.compile("googleRetries=(\\d+)");

  /** The retries of Sheets calls, as the service's write-back runs reported them. */
  static long googleRetries(ServiceProcess service) {
    return service.logLines().stream()
        .filter(line -> line.contains("Write-back finished"))
        .map(GOOGLE_RETRIES::matcher)
        .filter(Matcher::find)
        .mapToLong(m -> Long.parseLong(m.group(1)))
        .sum();
  }
}
