package dev.sheetsync.sheets;

/**
 * The spreadsheet cannot be used as the layout describes: a tab is missing, a header differs, the
 * service account has no access, or the spreadsheet does not exist. Fails startup; the message says
 * what to fix.
 */
public class SpreadsheetCheckException extends IllegalStateException {

  public SpreadsheetCheckException(String message, Throwable cause) {
    super(message, cause);
  }
}
