package dev.sheetsync.security.cron;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a too-short {@code CRON_SECRET} into one clear startup message instead of a stack trace.
 */
class CronSecretFailureAnalyzer extends AbstractFailureAnalyzer<CronSecretTooShortException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, CronSecretTooShortException cause) {
    return new FailureAnalysis(
        "CRON_SECRET is "
            + cause.length()
            + " characters long; at least "
            + CronSecret.MINIMUM_LENGTH
            + " are required so that it cannot be guessed.",
        "Generate a secret with\n\n    openssl rand -hex 32\n\n"
            + "and set it as CRON_SECRET (or unset CRON_SECRET to close the bearer path).",
        cause);
  }
}
