package dev.sheetsync.sheets;

import org.springframework.stereotype.Component;

/**
 * What a person can do when the spreadsheet answers 401, 403 or 404, in words for the console, the
 * queue endpoint's {@code data.paused[].hint}, health and logs.
 */
@Component
public class AccessHints {

  private final SpreadsheetTarget target;

  AccessHints(SpreadsheetTarget target) {
    this.target = target;
  }

  /** The hint for an HTTP status of a Sheets call; a generic one for other statuses. */
  public String hint(int status) {
    String id = target.spreadsheetId();
    return switch (status) {
      case 403 ->
          target.serviceAccountEmail() != null
              ? "share the spreadsheet with "
                  + target.serviceAccountEmail()
                  + " as Editor, and check that the Google Sheets API is enabled in its project"
              : "the emulator marks spreadsheet '" + id + "' as not shared: share it again";
      case 404 ->
          "spreadsheet '"
              + id
              + "' was not found: restore it from the trash, or set SHEETS_SPREADSHEET_ID to the"
              + " id in the sheet's URL (between /d/ and /edit)";
      case 401 ->
          "Google rejected the service-account credentials: check"
              + " GOOGLE_APPLICATION_CREDENTIALS / GOOGLE_SERVICE_ACCOUNT_JSON";
      default -> "check the spreadsheet's sharing and the service's Google credentials";
    };
  }
}
