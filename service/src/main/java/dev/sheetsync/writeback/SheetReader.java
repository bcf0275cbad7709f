package dev.sheetsync.writeback;

import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.Sheet;
import com.google.api.services.sheets.v4.model.SheetProperties;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import com.google.api.services.sheets.v4.model.ValueRange;
import dev.sheetsync.records.SyncModel;
import dev.sheetsync.sheets.LiveTab;
import dev.sheetsync.sheets.SheetLayouts;
import dev.sheetsync.sheets.SpreadsheetTarget;
import dev.sheetsync.sheets.TabLayout;
import dev.sheetsync.sheets.TabRef;
import dev.sheetsync.sheets.TabResolver;
import dev.sheetsync.sheets.TabStructureException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Reads the sheet as it is: the tabs ({@code spreadsheets.get}, once per run) and, per batch, the
 * header row of every layout tab with the key column of every tab the batch writes, in one {@code
 * values.batchGet}. The key column is read where it was last seen; when the header row shows that
 * people moved it, it is read again where it is now (one more read, only then). Thread-safe.
 */
@Component
class SheetReader {

  private final Sheets sheets;
  private final String spreadsheetId;
  private final GoogleCalls calls;
  private final TabResolver tabResolver;
  private final SheetLayouts layouts;
  private final Map<TabLayout, Integer> keyColumnSeen = new ConcurrentHashMap<>();
  private final Map<TabLayout, LiveTab> columnsSeen = new ConcurrentHashMap<>();

  /** Ranges in one row read at most: ~40 URL characters each keeps the GET under 8 KB. */
  static final int MAX_ROW_RANGES = 150;

  SheetReader(
      Sheets sheets,
      SpreadsheetTarget target,
      GoogleCalls calls,
      TabResolver tabResolver,
      SheetLayouts layouts) {
    this.sheets = sheets;
    this.spreadsheetId = target.spreadsheetId();
    this.calls = calls;
    this.tabResolver = tabResolver;
    this.layouts = layouts;
  }

  /** The layout tabs now, followed by sheetId through renames. One read. */
  Tabs look(long deadline) throws GoogleCallException {
    Spreadsheet spreadsheet =
        calls.call(
            "spreadsheets.get",
            GoogleCalls.Kind.READ,
            deadline,
            attempt ->
                sheets
                    .spreadsheets()
                    .get(spreadsheetId)
                    .setFields("sheets.properties(sheetId,title,gridProperties.rowCount)")
                    .execute());
    List<TabRef> refs = new ArrayList<>();
    Map<Integer, Integer> rowCounts = new HashMap<>();
    if (spreadsheet.getSheets() != null) {
      for (Sheet sheet : spreadsheet.getSheets()) {
        SheetProperties p = sheet.getProperties();
        refs.add(new TabRef(p.getSheetId(), p.getTitle()));
        if (p.getGridProperties() != null && p.getGridProperties().getRowCount() != null) {
          rowCounts.put(p.getSheetId(), p.getGridProperties().getRowCount());
        }
      }
    }
    Map<SyncModel, TabRef> found = new LinkedHashMap<>();
    tabResolver.resolve(refs).forEach((layout, ref) -> found.put(layout.model(), ref));
    return new Tabs(found, rowCounts);
  }

  /**
   * The batch's snapshot: every layout tab's columns (or its problem) and the key columns of {@code
   * keyTabs}. A tab renamed since {@code tabs} was read makes Google refuse the whole read (400
   * "Unable to parse range"): the tabs are looked up once more and the read repeated.
   */
  SheetSnapshot read(Tabs tabs, Collection<TabLayout> keyTabs, long deadline)
      throws GoogleCallException {
    try {
      return readOnce(tabs, keyTabs, deadline);
    } catch (GoogleCallException e) {
      if (!e.unparsableRange()) {
        throw e;
      }
      return readOnce(look(deadline), keyTabs, deadline);
    }
  }

