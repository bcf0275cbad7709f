package dev.sheetsync.console;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The console's one time format, {@code 2026-03-14 10:42:07 UTC}, for every time on the page: the
 * page is re-rendered for each refresh, so no time is ever formatted anywhere else.
 */
final class Times {

  static final Times INSTANCE = new Times();

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Times() {}

  /** The time in UTC, or an empty string for null. */
  public String at(OffsetDateTime time) {
    return time == null ? "" : time.withOffsetSameInstant(ZoneOffset.UTC).format(FORMAT) + " UTC";
  }

  /** Milliseconds as seconds with one decimal: {@code 12.3 s}. */
  public String seconds(long millis) {
    return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
