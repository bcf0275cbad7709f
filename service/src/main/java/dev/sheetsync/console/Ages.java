package dev.sheetsync.console;

/** "3 min 20 s"-style durations for people. */
final class Ages {

  private Ages() {}

  static String describe(Long seconds) {
    if (seconds == null) {
      return "none waiting";
    }
    long s = Math.max(0, seconds);
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return (s / 60) + " min " + (s % 60) + " s";
    }
    if (s < 86_400) {
      return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
    return (s / 86_400) + " d " + (s % 86_400 / 3600) + " h";
  }
}
