package dev.sheetsync.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A loop that runs beside a scenario (changes arriving, triggers, people editing) until stopped. An
 * exception in the loop is kept and rethrown by {@link #close}, so a broken helper fails the
 * scenario instead of vanishing.
 */
final class Background implements AutoCloseable {

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Throwable> errors = new ArrayList<>();
  private final Thread thread;

  Background(String name, Runnable step) {
    thread =
        new Thread(
            () -> {
              while (running.get()) {
                try {
                  step.run();
                } catch (Throwable e) {
                  synchronized (errors) {
                    errors.add(e);
                  }
                  running.set(false);
                }
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() {
    running.set(false);
    try {
      thread.join(Duration.ofMinutes(2).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (errors) {
      if (!errors.isEmpty()) {
        throw new AssertionError(thread.getName() + " failed", errors.get(0));
      }
    }
  }
}
