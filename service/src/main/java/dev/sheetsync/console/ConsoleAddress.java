package dev.sheetsync.console;

import dev.sheetsync.sheets.SpreadsheetTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Says where to go once the service listens: the console's address beside the sheet's, so that a
 * first start ends with the two links a person needs rather than a wall of log lines. Said when the
 * application is ready, after the console's warm-up ({@link ConsoleWarmUp}), which runs first.
 */
@Component
class ConsoleAddress {

  private static final Logger log = LoggerFactory.getLogger(ConsoleAddress.class);

  private final SpreadsheetTarget target;
  private volatile int port = -1;

  ConsoleAddress(SpreadsheetTarget target) {
    this.target = target;
  }

  @EventListener
  void onWebServerStarted(WebServerInitializedEvent event) {
    // A separate management port starts a second server (namespace "management"): not the console.
    if (event.getApplicationContext().getServerNamespace() == null) {
      port = event.getWebServer().getPort();
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  void onReady() {
    if (port > 0) {
      announce(port);
    }
  }

  void announce(int port) {
    log.info(
        "sheetsync is ready: admin console at http://localhost:{}/admin, spreadsheet at {}",
        port,
        target.spreadsheetUrl());
  }
}
