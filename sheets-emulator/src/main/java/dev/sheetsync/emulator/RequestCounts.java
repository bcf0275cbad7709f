package dev.sheetsync.emulator;

import java.util.Map;

/**
 * Requests the emulator received on {@code /v4} since start or the last reset.
 *
 * @param total all API requests, including failed ones
 * @param byMethod count per API method, for example {@code values.append}, {@code
 *     values.batchUpdate}, {@code values.batchGet}, {@code spreadsheets.batchUpdate}
 * @param status429 requests answered 429 because a quota was exhausted
 * @param withBearerToken requests that carried an {@code Authorization: Bearer} header
 */
public record RequestCounts(
    long total, Map<String, Long> byMethod, long status429, long withBearerToken) {

  public RequestCounts {
    byMethod = Map.copyOf(byMethod);
  }

  /** The count for one method, zero if never called. */
  public long count(String method) {
    return byMethod.getOrDefault(method, 0L);
  }
}
