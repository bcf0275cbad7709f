package dev.sheetsync.sheets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds each layout tab among the spreadsheet's tabs (as {@code spreadsheets.get} lists them). */
public interface TabResolver {

  /**
   * @param tabs the spreadsheet's tabs as just read
   * @return each layout tab's tab now; a layout tab absent from the map is missing
   */
  Map<TabLayout, TabRef> resolve(List<TabRef> tabs);

  /**
   * By title only: where nothing is stored (the startup check without a database, fast tests). The
   * service itself follows renames with {@link SpreadsheetTabs}.
   */
  static TabResolver byTitle(SheetLayouts layouts) {
    return tabs -> {
      Map<TabLayout, TabRef> found = new LinkedHashMap<>();
      for (TabLayout layout : layouts.tabs()) {
        tabs.stream()
            .filter(t -> t.title().equals(layout.tabName()))
            .findFirst()
            .ifPresent(t -> found.put(layout, t));
      }
      return found;
    };
  }
}
