package dev.sheetsync.console;

import dev.sheetsync.pause.Pause;
import dev.sheetsync.pause.SyncPauses;
import dev.sheetsync.sheets.SheetLayouts;
import dev.sheetsync.sheets.TabLayout;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gauge {@code sheetsync.sync.paused} (Prometheus {@code sheetsync_sync_paused}) with tags {@code
 * scope} ({@code spreadsheet} or {@code tab}) and {@code tab} (the layout's tab name, empty for the
 * spreadsheet): 1 while paused, else 0. Registered at start for the spreadsheet and every layout
 * tab, so an alert rule can match on it before the first pause. One query per scrape at most every
 * {@link QueueMetrics#MAX_AGE}.
 */
@Component
class PauseMetrics implements MeterBinder {

  private static final Logger log = LoggerFactory.getLogger(PauseMetrics.class);

  private final SyncPauses pauses;
  private final SheetLayouts layouts;
  private final Clock clock;
  private List<Pause> cached = List.of();
  private Instant readAt = Instant.MIN;

  PauseMetrics(SyncPauses pauses, SheetLayouts layouts, Clock clock) {
    this.pauses = pauses;
    this.layouts = layouts;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(registry, Pause.SPREADSHEET, "");
    for (TabLayout tab : layouts.tabs()) {
      gauge(registry, Pause.TAB, tab.tabName());
    }
  }

  private void gauge(MeterRegistry registry, String scope, String tab) {
    Gauge.builder(
            "sheetsync.sync.paused",
            this,
            m ->
                m.open().stream()
                        .anyMatch(
                            p ->
                                p.scope().equals(scope)
                                    && (p.tab() == null ? "" : p.tab()).equals(tab))
                    ? 1
                    : 0)
        .description("1 while the write-back is paused for this scope (items wait), else 0")
        .tag("scope", scope)
        .tag("tab", tab)
        .register(registry);
  }

  private synchronized List<Pause> open() {
    Instant now = clock.instant();
    if (now.isAfter(readAt.plus(QueueMetrics.MAX_AGE)) || now.isBefore(readAt)) {
      try {
        cached = pauses.open();
        readAt = now;
      } catch (RuntimeException e) {
        log.debug("Could not read the pauses for the metrics: {}", e.getMessage());
      }
    }
    return cached;
  }
}
