package dev.sheetsync.sheets;

import dev.sheetsync.records.SyncModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The layout as written in yml ({@code sheetsync.layout.tabs.request|operator|revenue}). Tabs are
 * keyed by model so that an outside file can replace one tab's {@code columns} list (a list from a
 * higher-priority source replaces the whole default list, it is never merged element by element)
 * while keeping the others. Converted once into {@link SheetLayouts}, which does the validation.
 */
@ConfigurationProperties("sheetsync.layout")
record LayoutProperties(Map<SyncModel, Tab> tabs) {

  record Tab(
      String tabName,
      @DefaultValue("1") int headerRow,
      String keyColumn,
      DeletePolicy deletePolicy,
      String deleteMarkerColumn,
      String deleteMarker,
      List<Column> columns,
      @DefaultValue("false") boolean importNewRows) {}

  /**
   * {@code writable} defaults to true when a source is set (false for a sheet-to-db column); {@code
   * onEdit} to overwrite, {@code direction} to db-to-sheet, {@code onConflict} to hold.
   */
  record Column(
      String header,
      String source,
      ColumnFormat format,
      Boolean writable,
      String formula,
      OnEdit onEdit,
      Direction direction,
      OnConflict onConflict) {}

  /**
   * @throws SheetLayoutException with every problem of every tab, not just the first
   */
  SheetLayouts toLayouts() {
    Map<SyncModel, Tab> configured = tabs == null ? Map.of() : tabs;
    List<TabLayout> layouts = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (SyncModel model : SyncModel.values()) {
      Tab tab = configured.get(model);
      if (tab != null) {
        try {
          layouts.add(toLayout(model, tab, problems));
        } catch (SheetLayoutException e) {
          problems.addAll(e.problems());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new SheetLayoutException(problems);
    }
    return new SheetLayouts(layouts);
  }

  /** Column problems go to {@code problems}; the tab's own are thrown after them. */
  private static TabLayout toLayout(SyncModel model, Tab tab, List<String> problems) {
    List<ColumnLayout> columns = new ArrayList<>();
    for (Column column : tab.columns() == null ? List.<Column>of() : tab.columns()) {
      boolean hasSource = column.source() != null && !column.source().isBlank();
      boolean writable =
          column.writable() != null
              ? column.writable()
              : hasSource && column.direction() != Direction.SHEET_TO_DB;
      try {
        columns.add(
            new ColumnLayout(
                column.header(),
                column.source(),
                column.format(),
                writable,
                column.formula(),
                column.onEdit(),
                column.direction(),
                column.onConflict()));
      } catch (SheetLayoutException e) {
        problems.add("Tab '" + tab.tabName() + "' (" + model.dbName() + "): " + e.getMessage());
      }
    }
    return new TabLayout(
        model,
        tab.tabName(),
        tab.headerRow(),
        tab.keyColumn(),
        tab.deletePolicy(),
        tab.deleteMarkerColumn(),
        tab.deleteMarker(),
        columns,
        tab.importNewRows());
  }
}
