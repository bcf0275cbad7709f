package dev.sheetsync.admin;

import dev.sheetsync.queue.SyncLog;
import dev.sheetsync.queue.SyncQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once started, fills in the background what the console's first load would otherwise compute while
 * a person waits: the past hours of the chart (shared by all instances) and this instance's count
 * of older completed items. At a million rows that first load took 11-16 s on two busy cores;
 * afterwards each load reads only the latest rows. Off with {@code sheetsync.console.warm-up=false}
 * (the tests, which empty the tables themselves).
 */
@Component
@ConditionalOnProperty(
    name = "sheetsync.console.warm-up",
    havingValue = "true",
    matchIfMissing = true)
class ConsoleWarmUp {

  private static final Logger log = LoggerFactory.getLogger(ConsoleWarmUp.class);

  private final SyncQueue queue;
  private final SyncLog syncLog;

  ConsoleWarmUp(SyncQueue queue, SyncLog syncLog) {
    this.queue = queue;
    this.syncLog = syncLog;
  }

  @EventListener(ApplicationReadyEvent.class)
  void warmUp() {
    Thread thread =
        new Thread(
            () -> {
              long start = System.nanoTime();
              try {
                queue.hourlyActivity();
                queue.stats();
                log.info("Console warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
              } catch (RuntimeException e) {
                log.warn("Console warm-up failed; the first page load computes it instead", e);
              }
            },
            "sheetsync-console-warm-up");
    thread.setDaemon(true);
    thread.start();
  }
}
