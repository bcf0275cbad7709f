package dev.sheetsync.sheets;

import com.google.api.client.util.Data;
import dev.sheetsync.records.RecordSnapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Maps records to sheet rows and names the ranges they go to. Pure and thread-safe.
 *
 * <p>Rows are exactly {@link TabLayout#width()} cells, ready for {@code
 * valueInputOption=USER_ENTERED}. A cell sheetsync must not touch is {@link Data#NULL_STRING},
 * which Google's client sends as JSON {@code null} ("leave this cell as it is"). Never a Java
 * {@code null}: the client drops those from the JSON array, shifting every later cell one column to
 * the left.
 */
public class RowMapper {

  /** Row number for {@link RowMode#APPEND} when the row is not known yet; formulas are skipped. */
  public static final int UNKNOWN_ROW = 0;

  private static final Object SKIP = Data.NULL_STRING;

  /**
   * The row for {@code record} in {@code tab}.
   *
   * @param rowNumber the row's 1-based number, used for {@code {row}} in formula templates; for
   *     {@code APPEND} it may be {@link #UNKNOWN_ROW}, then formula cells are skipped and can be
   *     written once the row is known with {@link #formulaCells}
   * @throws RowMappingException when a value cannot be written in its column's format
   */
  public List<Object> toRow(TabLayout tab, RecordSnapshot record, int rowNumber, RowMode mode) {
    if (record.model() != tab.model()) {
      throw new IllegalArgumentException(
          "A " + record.model().dbName() + " record does not belong in tab " + tab.tabName());
    }
    if (!(mode == RowMode.APPEND && rowNumber == UNKNOWN_ROW)) {
      checkRow(tab, rowNumber);
    }
    List<Object> row = new ArrayList<>(tab.width());
    for (ColumnLayout column : tab.columns()) {
      if (column.formula() != null) {
        boolean write = mode == RowMode.APPEND && rowNumber != UNKNOWN_ROW;
        row.add(write ? formula(column, rowNumber) : SKIP);
      } else if (column.source() != null && (column.writable() || mode == RowMode.APPEND)) {
        row.add(cell(tab, column, record));
      } else {
        row.add(SKIP);
      }
    }
    return Collections.unmodifiableList(row);
  }

  /**
   * The formula templates of {@code tab} for row {@code rowNumber}, every other cell skipped: for
   * rows appended with {@link #UNKNOWN_ROW} once their number is known.
   */
  public List<Object> formulaCells(TabLayout tab, int rowNumber) {
    checkRow(tab, rowNumber);
    return tab.columns().stream()
        .map(c -> c.formula() != null ? (Object) formula(c, rowNumber) : SKIP)
        .toList();
  }

  /** For {@link DeletePolicy#MARK}: the marker in the marker column, every other cell skipped. */
  public List<Object> markDeleted(TabLayout tab, int rowNumber) {
    if (tab.deletePolicy() != DeletePolicy.MARK) {
      throw new IllegalStateException(
          "Tab " + tab.tabName() + " deletes by " + tab.deletePolicy() + ", not MARK");
    }
    checkRow(tab, rowNumber);
    int marker = tab.deleteMarkerColumnIndex();
    List<Object> row = new ArrayList<>(Collections.nCopies(tab.width(), SKIP));
    row.set(marker, CellValues.text(tab.deleteMarker()));
    return Collections.unmodifiableList(row);
  }

  /** For {@link DeletePolicy#CLEAR}: writable cells (key included) empty, every other skipped. */
  public List<Object> cleared(TabLayout tab) {
    return tab.columns().stream().map(c -> c.writable() ? (Object) "" : SKIP).toList();
  }

  /** The whole row: {@code 'Requests'!A5:R5}. */
  public static String rowRange(TabLayout tab, int rowNumber) {
    return A1Notation.quote(tab.tabName())
        + "!A"
        + rowNumber
        + ":"
        + tab.lastColumnLetter()
        + rowNumber;
  }

  /** The key column, whole: {@code 'Requests'!A:A}. */
  public static String keyColumnRange(TabLayout tab) {
    String key = TabLayout.columnLetter(tab.keyColumnIndex());
    return A1Notation.quote(tab.tabName()) + "!" + key + ":" + key;
  }

  /** The header row: {@code 'Requests'!A1:R1}. */
  public static String headerRange(TabLayout tab) {
    return rowRange(tab, tab.headerRow());
  }

  /**
   * The table from its header row down, for {@code values.append}: {@code 'Requests'!A1:R}.
   * Anchoring at column A keeps Sheets from starting the new rows in another column.
   */
  public static String tableRange(TabLayout tab) {
    return A1Notation.quote(tab.tabName()) + "!A" + tab.headerRow() + ":" + tab.lastColumnLetter();
  }

  /** {@code Jon's Data} → {@code 'Jon''s Data'}, for building other ranges. */
  public static String quoteTabName(String tabName) {
    return A1Notation.quote(tabName);
  }

  /** First row of an {@code updates.updatedRange}: {@code 'My Tab'!A11:K13} → 11. */
  public static int firstRowOf(String updatedRange) {
    return A1Notation.firstRow(updatedRange);
  }

  /** Last row of an {@code updates.updatedRange}: {@code 'My Tab'!A11:K13} → 13. */
  public static int lastRowOf(String updatedRange) {
    return A1Notation.lastRow(updatedRange);
  }

  private static Object cell(TabLayout tab, ColumnLayout column, RecordSnapshot record) {
    if (!record.fields().containsKey(column.source())) {
      throw new RowMappingException(
          tab.tabName(),
          column.header(),
          record.id(),
          "the record has no field " + column.source());
    }
    try {
      return CellValues.format(column.format(), record.get(column.source()));
    } catch (IllegalArgumentException e) {
      throw new RowMappingException(tab.tabName(), column.header(), record.id(), e.getMessage());
    }
  }

  private static String formula(ColumnLayout column, int rowNumber) {
    return column.formula().replace("{row}", Integer.toString(rowNumber));
  }

  private static void checkRow(TabLayout tab, int rowNumber) {
    if (rowNumber < tab.firstDataRow()) {
      throw new IllegalArgumentException(
          "Row "
              + rowNumber
              + " of tab "
              + tab.tabName()
              + " is not below its header row "
              + tab.headerRow());
    }
  }
}
