package dev.sheetsync.testing;

import dev.sheetsync.emulator.EmulatorControl;
import dev.sheetsync.sheets.SheetLayouts;
import dev.sheetsync.sheets.SpreadsheetTarget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The emulator reset to one spreadsheet whose tabs hold only their layouts' header rows. */
public final class EmptySpreadsheet {

  private EmptySpreadsheet() {}

  /**
   * Resets the emulator behind {@code target} (no spreadsheets, counters, faults; starting quotas)
   * and creates the target's spreadsheet with a tab per layout, in layout order, each with its
   * header row.
   *
   * @return the emulator's control, to set a quota or faults next
   */
  public static EmulatorControl create(SpreadsheetTarget target, SheetLayouts layouts) {
    return create(target.emulator().control(), target.spreadsheetId(), layouts);
  }

  /** As {@link #create(SpreadsheetTarget, SheetLayouts)}, for an emulator in another process. */
  public static EmulatorControl create(
      EmulatorControl control, String spreadsheetId, SheetLayouts layouts) {
    control.reset();
    Map<String, List<String>> tabs = new LinkedHashMap<>();
    layouts.tabs().forEach(t -> tabs.put(t.tabName(), t.headers()));
    control.createSpreadsheet(spreadsheetId, "sheetsync", tabs);
    return control;
  }
}
