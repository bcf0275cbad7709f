package dev.sheetsync.reliability;

import dev.sheetsync.emulator.EmulatorOptions;
import dev.sheetsync.emulator.Quotas;
import dev.sheetsync.emulator.SheetsEmulator;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every scenario shares in one test JVM: the packaged jar, one PostgreSQL server, one Sheets
 * emulator (in this JVM, so faults can be injected from Java and the sheet read without going
 * through them), the service's layout, and the output folder {@code target/reliability}. Started on
 * first use, stopped when the JVM exits.
 */
final class ReliabilityEnvironment {

  private static ReliabilityEnvironment instance;

  final ReliabilitySize size;
  final Path jar;
  final Path dir;
  final PostgresServer postgres;
  final SheetsEmulator emulator;
  final ServiceLayout layout;

  private ReliabilityEnvironment() {
    size = ReliabilitySize.current();
    jar =
        Path.of(System.getProperty("reliability.jar", "../service/target/sheetsync.jar"))
            .toAbsolutePath();
    dir = Path.of(System.getProperty("reliability.dir", "target/reliability")).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "no service jar at " + jar + ": the suite runs after `package` (./mvnw verify)");
    }
    postgres = PostgresServer.start(dir.resolve("postgres"));
    // Quotas off: the scenarios are about crashes and faults; the benchmark measures quotas.
    emulator =
        SheetsEmulator.start(EmulatorOptions.defaults().withPort(0).withQuotas(Quotas.UNLIMITED));
    layout = ServiceLayout.load();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  postgres.close();
                }));
  }

  static synchronized ReliabilityEnvironment get() {
    if (instance == null) {
      instance = new ReliabilityEnvironment();
    }
    return instance;
  }

  /** A fresh database and spreadsheet named {@code name}, with no faults injected. */
  Scenario scenario(String name) {
    return new Scenario(this, name);
  }

  String emulatorHost() {
    return "localhost:" + emulator.port();
  }
}
