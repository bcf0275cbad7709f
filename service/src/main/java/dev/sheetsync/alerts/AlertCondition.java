package dev.sheetsync.alerts;

import java.util.List;

/**
 * Something that may need a person. Declare a bean implementing it (a paused sync, a paused tab, …)
 * and the {@link AlertMonitor} checks it with the built-in ones on every check: an alarm that
 * appears is sent, one that goes on is repeated after {@code repeat-after}, one that disappears is
 * sent once more as resolved.
 *
 * <p>Called from the monitor's thread, on every instance; answer from shared state (the database),
 * so that every instance agrees, and quickly (no Google calls).
 */
public interface AlertCondition {

  /** The alarms that are true now; empty when all is well. Never null. */
  List<Alarm> check();
}
