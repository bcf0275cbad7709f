package dev.sheetsync.console;

import dev.sheetsync.TestData;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service as a separate JVM (the test classpath, the production configuration), on the test
 * JVM's embedded PostgreSQL: a fresh JVM, as after a deploy, whose first calls nothing in the test
 * JVM has warmed. Its output goes to {@code target/console-benchmark-service.log}.
 */
final class FreshService implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final int port;
  final long readyMillis;
  private final Process process;
  private final Path log;

  private FreshService(int port, long readyMillis, Process process, Path log) {
    this.port = port;
    this.readyMillis = readyMillis;
    this.process = process;
    this.log = log;
  }

  /** Starts it and waits until {@code /actuator/health/readiness} answers 200. */
  static FreshService start(JdbcClient jdbc, boolean warmUp, Duration timeout) throws Exception {
    int databasePort = jdbc.sql("select inet_server_port()").query(Integer.class).single();
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path dir = Path.of("target", "console-benchmark");
    Files.createDirectories(dir);
    Path log = Path.of("target", "console-benchmark-service.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-cp", System.getProperty("java.class.path"), "dev.sheetsync.SheetsyncApplication"));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder
        .environment()
        .putAll(
            Map.ofEntries(
                Map.entry("PORT", Integer.toString(port)),
                Map.entry(
                    "DATABASE_URL", "jdbc:postgresql://localhost:" + databasePort + "/postgres"),
                Map.entry("DATABASE_USERNAME", "postgres"),
                Map.entry("DATABASE_PASSWORD", "postgres"),
                Map.entry("DATA_DIR", dir.toAbsolutePath().toString()),
                Map.entry("ADMIN_EMAIL", "admin@example.com"),
                Map.entry("ADMIN_PASSWORD", TestData.PASSWORD),
                Map.entry("CRON_SECRET", "console-benchmark-cron-secret-000000001"),
                Map.entry("SHEETS_EMULATOR_PORT", "0"),
                // Nothing may change the seeded tables while they are timed.
                Map.entry("SYNC_SCHEDULER_ENABLED", "false"),
                Map.entry("SYNC_CLEANUP_SCHEDULE", "-"),
                Map.entry("SYNC_RECONCILE_SCHEDULE", "-"),
                Map.entry("SHEETSYNC_CONSOLE_WARMUP", Boolean.toString(warmUp))));
    builder.redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    long start = System.nanoTime();
    Process process = builder.start();
    FreshService service = null;
    try {
      long deadline = start + timeout.toNanos();
      while (readiness(port) != 200) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "the service exited with " + process.exitValue() + "; see " + log);
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the service is not ready after " + timeout);
        }
        Thread.sleep(50);
      }
      service = new FreshService(port, (System.nanoTime() - start) / 1_000_000, process, log);
      return service;
    } finally {
      if (service == null) {
        process.destroyForcibly();
      }
    }
  }

  private static int readiness(int port) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create("http://localhost:" + port + "/actuator/health/readiness"))
              .timeout(Duration.ofSeconds(10))
              .build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The CPU time of all its threads so far. */
  Duration cpu() {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  /** Its log line saying what the warm-up did, or "no warm-up". */
  String warmUpLine() throws IOException {
    return Files.readAllLines(log).stream()
        .filter(line -> line.contains("Console warm"))
        .map(line -> line.substring(line.indexOf("Console warm")))
        .findFirst()
        .orElse("no warm-up");
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
