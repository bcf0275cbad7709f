package dev.sheetsync.sheets;

import dev.sheetsync.emulator.SheetsEmulator;

/**
 * The spreadsheet the {@code Sheets} client writes to, and where a person can look at it. A Spring
 * bean.
 *
 * @param spreadsheetId the id every call names
 * @param spreadsheetUrl Google's {@code https://docs.google.com/spreadsheets/d/{id}/edit}, or the
 *     emulator's HTML view of the spreadsheet
 * @param mode Google, an external emulator, or the embedded one
 * @param serviceAccountEmail the account the sheet must be shared with (Google mode), else null
 * @param embeddedEmulator the emulator this service started (embedded mode), else null
 */
public record SpreadsheetTarget(
    String spreadsheetId,
    String spreadsheetUrl,
    SheetsProperties.Mode mode,
    String serviceAccountEmail,
    SheetsEmulator embeddedEmulator) {

  /** True when this service started the emulator it writes to. */
  public boolean embedded() {
    return mode == SheetsProperties.Mode.EMBEDDED_EMULATOR;
  }

  /**
   * The embedded emulator (tests use its {@code control()} to inject faults).
   *
   * @throws IllegalStateException when the service writes to Google or an external emulator
   */
  public SheetsEmulator emulator() {
    if (embeddedEmulator == null) {
      throw new IllegalStateException("No embedded emulator: the service writes to " + mode);
    }
    return embeddedEmulator;
  }

  static String googleUrl(String spreadsheetId) {
    return "https://docs.google.com/spreadsheets/d/" + spreadsheetId + "/edit";
  }

  static String emulatorViewUrl(String baseUrl, String spreadsheetId) {
    String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    return base
        + "view/"
        + java.net.URLEncoder.encode(spreadsheetId, java.nio.charset.StandardCharsets.UTF_8)
            .replace("+", "%20");
  }
}
