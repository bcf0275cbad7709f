package dev.sheetsync.sheets;

import com.google.api.services.sheets.v4.Sheets;
import dev.sheetsync.pause.Pause;
import dev.sheetsync.pause.SyncPauses;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health {@code sheets}: UP when the spreadsheet answers a minimal {@code spreadsheets.get}, DOWN
 * with Google's error otherwise, and DOWN with the reasons while the write-back has paused the
 * spreadsheet or a tab (a tab or a layout header missing). The answer is reused for {@code
 * health-cache-ttl} (30 s) so that frequent health probes do not spend the read quota the
 * write-back needs.
 */
@Component("sheetsHealthIndicator")
class SheetsHealthIndicator implements HealthIndicator {

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
              : Health.down().withDetail("paused", paused.stream().map(Pause::describe).toList());
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
