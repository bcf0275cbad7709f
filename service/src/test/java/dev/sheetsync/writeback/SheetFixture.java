package dev.sheetsync.writeback;

import com.google.api.services.sheets.v4.Sheets;
import dev.sheetsync.emulator.EmulatorControl;
import dev.sheetsync.emulator.ValueRender;
import dev.sheetsync.sheets.SheetLayouts;
import dev.sheetsync.sheets.SpreadsheetTarget;
import dev.sheetsync.sheets.TabLayout;
import dev.sheetsync.testing.EmptySpreadsheet;
import java.util.List;

/** The embedded emulator's spreadsheet, as a fresh sheet per test, read back directly. */
class SheetFixture {

  final Sheets sheets;
  final SpreadsheetTarget target;
  final SheetLayouts layouts;

  SheetFixture(Sheets sheets, SpreadsheetTarget target, SheetLayouts layouts) {
    this.sheets = sheets;
    this.target = target;
    this.layouts = layouts;
  }

  /** Empty tabs with their header rows, no faults, no quota. */
  void reset() {
    EmptySpreadsheet.create(target, layouts).quota(0, 0);
  }

  EmulatorControl control() {
    return target.emulator().control();
  }

  /** Every row of the tab below the header, as the API renders it. */
  List<List<Object>> rows(TabLayout tab, ValueRender render) {
    String range =
        "'" + tab.tabName() + "'!A" + tab.firstDataRow() + ":" + tab.lastColumnLetter() + "1000";
    return target.emulator().values(target.spreadsheetId(), range, render);
  }

  /** One cell of a data row (1-based sheet row), rendered. */
  Object cell(TabLayout tab, int row, String header, ValueRender render) {
    List<List<Object>> rows = rows(tab, render);
    List<Object> r = rows.get(row - tab.firstDataRow());
    int column = tab.columnIndex(header);
    return column < r.size() ? r.get(column) : "";
  }
}
