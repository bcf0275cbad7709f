package dev.sheetsync.sheets;

import com.google.api.services.sheets.v4.Sheets;
import dev.sheetsync.pause.Pause;
import dev.sheetsync.pause.SyncPauses;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Health {@code sheets}: UP when the spreadsheet answers a minimal {@code spreadsheets.get}, {@link
 * #UNREACHABLE} with Google's error otherwise, {@link #PAUSED} with the reasons while the
 * write-back has paused the spreadsheet or a tab (a tab or a layout header missing). The answer is
 * reused for {@code health-cache-ttl} (30 s) so that frequent health probes do not spend the read
 * quota the write-back needs.
 *
 * <p>Not DOWN on purpose: the health status aggregates only the statuses listed in {@code
 * management.endpoint.health.status.order}, and UNREACHABLE and PAUSED are not among them. A Google
 * outage, an unshared spreadsheet or a missing column must not turn {@code /actuator/health} 503
 * and take the whole API out of a load balancer: requests, operators and revenues still work and
 * queue their changes. Admins see the state as this component, and everyone as the gauges {@code
 * sheetsync.sheets.reachable} (1 or 0) and {@code sheetsync.sync.paused}.
 */
@Component("sheetsHealthIndicator")
class SheetsHealthIndicator implements HealthIndicator, MeterBinder {

  /** The spreadsheet did not answer; a detail, not counted in the overall status. */
  static final Status UNREACHABLE = new Status("UNREACHABLE", "Google Sheets did not answer");

  /**
   * The write-back paused the spreadsheet or a tab; a detail, not counted in the overall status.
   */
  static final Status PAUSED = new Status("PAUSED", "sync is paused until the sheet is fixed");

  private final Sheets sheets;
  private final SpreadsheetTarget target;
  private final SheetsProperties properties;
  private final Clock clock;
  private final SyncPauses pauses;

  private Health cached;
  private Instant cachedAt = Instant.MIN;

  SheetsHealthIndicator(
      Sheets sheets,
      SpreadsheetTarget target,
      SheetsProperties properties,
      Clock clock,
      SyncPauses pauses) {
    this.sheets = sheets;
    this.target = target;
    this.properties = properties;
    this.clock = clock;
    this.pauses = pauses;
  }

  @Override
  public synchronized Health health() {
    Instant now = clock.instant();
    if (cached == null || !now.isBefore(cachedAt.plus(properties.healthCacheTtl()))) {
      cached = check();
      cachedAt = now;
    }
    return cached;
  }

  private Health check() {
    Health.Builder health;
    try {
      sheets.spreadsheets().get(target.spreadsheetId()).setFields("spreadsheetId").execute();
      List<Pause> paused = pauses.open();
      health =
          paused.isEmpty()
              ? Health.up()
              : Health.status(PAUSED)
                  .withDetail("paused", paused.stream().map(Pause::describe).toList());
    } catch (IOException e) {
      health = Health.status(UNREACHABLE).withDetail("error", SheetsErrors.describe(e));
    }
    return health
        .withDetail("spreadsheetId", target.spreadsheetId())
        .withDetail("url", target.spreadsheetUrl())
        .withDetail("mode", target.mode().name())
        .build();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(
            "sheetsync.sheets.reachable",
            this,
            h -> UNREACHABLE.equals(h.health().getStatus()) ? 0 : 1)
        .description("1 when the spreadsheet answers, 0 when not (cached as the health answer)")
        .register(registry);
  }
}
