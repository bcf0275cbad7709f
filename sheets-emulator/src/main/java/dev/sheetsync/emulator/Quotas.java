package dev.sheetsync.emulator;

/**
 * Per-minute request quotas, as Google enforces them for the Sheets API: reads and writes counted
 * separately, per project (all callers together) and per user (callers told apart by their bearer
 * token; callers without one are the user "anonymous"). A batch request counts once. The window
 * rolls over the emulator's clock: a request is admitted while fewer than the limit were admitted
 * in the 60 seconds before it (not calendar minutes), so after a burst the quota stays exhausted
 * until the burst's first request is a minute old, as Google's recorded 429s show. A limit of zero
 * or less means unlimited.
 */
public record Quotas(
    int readRequestsPerMinutePerProject,
    int writeRequestsPerMinutePerProject,
    int readRequestsPerMinutePerUser,
    int writeRequestsPerMinutePerUser) {

  /** Google's defaults: 300 per minute per project and 60 per minute per user, each way. */
  public static final Quotas GOOGLE_DEFAULTS = new Quotas(300, 300, 60, 60);

  /** No quota at all, for tests that hammer the emulator. */
  public static final Quotas UNLIMITED = new Quotas(0, 0, 0, 0);

  /** These quotas with new per-user limits (the per-project limits unchanged). */
  public Quotas withPerUser(int writeRequestsPerMinute, int readRequestsPerMinute) {
    return new Quotas(
        readRequestsPerMinutePerProject,
        writeRequestsPerMinutePerProject,
        readRequestsPerMinute,
        writeRequestsPerMinute);
  }
}
