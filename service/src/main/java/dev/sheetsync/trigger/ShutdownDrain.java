package dev.sheetsync.trigger;

import dev.sheetsync.queue.SyncQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The first step of a graceful shutdown: no new claims. Stopped before everything else (highest
 * phase), so a write-back run in progress, scheduled or started by a request, finds nothing more to
 * claim after its current batch and ends; its outcomes are recorded and anything it had claimed but
 * not attempted is released. Then the web server finishes its requests, and the database (embedded
 * or pool) closes last, when nothing needs it any more.
 */
@Component
class ShutdownDrain implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

  private final SyncQueue queue;
  private volatile boolean running;

  ShutdownDrain(SyncQueue queue) {
    this.queue = queue;
  }

  @Override
  public void start() {
    // Also after a stop: a context can be stopped and started again (Spring's test framework
    // pauses cached contexts that way), and claims must then resume.
    queue.startClaiming();
    running = true;
  }

  @Override
  public void stop() {
    queue.stopClaiming();
    running = false;
    log.info("Stopping: no new queue claims; a run in progress ends after its batch");
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return Integer.MAX_VALUE;
  }
}
