package dev.sheetsync.sheets;

import com.google.api.services.sheets.v4.Sheets;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health {@code sheets}: UP when the spreadsheet answers a minimal {@code spreadsheets.get}, DOWN
 * with Google's error otherwise. The answer is reused for {@code health-cache-ttl} (30 s) so that
 * frequent health probes do not spend the read quota the write-back needs.
 */
@Component("sheetsHealthIndicator")
class SheetsHealthIndicator implements HealthIndicator {

  private final Sheets sheets;
  private final SpreadsheetTarget target;
  private final SheetsProperties properties;
  private final Clock clock;

  private Health cached;
  private Instant cachedAt = Instant.MIN;

  SheetsHealthIndicator(
      Sheets sheets, SpreadsheetTarget target, SheetsProperties properties, Clock clock) {
    this.sheets = sheets;
    this.target = target;
    this.properties = properties;
    this.clock = clock;
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
      health = Health.up();
    } catch (IOException e) {
      health = Health.down().withDetail("error", SheetsErrors.describe(e));
    }
    return health
        .withDetail("spreadsheetId", target.spreadsheetId())
        .withDetail("url", target.spreadsheetUrl())
        .withDetail("mode", target.mode().name())
        .build();
  }
}
