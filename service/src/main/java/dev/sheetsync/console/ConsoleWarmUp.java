package dev.sheetsync.console;

import dev.sheetsync.queue.SyncQueue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Brings a started instance's console up to speed before a load balancer sends it anyone: computes
 * the chart's past hours (shared by all instances) and this instance's count of older completed
 * items, then loads {@code /admin} and {@code GET /api/sync/queue} as an admin, over HTTP on the
 * loopback, {@link ConsoleProperties#warmUpCalls()} times each. A fresh JVM's first hundred pages
 * otherwise run partly interpreted, load classes, parse the template and plan the statements while
 * a person waits: at a million rows on two busy cores their p99 was 230 ms instead of 40-90.
 *
 * <p>It runs on the {@link ApplicationReadyEvent}, first of its listeners, and synchronously:
 * Spring Boot reports the readiness state {@code ACCEPTING_TRAFFIC} (so {@code
 * /actuator/health/readiness} answers UP) only after every listener of that event has returned.
 * Until then the readiness probe answers 503 OUT_OF_SERVICE and a load balancer or Kubernetes sends
 * this instance nothing, although its port is open. A failing warm-up is logged and never stops the
 * instance from becoming ready; its pages are then simply slower at first.
 *
 * <p>Off with {@code sheetsync.console.warm-up=false} (the tests, which empty the tables
 * themselves).
 */
@Component
@ConditionalOnProperty(
    name = "sheetsync.console.warm-up",
    havingValue = "true",
    matchIfMissing = true)
class ConsoleWarmUp {

  private static final Logger log = LoggerFactory.getLogger(ConsoleWarmUp.class);

  static final String CONSOLE = "/admin";
  static final String QUEUE_STATUS = "/api/sync/queue";

  private final SyncQueue queue;
  private final WarmUpSession session;
  private final ConsoleProperties properties;
  private final Environment environment;
  private volatile int port = -1;

  ConsoleWarmUp(
      SyncQueue queue,
      WarmUpSession session,
      ConsoleProperties properties,
      Environment environment) {
    this.queue = queue;
    this.session = session;
    this.properties = properties;
    this.environment = environment;
  }

  @EventListener
  void onWebServerStarted(WebServerInitializedEvent event) {
    // A separate management port starts a second server (namespace "management"): not the console.
    if (event.getApplicationContext().getServerNamespace() == null) {
      listenOn(event.getWebServer().getPort());
    }
  }

  void listenOn(int port) {
    this.port = port;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  void onReady() {
    try {
      warmUp();
    } catch (RuntimeException e) {
      log.warn("Console warm-up failed; the first page loads compute it instead", e);
    }
  }

  /** Computes, then loads the pages; the number of page loads. */
  int warmUp() {
    long start = System.nanoTime();
    queue.hourlyActivity();
    queue.stats();
    long computed = (System.nanoTime() - start) / 1_000_000;
    int loads = loadPages();
    log.info(
        "Console warmed up in {} ms: chart and counts computed in {} ms, {} page loads",
        (System.nanoTime() - start) / 1_000_000,
        computed,
        loads);
    return loads;
  }

  /** Loads both pages as an admin until the count or the time limit is reached; the loads done. */
  private int loadPages() {
    if (port <= 0 || properties.warmUpCalls() == 0) {
      return 0;
    }
    if (environment.getProperty("server.ssl.enabled", Boolean.class, false)) {
      log.info("Console warm-up loads no pages: the server speaks HTTPS only");
      return 0;
    }
    String base =
        "http://localhost:" + port + environment.getProperty("server.servlet.context-path", "");
    long deadline = System.nanoTime() + properties.warmUpTimeLimit().toNanos();
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    int loads = 0;
    try (WarmUpSession.Cookie cookie = session.open()) {
      if (cookie == null) {
        log.info("Console warm-up loads no pages: there is no admin yet");
        return 0;
      }
      for (int i = 0; i < properties.warmUpCalls() && System.nanoTime() < deadline; i++) {
        load(client, base + CONSOLE, cookie);
        load(client, base + QUEUE_STATUS, cookie);
        loads += 2;
      }
    }
    return loads;
  }

  private static void load(HttpClient client, String url, WarmUpSession.Cookie cookie) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Cookie", cookie.header())
            .timeout(Duration.ofSeconds(30))
            .build();
    int status;
    try {
      status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new IllegalStateException("GET " + url + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (status != 200) {
      throw new IllegalStateException("GET " + url + " answered " + status);
    }
  }
}
