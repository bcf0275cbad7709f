package dev.sheetsync.emulator;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone entry point: {@code java -jar sheets-emulator-exec.jar [--port 3001] [--host
 * 127.0.0.1] [--data FILE] [--unlimited-quota]}.
 */
public final class EmulatorMain {

  private EmulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    EmulatorOptions options = EmulatorOptions.defaults().withPort(3001);
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--port" -> options = options.withPort(Integer.parseInt(value(args, ++i, arg)));
        case "--host" -> options = options.withHost(value(args, ++i, arg));
        case "--data" -> options = options.withDataFile(Path.of(value(args, ++i, arg)));
        case "--unlimited-quota" -> options = options.withQuotas(Quotas.UNLIMITED);
        case "--help", "-h" -> {
          System.out.println(
              "usage: java -jar sheets-emulator-exec.jar [--port 3001] "
                  + "[--host 127.0.0.1] [--data FILE] [--unlimited-quota]");
          return;
        }
        default -> throw new IllegalArgumentException("unknown option " + arg + " (try --help)");
      }
    }
    SheetsEmulator emulator = SheetsEmulator.start(options);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                },
                "sheets-emulator-shutdown"));
    System.out.println(
        "Sheets API v4 emulator listening on "
            + emulator.baseUrl()
            + (options.dataFile() == null
                ? " (in memory)"
                : " (data: " + options.dataFile() + ")"));
    stopped.await();
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }
}
