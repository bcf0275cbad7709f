package dev.sheetsync.sheets;

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

  private EmbeddedEmulator(SheetsEmulator emulator) {
    this.emulator = emulator;
  }

  static EmbeddedEmulator none() {
    return new EmbeddedEmulator(null);
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
    try {
      emulator = SheetsEmulator.start(options);
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
    return new EmbeddedEmulator(emulator);
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
