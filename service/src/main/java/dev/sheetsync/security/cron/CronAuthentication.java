package dev.sheetsync.security.cron;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The caller proved it knows {@code CRON_SECRET}. Lives for one request only: it is never stored in
 * a session, and it is set only on the write-back and reconcile endpoints, so the secret opens
 * nothing else.
 */
public final class CronAuthentication extends AbstractAuthenticationToken {

  static final String AUTHORITY = "SYNC_CRON";

  public CronAuthentication() {
    super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Object getPrincipal() {
    return "cron";
  }
}
