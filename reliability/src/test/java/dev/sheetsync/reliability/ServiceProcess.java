package dev.sheetsync.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance of the packaged service ({@code java -jar sheetsync.jar}) as a separate process,
 * configured only through its environment, as an operator would run it. Output goes to {@code
 * target/reliability/<name>.log} (appended across restarts, with a banner per start). {@link #kill}
 * is SIGKILL: no shutdown hook, no graceful drain.
 */
final class ServiceProcess implements AutoCloseable {

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Processes still running when the test JVM exits (a failed or aborted run) die with it. */
  private static final java.util.Set<Process> RUNNING =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
  }

  private final String name;
  private final Path jar;
  private final Path log;
  private final int port;
  private final Map<String, String> env;
  private Process process;
  private int starts;

  ServiceProcess(String name, Path jar, Path logDir, Map<String, String> env) {
    this.name = name;
    this.jar = jar;
    this.log = logDir.resolve(name + ".log");
    this.port = PostgresServer.freePort();
    this.env = new LinkedHashMap<>(env);
    this.env.put("PORT", Integer.toString(port));
  }

  String name() {
    return name;
  }

  URI baseUri() {
    return URI.create("http://localhost:" + port);
  }

  Path log() {
    return log;
  }

  int starts() {
    return starts;
  }

  /** Starts the process and waits until {@code /actuator/health} answers UP. */
  synchronized ServiceProcess start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is already running");
    }
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(
          log,
          "%n===== start %d of %s at %s =====%n".formatted(++starts, name, Instant.now()),
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      // Small heap and C1 only: several instances share two cores with the build.
      command.addAll(
          List.of(
              "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()));
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().putAll(env);
      builder.redirectErrorStream(true);
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      process = builder.start();
      RUNNING.add(process);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
    awaitHealthy();
    return this;
  }

  private void awaitHealthy() {
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + " during startup; see " + log);
      }
      if (health() == 200) {
        return;
      }
      sleep(Duration.ofMillis(200));
    }
    throw new IllegalStateException(
        name + " not healthy after " + STARTUP_TIMEOUT + "; see " + log);
  }

  /** The status code of {@code GET /actuator/health}, or -1 when nothing answers. */
  int health() {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(baseUri().resolve("/actuator/health"))
              .timeout(Duration.ofSeconds(10))
              .build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** SIGKILL, and wait until the process is gone. */
  synchronized void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    RUNNING.remove(process);
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** SIGTERM, as a deploy or Ctrl-C stops it; waits until the process is gone. */
  synchronized Duration stop() {
    if (process == null) {
      return Duration.ZERO;
    }
    Instant start = Instant.now();
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    RUNNING.remove(process);
    process = null;
    return Duration.between(start, Instant.now());
  }

  synchronized ServiceProcess restart() {
    kill();
    return start();
  }

  synchronized boolean alive() {
    return process != null && process.isAlive();
  }

  /** Every line of the log so far, all starts together. */
  List<String> logLines() {
    try {
      return Files.exists(log) ? Files.readAllLines(log) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    kill();
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
