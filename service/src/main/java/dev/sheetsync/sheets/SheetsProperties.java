package dev.sheetsync.sheets;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which spreadsheet, and how to reach it. Exactly one of three targets, chosen in this order:
 *
 * <ol>
 *   <li>{@code emulatorHost} set: that emulator, without credentials;
 *   <li>{@code credentialsFile} or {@code serviceAccountJson} set: Google, as that service account;
 *   <li>neither: an embedded emulator on {@code emulatorPort}, holding spreadsheet {@code
 *       spreadsheetId} with the layout's tabs and header rows.
 * </ol>
 *
 * @param spreadsheetId the spreadsheet written to (env {@code SHEETS_SPREADSHEET_ID})
 * @param emulatorHost {@code host:port} of a running emulator (env {@code SHEETS_EMULATOR_HOST})
 * @param emulatorPort port of the embedded emulator, 0 = any free port (env {@code
 *     SHEETS_EMULATOR_PORT})
 * @param emulatorDataFile where the embedded emulator keeps its spreadsheets across restarts
 *     ({@code DATA_DIR/sheets-emulator.json}); blank = in memory only
 * @param credentialsFile path of a service-account JSON key (env {@code
 *     GOOGLE_APPLICATION_CREDENTIALS})
 * @param serviceAccountJson the service-account JSON key itself (env {@code
 *     GOOGLE_SERVICE_ACCOUNT_JSON})
 * @param connectTimeout TCP connect timeout of each Sheets request
 * @param readTimeout read timeout of each Sheets request
 * @param applicationName sent in the User-Agent
 * @param verifyOnStartup check tabs and header rows at startup, failing it on a mismatch
 * @param healthCacheTtl how long the {@code sheets} health result is reused before asking again
 * @param createOnEmulator with {@code emulatorHost}: create the spreadsheet and its missing tabs,
 *     with headers, at startup, as the embedded emulator does (never on Google)
 */
@ConfigurationProperties("sheetsync.sheets")
@Validated
public record SheetsProperties(
    @DefaultValue("local") @NotBlank String spreadsheetId,
    String emulatorHost,
    @DefaultValue("3001") @Min(0) @Max(65535) int emulatorPort,
    Path emulatorDataFile,
    String credentialsFile,
    String serviceAccountJson,
    @DefaultValue("10s") @NotNull Duration connectTimeout,
    @DefaultValue("30s") @NotNull Duration readTimeout,
    @DefaultValue("sheetsync") @NotBlank String applicationName,
    @DefaultValue("true") boolean verifyOnStartup,
    @DefaultValue("30s") @NotNull Duration healthCacheTtl,
    @DefaultValue("true") boolean createOnEmulator) {

  /** How the client reaches the spreadsheet. */
  public enum Mode {
    EXTERNAL_EMULATOR,
    GOOGLE,
    EMBEDDED_EMULATOR
  }

  public SheetsProperties {
    emulatorHost = blankToNull(emulatorHost);
    credentialsFile = blankToNull(credentialsFile);
    serviceAccountJson = blankToNull(serviceAccountJson);
    if (emulatorDataFile != null && emulatorDataFile.toString().isBlank()) {
      emulatorDataFile = null;
    }
    if (credentialsFile != null && serviceAccountJson != null) {
      throw new IllegalArgumentException(
          "Set GOOGLE_APPLICATION_CREDENTIALS or GOOGLE_SERVICE_ACCOUNT_JSON, not both");
    }
    if (emulatorHost != null && !emulatorHost.matches("[^:/\\s]+:\\d{1,5}")) {
      throw new IllegalArgumentException(
          "SHEETS_EMULATOR_HOST must be host:port (e.g. localhost:3001), was: " + emulatorHost);
    }
  }

  public Mode mode() {
    if (emulatorHost != null) {
      return Mode.EXTERNAL_EMULATOR;
    }
    if (credentialsFile != null || serviceAccountJson != null) {
      return Mode.GOOGLE;
    }
    return Mode.EMBEDDED_EMULATOR;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
