package dev.sheetsync.reliability;

import dev.sheetsync.emulator.EmulatorControl;
import dev.sheetsync.emulator.Faults;
import dev.sheetsync.emulator.RequestCounts;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes Google fail about {@code rate} of the service's Sheets requests, and counts exactly how
 * many it failed. Every tick (200 ms), while fewer than {@code rate} of the requests so far have
 * failed, it picks one kind of fault: mostly the next requests fail with 429, 500 or 503 ({@code
 * failNext}, as many as are owed); sometimes, for one tick, writes are applied and then answered
 * 503 ({@code dropAfterWrite}) or every request hangs longer than the service's read timeout.
 */
final class FaultInjector implements AutoCloseable {

  private static final int[] STATUSES = {429, 500, 503};
  private static final Duration TICK = Duration.ofMillis(200);

  private final EmulatorControl control;
  private final double rate;
  private final long hangMs;
  private final Random random;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;
  private long injected;
  private long requestsSeen;

  FaultInjector(EmulatorControl control, double rate, long hangMs, long seed) {
    this.control = control;
    this.rate = rate;
    this.hangMs = hangMs;
    this.random = new Random(seed);
    this.thread = new Thread(this::loop, "fault-injector");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    RequestCounts previous = control.requestCounts();
    Faults set = Faults.NONE;
    while (running.get()) {
      ServiceProcess.sleep(TICK);
      RequestCounts now = control.requestCounts();
      long total = now.total() - previous.total();
      synchronized (this) {
        requestsSeen += total;
        if (set.dropAfterWrite()) {
          injected += writes(now) - writes(previous);
        } else if (set.latencyMs() > 0) {
          injected += total;
        } else {
          injected += set.failNext() - control.currentFaults().failNext();
        }
      }
      previous = now;
      // Faults are owed in proportion to the traffic so far: a fixed minimum per tick would fail
      // nearly every request while traffic is low (a first version failed 75%, not 20%).
      long owed;
      synchronized (this) {
        owed = Math.round(rate * requestsSeen) - injected;
      }
      int dice = random.nextInt(100);
      if (owed <= 0) {
        set = Faults.NONE;
      } else if (dice < 5) {
        set = Faults.NONE.withDropAfterWrite(true);
      } else if (dice < 9) {
        set = Faults.NONE.withLatencyMs(hangMs);
      } else {
        set = Faults.NONE.withFailNext((int) owed, STATUSES[random.nextInt(STATUSES.length)]);
      }
      control.faults(set);
    }
    control.clearFaults();
  }

  private static long writes(RequestCounts counts) {
    long writes = 0;
    for (Map.Entry<String, Long> entry : counts.byMethod().entrySet()) {
      String method = entry.getKey().toLowerCase(java.util.Locale.ROOT);
      if (!method.endsWith("get") && !method.endsWith("batchget")) {
        writes += entry.getValue();
      }
    }
    return writes;
  }

  synchronized long injected() {
    return injected;
  }

  synchronized long requestsSeen() {
    return requestsSeen;
  }

  @Override
  public void close() {
    running.set(false);
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    control.clearFaults();
  }
}