  private SheetSnapshot readOnce(Tabs tabs, Collection<TabLayout> keyTabs, long deadline)
      throws GoogleCallException {
    Map<TabLayout, TabStructureException> problems = new LinkedHashMap<>();
    List<TabLayout> present = new ArrayList<>();
    // The batch's own layouts win (a test or a reload may hand it other objects than the bean's).
    Map<SyncModel, TabLayout> byModel = new LinkedHashMap<>();
    layouts.tabs().forEach(t -> byModel.put(t.model(), t));
    keyTabs.forEach(t -> byModel.put(t.model(), t));
    for (TabLayout tab : byModel.values()) {
      if (tabs.of(tab) == null) {
        problems.put(tab, TabStructureException.missingTab(tab));
      } else {
        present.add(tab);
      }
    }
    List<TabLayout> keyed = keyTabs.stream().filter(present::contains).distinct().toList();
    List<String> ranges = new ArrayList<>();
    present.forEach(t -> ranges.add(LiveTab.headerRange(t, tabs.of(t).title())));
    Map<TabLayout, Integer> guessed = new HashMap<>();
    for (TabLayout t : keyed) {
      int column = keyColumnSeen.getOrDefault(t, t.keyColumnIndex());
      guessed.put(t, column);
      ranges.add(LiveTab.keyRange(t, tabs.of(t).title(), column));
    }
    List<ValueRange> read = batchGet(ranges, deadline);
    Map<TabLayout, LiveTab> live = new LinkedHashMap<>();
    for (int i = 0; i < present.size(); i++) {
      TabLayout t = present.get(i);
      try {
        live.put(
            t, LiveTab.locate(t, tabs.of(t).sheetId(), tabs.of(t).title(), firstRow(read.get(i))));
      } catch (TabStructureException e) {
        problems.put(t, e);
      }
    }
    Map<TabLayout, KeyIndex> keys = new LinkedHashMap<>();
    List<LiveTab> moved = new ArrayList<>();
    for (int i = 0; i < keyed.size(); i++) {
      TabLayout t = keyed.get(i);
      LiveTab tab = live.get(t);
      if (tab == null) {
        continue;
      }
      keyColumnSeen.put(t, tab.keyColumn());
      if (tab.keyColumn() == guessed.get(t)) {
        keys.put(t, new KeyIndex(firstColumn(read.get(present.size() + i))));
      } else {
        moved.add(tab);
      }
    }
    keys.putAll(keys(moved, deadline));
    return new SheetSnapshot(tabs, live, problems, keys);
  }

  /** The key columns of these tabs, in one read (none for no tabs). */
  Map<TabLayout, KeyIndex> keys(Collection<LiveTab> tabs, long deadline)
      throws GoogleCallException {
    Map<TabLayout, KeyIndex> keys = new LinkedHashMap<>();
    if (tabs.isEmpty()) {
      return keys;
    }
    List<LiveTab> list = List.copyOf(tabs);
    List<ValueRange> read = batchGet(list.stream().map(LiveTab::keyRange).toList(), deadline);
    for (int i = 0; i < list.size(); i++) {
      keys.put(list.get(i).layout(), new KeyIndex(firstColumn(read.get(i))));
    }
    return keys;
  }

  /**
   * Whole rows of these tabs as they are now (every column, people's included), in one read. Rows
   * are read as at most {@value #MAX_ROW_RANGES} ranges (spans of neighbouring rows merged, so the
   * request's URL stays short); a row beyond the sheet's last value is absent.
   *
   * @return per tab, row number → the row's cells from column A
   */
  Map<TabLayout, Map<Integer, List<Object>>> rows(
      Map<LiveTab, ? extends Collection<Integer>> wanted, long deadline)
      throws GoogleCallException {
    Map<TabLayout, Map<Integer, List<Object>>> rows = new LinkedHashMap<>();
    List<String> ranges = new ArrayList<>();
    List<LiveTab> rangeTabs = new ArrayList<>();
    List<int[]> rangeSpans = new ArrayList<>();
    int budget = MAX_ROW_RANGES;
    int tabsLeft = wanted.size();
    for (Map.Entry<LiveTab, ? extends Collection<Integer>> e : wanted.entrySet()) {
      rows.put(e.getKey().layout(), new HashMap<>());
      int share = Math.max(1, budget / tabsLeft--);
      List<int[]> spans = RowSpans.cover(e.getValue(), share);
      budget -= spans.size();
      for (int[] span : spans) {
        ranges.add(e.getKey().rowsRange(span[0], span[1]));
        rangeTabs.add(e.getKey());
        rangeSpans.add(span);
      }
    }
    if (ranges.isEmpty()) {
      return rows;
    }
    List<ValueRange> read = batchGet(ranges, deadline);
    for (int i = 0; i < read.size() && i < ranges.size(); i++) {
      List<List<Object>> values = read.get(i).getValues();
      Map<Integer, List<Object>> tabRows = rows.get(rangeTabs.get(i).layout());
      for (int j = 0; values != null && j < values.size(); j++) {
        tabRows.put(rangeSpans.get(i)[0] + j, values.get(j) == null ? List.of() : values.get(j));
      }
    }
    return rows;
  }

