package dev.sheetsync.security.cron;

/** Startup refusal for a guessable {@code CRON_SECRET}; carries the length, never the value. */
final class CronSecretTooShortException extends IllegalStateException {

  private final int length;

  CronSecretTooShortException(int length) {
    super(
        "CRON_SECRET is "
            + length
            + " characters long; at least "
            + CronSecret.MINIMUM_LENGTH
            + " are required. Generate one with: openssl rand -hex 32");
    this.length = length;
  }

  int length() {
    return length;
  }
}
