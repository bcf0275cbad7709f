package dev.sheetsync.writeback;

import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.BatchGetValuesResponse;
import com.google.api.services.sheets.v4.model.Sheet;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import com.google.api.services.sheets.v4.model.ValueRange;
import dev.sheetsync.sheets.RowMapper;
import dev.sheetsync.sheets.SpreadsheetTarget;
import dev.sheetsync.sheets.TabLayout;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Reads key columns (one {@code values.batchGet} for any number of tabs) and tab ids. */
@Component
class SheetKeys {

  private final Sheets sheets;
  private final String spreadsheetId;
  private final GoogleCalls calls;
  private final Map<String, Integer> sheetIds = new ConcurrentHashMap<>();

  SheetKeys(Sheets sheets, SpreadsheetTarget target, GoogleCalls calls) {
    this.sheets = sheets;
    this.spreadsheetId = target.spreadsheetId();
    this.calls = calls;
  }

  Map<TabLayout, KeyIndex> read(Collection<TabLayout> tabs, long deadline)
      throws GoogleCallException {
    List<TabLayout> list = List.copyOf(tabs);
    BatchGetValuesResponse response =
        calls.call(
            "values.batchGet",
            GoogleCalls.Kind.READ,
            deadline,
            attempt ->
                sheets
                    .spreadsheets()
                    .values()
                    .batchGet(spreadsheetId)
                    .setRanges(list.stream().map(RowMapper::keyColumnRange).toList())
                    .setMajorDimension("COLUMNS")
                    .execute());
    List<ValueRange> ranges = response.getValueRanges();
    Map<TabLayout, KeyIndex> indexes = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      List<List<Object>> values = ranges == null ? null : ranges.get(i).getValues();
      indexes.put(
          list.get(i), new KeyIndex(values == null || values.isEmpty() ? null : values.get(0)));
    }
    return indexes;
  }

  /** The numeric id of a tab, for structural requests (deleting rows); cached. */
  int sheetId(TabLayout tab, long deadline) throws GoogleCallException {
    Integer cached = sheetIds.get(tab.tabName());
    if (cached != null) {
      return cached;
    }
    Spreadsheet spreadsheet =
        calls.call(
            "spreadsheets.get",
            GoogleCalls.Kind.READ,
            deadline,
            attempt ->
                sheets
                    .spreadsheets()
                    .get(spreadsheetId)
                    .setFields("sheets.properties(sheetId,title)")
                    .execute());
    for (Sheet sheet : spreadsheet.getSheets()) {
      sheetIds.put(sheet.getProperties().getTitle(), sheet.getProperties().getSheetId());
    }
    Integer id = sheetIds.get(tab.tabName());
    if (id == null) {
      throw new GoogleCallException(
          "spreadsheets.get", new IOException("no tab named " + tab.tabName()));
    }
    return id;
  }

  /** Forgets tab ids, for when a tab may have been recreated. */
  void forgetSheetIds() {
    sheetIds.clear();
  }
}
