package dev.sheetsync.sheets;

import dev.sheetsync.records.SyncModel;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The spreadsheet's layout: exactly one tab per {@link SyncModel}, with distinct tab names.
 * Immutable and thread-safe; a Spring bean built from {@code sheetsync.layout} in {@code
 * application.yml} (replaceable by the file named in {@code SHEETSYNC_LAYOUT_FILE}).
 */
public record SheetLayouts(List<TabLayout> tabs) {

  public SheetLayouts {
    if (tabs == null) {
      throw new SheetLayoutException("No sheet layout configured (sheetsync.layout.tabs)");
    }
    Map<SyncModel, TabLayout> byModel = new EnumMap<>(SyncModel.class);
    Set<String> names = new HashSet<>();
    List<String> problems = new java.util.ArrayList<>();
    for (TabLayout tab : tabs) {
      if (byModel.put(tab.model(), tab) != null) {
        problems.add("Two tabs are configured for " + tab.model().dbName());
      }
      if (!names.add(tab.tabName())) {
        problems.add("Tab name '" + tab.tabName() + "' is used twice");
      }
    }
    for (SyncModel model : SyncModel.values()) {
      if (!byModel.containsKey(model)) {
        problems.add(
            "No tab is configured for "
                + model.dbName()
                + " (sheetsync.layout.tabs."
                + model.name().toLowerCase(java.util.Locale.ROOT)
                + ")");
      }
    }
    if (!problems.isEmpty()) {
      throw new SheetLayoutException(problems);
    }
    tabs = List.copyOf(tabs);
  }

  /**
   * Tab name → headers, in layout order: what {@code SheetsEmulator.createSpreadsheet} takes to
   * create a spreadsheet matching this layout (header rows other than 1 aside).
   */
  public Map<String, List<String>> headerRows() {
    Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
    tabs.forEach(t -> rows.put(t.tabName(), t.headers()));
    return java.util.Collections.unmodifiableMap(rows);
  }

  /**
   * Layouts that work but mislead the people reading the sheet, one sentence each (logged at
   * startup): a formula summing a numeric column of a {@code mark} tab without looking at its
   * marker column still counts deleted records, whose amounts stay in their marked rows.
   */
  public List<String> warnings() {
    return DeletedRowSums.warnings(tabs);
  }

  /** The tab showing {@code model}'s records; never null. */
  public TabLayout forModel(SyncModel model) {
    return tabs.stream()
        .filter(t -> t.model() == model)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No tab for " + model));
  }
}
