package dev.sheetsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged service on its defaults (embedded PostgreSQL with its data in {@code DATA_DIR}, the
 * embedded emulator, the 5-minute schedule on) stops on SIGTERM within 10 s, without an error in
 * its log, and stops its PostgreSQL cleanly (the server removes {@code postmaster.pid} only then).
 */
class GracefulShutdownIT {

  static final Duration LIMIT = Duration.ofSeconds(10);

  @Test
  void stopsWithinTenSecondsWhenIdleWithTheDatabaseLastAndNoErrors() throws IOException {
    Path jar = Path.of(System.getProperty("reliability.jar", "../service/target/sheetsync.jar"));
    Path dir =
        Path.of(System.getProperty("reliability.dir", "target/reliability")).resolve("shutdown");
    Files.createDirectories(dir);
    Path data = Files.createTempDirectory(dir, "data-");
    ServiceProcess service =
        new ServiceProcess(
            "graceful-shutdown",
            jar,
            dir,
            Map.of(
                "DATA_DIR", data.toString(),
                "SHEETS_EMULATOR_PORT", Integer.toString(PostgresServer.freePort()),
                "ADMIN_PASSWORD", "graceful-shutdown-password"));
    try {
      service.start();
      int linesBefore = service.logLines().size();

      Duration took = service.stop();

      List<String> afterStop = service.logLines().subList(linesBefore, service.logLines().size());
      assertThat(took).isLessThan(LIMIT);
      assertThat(afterStop).anyMatch(line -> line.contains("no new queue claims"));
      assertThat(afterStop)
          .noneMatch(line -> line.contains(" ERROR ") || line.contains("Exception"));
      assertThat(data.resolve("postgres").resolve("postmaster.pid")).doesNotExist();
      // The web server is done before PostgreSQL stops, not the other way round.
      assertThat(indexOf(afterStop, "Graceful shutdown complete"))
          .isNotNegative()
          .isLessThan(indexOf(afterStop, "server stopped"));
      System.out.printf("Graceful shutdown when idle took %d ms%n", took.toMillis());
    } finally {
      service.close();
    }
  }

  private static int indexOf(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    return -1;
  }
}
