package dev.sheetsync.console;

import dev.sheetsync.queue.QueueStats;
import dev.sheetsync.queue.SyncQueue;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gauges of the sync queue: {@code sheetsync.queue.items} by {@code status} and {@code
 * sheetsync.queue.oldest.pending.age} (seconds; 0 when nothing waits).
 *
 * <p>Each scrape reads every gauge; the stats query is shared by all of them and cached for {@link
 * #MAX_AGE}, so a scrape costs one query, and several scrapers at once cost no more. When the
 * database is away the last known values stay (the health endpoint reports the outage).
 */
@Component
class QueueMetrics implements MeterBinder {

  static final Duration MAX_AGE = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(QueueMetrics.class);

  private final SyncQueue queue;
  private final Clock clock;
  private QueueStats cached = new QueueStats(0, 0, 0, 0, 0, null, 0);
  private Instant readAt = Instant.MIN;

  QueueMetrics(SyncQueue queue, Clock clock) {
    this.queue = queue;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(registry, "pending", QueueStats::pending);
    gauge(registry, "processing", QueueStats::processing);
    gauge(registry, "completed", QueueStats::completed);
    gauge(registry, "failed", QueueStats::failed);
    Gauge.builder("sheetsync.queue.retrying", this, m -> m.stats().retrying())
        .description("PENDING items that failed at least once and wait for their next attempt")
        .register(registry);
    Gauge.builder(
            "sheetsync.queue.oldest.pending.age",
            this,
            m -> {
              Long age = m.stats().oldestPendingAgeSeconds();
              return age == null ? 0 : age;
            })
        .description("Age of the oldest PENDING item, due or backing off; 0 when nothing waits")
        .baseUnit("seconds")
        .register(registry);
  }

  private void gauge(MeterRegistry registry, String status, ToDoubleFunction<QueueStats> value) {
    Gauge.builder("sheetsync.queue.items", this, m -> value.applyAsDouble(m.stats()))
        .description("Sync-queue items by status")
        .tag("status", status)
        .register(registry);
  }

  synchronized QueueStats stats() {
    Instant now = clock.instant();
    if (readAt.plus(MAX_AGE).isBefore(now)) {
      try {
        cached = queue.stats();
        readAt = now;
      } catch (RuntimeException e) {
        log.debug("Queue stats unavailable for metrics", e);
      }
    }
    return cached;
  }
}
