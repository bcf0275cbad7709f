package dev.sheetsync.alerts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Checks every {@link AlertCondition} each {@code check-interval} and sends what changed: a new
 * alarm at once, a lasting one again after {@code repeat-after}, and a recovery once it is gone.
 * {@link #checkOnce()} is one check, callable from tests. Every instance checks; {@link AlertState}
 * makes sure only one of them sends each alert.
 */
@Component
public class AlertMonitor implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(AlertMonitor.class);

  private final List<AlertCondition> conditions;
  private final AlertState state;
  private final AlertChannels channels;
  private final AlertsProperties properties;
  private final Clock clock;
  private volatile ScheduledExecutorService timer;

  AlertMonitor(
      List<AlertCondition> conditions,
      AlertState state,
      AlertChannels channels,
      AlertsProperties properties,
      Clock clock) {
    this.conditions = List.copyOf(conditions);
    this.state = state;
    this.channels = channels;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * One check of all conditions.
   *
   * @return the alerts sent by this call (none when another instance sent them, or nothing changed)
   */
  public List<Alert> checkOnce() {
    OffsetDateTime now =
        OffsetDateTime.now(clock)
            .withOffsetSameInstant(ZoneOffset.UTC)
            .truncatedTo(ChronoUnit.MICROS);
    List<Alarm> alarms = new ArrayList<>();
    for (AlertCondition condition : conditions) {
      try {
        alarms.addAll(condition.check());
      } catch (RuntimeException e) {
        // A condition that cannot be checked (database away) is neither raised nor resolved.
        log.warn("Alert condition {} could not be checked", condition.getClass().getName(), e);
        return List.of();
      }
    }
    List<Alert> sent = new ArrayList<>();
    OffsetDateTime repeatBefore = now.minus(properties.repeatAfter());
    for (Alarm alarm : alarms) {
      if (state.raise(alarm, now, repeatBefore).isPresent()) {
        sent.add(Alert.firing(alarm, now));
      }
    }
    for (AlertState.Resolved resolved :
        state.resolveAllBut(alarms.stream().map(Alarm::event).toList(), now)) {
      sent.add(Alert.resolved(resolved.event(), resolved.summary(), resolved.since(), now));
    }
    sent.forEach(channels::send);
    return sent;
  }

  @Override
  public synchronized void start() {
    long every = properties.checkInterval().toMillis();
    if (every <= 0 || timer != null) {
      return;
    }
    if (!channels.any()) {
      log.info(
          "No alert channel configured (SHEETSYNC_ALERT_WEBHOOK_URL, SHEETSYNC_ALERT_EMAILS);"
              + " alerts are only logged");
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "sheetsync-alerts");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            checkOnce();
          } catch (RuntimeException e) {
            log.warn("Alert check failed", e);
          }
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public boolean isRunning() {
    return timer != null;
  }
}
