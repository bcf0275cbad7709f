package dev.sheetsync.sheets;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns a bad sheet layout, a spreadsheet that does not fit it, or an embedded emulator that cannot
 * start into one clear startup message instead of a stack trace.
 */
class SheetsFailureAnalyzer implements FailureAnalyzer {

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SpreadsheetCheckException check) {
        return new FailureAnalysis(
            check.getMessage(),
            "Make the spreadsheet match the layout (README, section Google Sheets), or set"
                + " sheetsync.sheets.verify-on-startup=false to start anyway.",
            check);
      }
      if (cause instanceof EmbeddedEmulatorException emulator) {
        return new FailureAnalysis(
            emulator.getMessage()
                + ". It starts when neither Google credentials nor SHEETS_EMULATOR_HOST are set;"
                + " another sheetsync (or anything else) is probably listening there.",
            "Stop whatever uses port "
                + emulator.port()
                + " (e.g. a sheetsync started earlier), or set SHEETS_EMULATOR_PORT to a free port"
                + " (and PORT for the service itself if 3000 is taken too). To use another target,"
                + " set SHEETS_EMULATOR_HOST or GOOGLE_APPLICATION_CREDENTIALS.",
            emulator);
      }
      if (cause instanceof SheetLayoutException layout) {
        return new FailureAnalysis(
            "The sheet layout (sheetsync.layout) is invalid: " + layout.getMessage(),
            "Fix sheetsync.layout in application.yml or in the file named by"
                + " SHEETSYNC_LAYOUT_FILE (README, section Google Sheets).",
            layout);
      }
    }
    return null;
  }
}
