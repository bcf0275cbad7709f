package dev.sheetsync.emulator;

import java.util.List;
import java.util.Map;

/**
 * Test controls of a running emulator: faults, quotas, counters, sharing, reset. {@link
 * SheetsEmulator#control()} gives the in-process one; {@link #remote(String)} drives an emulator in
 * another process over its {@code /emulator} HTTP API. Implementations are thread-safe.
 */
public interface EmulatorControl {

  /** Replaces the injected faults (a new {@code failNext} count starts from now). */
  void faults(Faults faults);

  /** Removes all injected faults. */
  void clearFaults();

  /** The faults now in force ({@code failNext} is what remains of it). */
  Faults currentFaults();

  /** Sets the per-user per-minute limits (zero or less = unlimited), keeping per-project ones. */
  void quota(int writeRequestsPerMinute, int readRequestsPerMinute);

  /** Replaces all quotas. */
  void quota(Quotas quotas);

  /**
   * Deletes every spreadsheet, zeroes the counters, clears the faults and restores the quotas the
   * emulator was started with (and empties their current windows).
   */
  void reset();

  RequestCounts requestCounts();

  /**
   * Marks a spreadsheet as not shared with the caller (every API call on it answers 403) or shared
   * again. Throws IllegalArgumentException for an unknown spreadsheet.
   */
  void setNotShared(String spreadsheetId, boolean notShared);

  /** Same as {@link SheetsEmulator#createSpreadsheet}: idempotent, creates missing tabs only. */
  void createSpreadsheet(String spreadsheetId, String title, Map<String, List<String>> tabs);

  /** Controls for an emulator at {@code baseUrl} (such as {@code http://localhost:3001/}). */
  static EmulatorControl remote(String baseUrl) {
    return new RemoteControl(baseUrl);
  }
}
