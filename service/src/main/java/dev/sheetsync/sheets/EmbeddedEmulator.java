package dev.sheetsync.sheets;

import com.google.api.client.http.HttpRequestInitializer;
import dev.sheetsync.emulator.AccessGuard;
import dev.sheetsync.emulator.EmulatorOptions;
import dev.sheetsync.emulator.SheetsEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator the service starts for itself when it has neither Google credentials nor an emulator
 * host: the default run needs no Google account. Holds null in the other modes; stops the emulator
 * when the context closes.
 */
final class EmbeddedEmulator implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedEmulator.class);

  private final SheetsEmulator emulator;
  private final AccessGuard guard;

  private EmbeddedEmulator(SheetsEmulator emulator, AccessGuard guard) {
    this.emulator = emulator;
    this.guard = guard;
  }

  static EmbeddedEmulator none() {
    return new EmbeddedEmulator(null, null);
  }

  /**
   * Starts the emulator and creates the spreadsheet with every tab of the layout whose header row
   * is row 1 holding its headers (tabs that already exist, e.g. loaded from the data file, are left
   * as they are, like a real sheet people work in).
   */
  static EmbeddedEmulator start(SheetsProperties properties, SheetLayouts layouts) {
    EmulatorOptions options = EmulatorOptions.defaults().withPort(properties.emulatorPort());
    Path dataFile = properties.emulatorDataFile();
    if (dataFile != null) {
      createParent(dataFile);
      options = options.withDataFile(dataFile);
    }
    SheetsEmulator emulator;
    // Only this service may use the API (a random token per start); see AccessGuard.
    AccessGuard guard = AccessGuard.withRandomToken();
    try {
      emulator = SheetsEmulator.start(options, guard);
    } catch (RuntimeException e) {
      throw new EmbeddedEmulatorException(properties.emulatorPort(), e);
    }
    Map<String, List<String>> tabs = new LinkedHashMap<>();
    for (TabLayout tab : layouts.tabs()) {
      // The emulator writes headers into row 1; other header rows are written by the client.
      tabs.put(tab.tabName(), tab.headerRow() == 1 ? tab.headers() : List.of());
    }
    emulator.createSpreadsheet(properties.spreadsheetId(), "sheetsync", tabs);
    log.info(
        "Embedded Sheets emulator at {} (data: {}); spreadsheet '{}' is viewable at {}",
        emulator.baseUrl(),
        dataFile == null ? "in memory" : dataFile.toAbsolutePath(),
        properties.spreadsheetId(),
        SpreadsheetTarget.emulatorViewUrl(emulator.baseUrl(), properties.spreadsheetId()));
    return new EmbeddedEmulator(emulator, guard);
  }

  /** Sends the emulator's access token with every request of {@code initializer}'s client. */
  HttpRequestInitializer authorizing(HttpRequestInitializer initializer) {
    if (guard == null) {
      return initializer;
    }
    return request -> {
      initializer.initialize(request);
      request.getHeaders().setAuthorization("Bearer " + guard.token());
    };
  }

  SheetsEmulator emulator() {
    return emulator;
  }

  @Override
  public void close() {
    if (emulator != null) {
      emulator.close();
    }
  }

  private static void createParent(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + parent + " for the emulator's data", e);
    }
  }
}
