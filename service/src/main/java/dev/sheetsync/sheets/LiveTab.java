package dev.sheetsync.sheets;

import com.google.api.client.util.Data;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A layout tab as it is in the spreadsheet right now: its numeric {@code sheetId}, its current
 * title (people may have renamed it) and the sheet column of every layout column, found by header
 * text (people may have inserted, moved or deleted columns). Immutable and thread-safe; built once
 * per batch from the header row just read.
 *
 * <p>Rows are still mapped in layout order ({@link RowMapper}); {@link #place} moves each value
 * under its header and fills every other column of the range with {@link Data#NULL_STRING} (JSON
 * {@code null}: "leave the cell as it is", per Google's {@code ValueRange.values} reference), so a
 * column people added is never written.
 */
public final class LiveTab {

  private final TabLayout layout;
  private final int sheetId;
  private final String title;
  private final int[] columns;
  private final int lastColumn;

  private LiveTab(TabLayout layout, int sheetId, String title, int[] columns) {
    this.layout = layout;
    this.sheetId = sheetId;
    this.title = title;
    this.columns = columns;
    this.lastColumn = Arrays.stream(columns).max().orElse(0);
  }

  /**
   * Finds every layout column in {@code headerRow} (the cells of the tab's header row, as read).
   * Header text is compared after trimming, case-sensitively, as the layout is written.
   *
   * @throws TabStructureException naming every layout header that is missing or appears twice
   */
  public static LiveTab locate(
      TabLayout layout, int sheetId, String title, List<Object> headerRow) {
    Map<String, List<Integer>> found = new HashMap<>();
    for (int i = 0; headerRow != null && i < headerRow.size(); i++) {
      Object cell = headerRow.get(i);
      String text = cell == null ? "" : cell.toString().strip();
      if (!text.isEmpty()) {
        found.computeIfAbsent(text, k -> new ArrayList<>(1)).add(i);
      }
    }
    List<String> missing = new ArrayList<>();
    Map<String, List<Integer>> twice = new LinkedHashMap<>();
    int[] columns = new int[layout.width()];
    for (int i = 0; i < layout.width(); i++) {
      String header = layout.columns().get(i).header();
      List<Integer> at = found.getOrDefault(header, List.of());
      if (at.isEmpty()) {
        missing.add(header);
      } else if (at.size() > 1) {
        twice.put(header, at);
      } else {
        columns[i] = at.get(0);
      }
    }
    if (!missing.isEmpty() || !twice.isEmpty()) {
      throw TabStructureException.columns(layout, title, missing, twice);
    }
    return new LiveTab(layout, sheetId, title, columns);
  }

  public TabLayout layout() {
    return layout;
  }

  public int sheetId() {
    return sheetId;
  }

  /** The tab's title now; differs from the layout's tab name after people renamed the tab. */
  public String title() {
    return title;
  }

  /** Zero-based sheet column of the layout's {@code layoutIndex}-th column. */
  public int column(int layoutIndex) {
    return columns[layoutIndex];
  }

  /** Zero-based sheet column of the key column. */
  public int keyColumn() {
    return columns[layout.keyColumnIndex()];
  }

  /**
   * A row mapped in layout order, moved under the headers: column A to the last layout column,
   * every cell outside the layout {@link Data#NULL_STRING}. Formula cells are retargeted with
   * {@link FormulaReferences}, so a template written for the declared layout refers to the same
   * headers wherever they are now.
   *
   * @param tabs the live tabs by layout tab name, for formulas that refer to other tabs
   */
  public List<Object> place(List<Object> layoutRow, Function<String, LiveTab> tabs) {
    if (layoutRow.size() != layout.width()) {
      throw new IllegalArgumentException(
          "A row of "
              + layout.tabName()
              + " has "
              + layout.width()
              + " cells, got "
              + layoutRow.size());
    }
    List<Object> row = new ArrayList<>(Collections.nCopies(lastColumn + 1, Data.NULL_STRING));
    for (int i = 0; i < columns.length; i++) {
      Object value = layoutRow.get(i);
      if (layout.columns().get(i).formula() != null
          && !Data.isNull(value)
          && value instanceof String formula) {
        value = FormulaReferences.retarget(formula, this, tabs);
      }
      row.set(columns[i], value);
    }
    return Collections.unmodifiableList(row);
  }

  /** The row's range over the layout's columns: {@code 'Bookings 2025'!A5:T5}. */
  public String rowRange(int row) {
    return A1Notation.quote(title) + "!A" + row + ":" + TabLayout.columnLetter(lastColumn) + row;
  }

  /** Whole rows {@code from} to {@code to}, every column: {@code 'Requests'!5:9}. */
  public String rowsRange(int from, int to) {
    return A1Notation.quote(title) + "!" + from + ":" + to;
  }

  /** The key column, whole: {@code 'Requests'!C:C}. */
  public String keyRange() {
    return keyRange(layout, title, keyColumn());
  }

  /** A key column range at a column that may be a guess, before the header row is read. */
  public static String keyRange(TabLayout layout, String title, int column) {
    return columnRange(title, column);
  }

  /** A whole column of the tab titled {@code title}: {@code 'Requests'!C:C}. */
  public static String columnRange(String title, int column) {
    String letter = TabLayout.columnLetter(column);
    return A1Notation.quote(title) + "!" + letter + ":" + letter;
  }

  /** The whole header row: {@code 'Requests'!1:1}. */
  public static String headerRange(TabLayout layout, String title) {
    return A1Notation.quote(title) + "!" + layout.headerRow() + ":" + layout.headerRow();
  }

  @Override
  public String toString() {
    return "LiveTab[" + title + " #" + sheetId + "]";
  }
}