  /**
   * The header row and whole columns (by header, the key's included) of each tab in {@code wanted},
   * in one {@code values.batchGet}: columns are read where they were last seen (first: where the
   * layout declares them); when the header row shows people moved one, the moved ones are read
   * again where they are now (a second read, only then). A tab that is gone or lacks a layout
   * header is left out.
   *
   * @return per tab, the tab as located and each wanted column's cells from the header row down
   *     (cell 0 = the header)
   */
  Map<TabLayout, TabColumns> columns(Tabs tabs, Map<TabLayout, List<String>> wanted, long deadline)
      throws GoogleCallException {
    List<TabLayout> present = wanted.keySet().stream().filter(t -> tabs.of(t) != null).toList();
    List<String> ranges = new ArrayList<>();
    Map<TabLayout, Map<String, Integer>> guesses = new LinkedHashMap<>();
    for (TabLayout t : present) {
      String title = tabs.of(t).title();
      ranges.add(LiveTab.headerRange(t, title));
      Map<String, Integer> guess = new LinkedHashMap<>();
      for (String header : wanted.get(t)) {
        LiveTab seen = columnsSeen.get(t);
        int index = t.columnIndex(header);
        int column = seen != null ? seen.column(index) : index;
        guess.put(header, column);
        ranges.add(LiveTab.columnRange(title, column));
      }
      guesses.put(t, guess);
    }
    if (ranges.isEmpty()) {
      return Map.of();
    }
    List<ValueRange> read = batchGet(ranges, deadline);
    Map<TabLayout, TabColumns> result = new LinkedHashMap<>();
    Map<LiveTab, List<String>> moved = new LinkedHashMap<>();
    int at = 0;
    for (TabLayout t : present) {
      ValueRange header = read.get(at++);
      LiveTab tab;
      try {
        tab = LiveTab.locate(t, tabs.of(t).sheetId(), tabs.of(t).title(), firstRow(header));
      } catch (TabStructureException e) {
        at += guesses.get(t).size();
        continue;
      }
      columnsSeen.put(t, tab);
      Map<String, List<Object>> columns = new LinkedHashMap<>();
      for (Map.Entry<String, Integer> guess : guesses.get(t).entrySet()) {
        ValueRange column = read.get(at++);
        if (tab.column(t.columnIndex(guess.getKey())) == guess.getValue()) {
          columns.put(guess.getKey(), firstColumn(column));
        } else {
          moved.computeIfAbsent(tab, k -> new ArrayList<>()).add(guess.getKey());
        }
      }
      result.put(t, new TabColumns(tab, columns));
    }
    if (!moved.isEmpty()) {
      List<String> again = new ArrayList<>();
      moved.forEach(
          (tab, headers) ->
              headers.forEach(
                  h ->
                      again.add(
                          LiveTab.columnRange(
                              tab.title(), tab.column(tab.layout().columnIndex(h))))));
      List<ValueRange> reread = batchGet(again, deadline);
      int i = 0;
      for (Map.Entry<LiveTab, List<String>> e : moved.entrySet()) {
        for (String h : e.getValue()) {
          result.get(e.getKey().layout()).columns().put(h, firstColumn(reread.get(i++)));
        }
      }
    }
    return result;
  }

  /**
   * Whole columns of one tab as read.
   *
   * @param columns header → the column's cells from row 1 ("" for an empty cell)
   */
  record TabColumns(LiveTab tab, Map<String, List<Object>> columns) {}

  /** One tab's key column. */
  KeyIndex keys(LiveTab tab, long deadline) throws GoogleCallException {
    return keys(List.of(tab), deadline).get(tab.layout());
  }

  private List<ValueRange> batchGet(List<String> ranges, long deadline) throws GoogleCallException {
    List<ValueRange> read =
        calls
            .call(
                "values.batchGet",
                GoogleCalls.Kind.READ,
                deadline,
                attempt ->
                    sheets
                        .spreadsheets()
                        .values()
                        .batchGet(spreadsheetId)
                        .setRanges(ranges)
                        .setMajorDimension("ROWS")
                        .execute())
            .getValueRanges();
    return read == null ? List.of() : read;
  }

  private static List<Object> firstRow(ValueRange range) {
    List<List<Object>> values = range.getValues();
    return values == null || values.isEmpty() ? List.of() : values.get(0);
  }

  /** A one-column range read by rows: the first cell of each row ("" for an empty row). */
  private static List<Object> firstColumn(ValueRange range) {
    List<List<Object>> values = range.getValues();
    if (values == null) {
      return List.of();
    }
    List<Object> column = new ArrayList<>(values.size());
    for (List<Object> row : values) {
      column.add(row == null || row.isEmpty() ? "" : row.get(0));
    }
    return column;
  }
}
