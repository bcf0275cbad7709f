package dev.sheetsync.emulator;

import java.nio.file.Path;
import java.time.Clock;

/**
 * How to start a {@link SheetsEmulator}.
 *
 * @param port TCP port; 0 picks a free one
 * @param host address to bind; {@code 127.0.0.1} by default ({@code 0.0.0.0} to serve other hosts)
 * @param dataFile JSON file to load at start and rewrite after every successful mutation; null
 *     keeps everything in memory
 * @param quotas per-minute quotas; {@link Quotas#GOOGLE_DEFAULTS} when null
 * @param clock the clock behind quota windows; the system clock when null
 */
public record EmulatorOptions(int port, String host, Path dataFile, Quotas quotas, Clock clock) {

  public EmulatorOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    host = host == null ? "127.0.0.1" : host;
    quotas = quotas == null ? Quotas.GOOGLE_DEFAULTS : quotas;
    clock = clock == null ? Clock.systemUTC() : clock;
  }

  /** Port 0, loopback, in memory, Google's default quotas, the system clock. */
  public static EmulatorOptions defaults() {
    return new EmulatorOptions(0, null, null, null, null);
  }

  public EmulatorOptions withPort(int value) {
    return new EmulatorOptions(value, host, dataFile, quotas, clock);
  }

  public EmulatorOptions withHost(String value) {
    return new EmulatorOptions(port, value, dataFile, quotas, clock);
  }

  public EmulatorOptions withDataFile(Path value) {
    return new EmulatorOptions(port, host, value, quotas, clock);
  }

  public EmulatorOptions withQuotas(Quotas value) {
    return new EmulatorOptions(port, host, dataFile, value, clock);
  }

  public EmulatorOptions withClock(Clock value) {
    return new EmulatorOptions(port, host, dataFile, quotas, value);
  }
}
