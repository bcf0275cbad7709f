package dev.sheetsync.security.cron;

import org.springframework.security.core.Authentication;

/** For endpoints outside this package that outside schedulers may call with {@code CRON_SECRET}. */
public final class CronCaller {

  private CronCaller() {}

  /** Whether this request was authenticated by the cron bearer secret (not by a session). */
  public static boolean is(Authentication authentication) {
    return authentication instanceof CronAuthentication;
  }
}
