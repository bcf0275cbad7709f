package dev.sheetsync.sheets;

import dev.sheetsync.records.SyncModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where one model's records live: a tab, its header row, the key column holding each record's id,
 * what a delete does, and the columns in sheet order starting at column A. Immutable; the
 * constructor rejects any layout the write-back could not honour, with a message naming the tab and
 * column.
 *
 * @param model the record type shown in this tab
 * @param tabName the tab's exact title
 * @param headerRow the 1-based row holding the headers; records start below it
 * @param keyColumn header of the column holding the record id (source {@code id}, writable)
 * @param deletePolicy what a deleted record does to its row (default {@link DeletePolicy#MARK})
 * @param deleteMarkerColumn for {@code MARK}: header of the writable column the marker goes into
 * @param deleteMarker for {@code MARK}: the text written (default {@code DELETED})
 * @param columns the columns, first one in column A
 * @param importNewRows rows people type with an empty key cell become records ({@code
 *     import-new-rows}); only for a model with {@link SourceFields#requiredForImport import
 *     requirements} whose every required field has a column in the layout
 */
public record TabLayout(
    SyncModel model,
    String tabName,
    int headerRow,
    String keyColumn,
    DeletePolicy deletePolicy,
    String deleteMarkerColumn,
    String deleteMarker,
    List<ColumnLayout> columns,
    boolean importNewRows) {

  public static final String DEFAULT_DELETE_MARKER = "DELETED";

  /** Google Sheets' hard limit on columns per sheet (column ZZZ is 18,278). */
  private static final int MAX_COLUMNS = 18_278;

  public TabLayout {
    if (model == null) {
      throw new SheetLayoutException("A tab layout has no model");
    }
    if (tabName == null || tabName.isBlank()) {
      throw new SheetLayoutException("The " + model.dbName() + " layout has no tab name");
    }
    String where = "Tab '" + tabName + "' (" + model.dbName() + ")";
    // Every problem at once: each restart to find the next one costs minutes.
    List<String> problems = new ArrayList<>();
    if (headerRow < 1) {
      problems.add(where + ": header row must be 1 or more, was " + headerRow);
    }
    if (columns == null || columns.isEmpty()) {
      throw new SheetLayoutException(where + " has no columns");
    }
    if (columns.size() > MAX_COLUMNS) {
      throw new SheetLayoutException(where + " has more columns than Google Sheets allows");
    }
    deletePolicy = deletePolicy == null ? DeletePolicy.MARK : deletePolicy;
    deleteMarker =
        deleteMarker == null || deleteMarker.isBlank() ? DEFAULT_DELETE_MARKER : deleteMarker;
    columns = resolveAndCheckColumns(model, where, columns, problems);
    checkKey(where, keyColumn, columns, problems);
    if (deletePolicy == DeletePolicy.MARK) {
      checkMarker(where, deleteMarkerColumn, columns, problems);
    }
    if (importNewRows) {
      checkImport(model, where, columns, problems);
    }
    if (!problems.isEmpty()) {
      throw new SheetLayoutException(problems);
    }
    keyColumn = keyColumn.strip();
    deleteMarkerColumn = deleteMarkerColumn == null ? null : deleteMarkerColumn.strip();
  }

  /** A tab that does not import new rows. */
  public TabLayout(
      SyncModel model,
      String tabName,
      int headerRow,
      String keyColumn,
      DeletePolicy deletePolicy,
      String deleteMarkerColumn,
      String deleteMarker,
      List<ColumnLayout> columns) {
    this(
        model,
        tabName,
        headerRow,
        keyColumn,
        deletePolicy,
        deleteMarkerColumn,
        deleteMarker,
        columns,
        false);
  }

  /**
   * The columns a typed row is imported from: every column whose source is one of the record's own
   * fields people may set (or the related request's booking code, which finds the request), the key
   * excepted; formulas and person-owned columns are not read.
   */
  public List<ColumnLayout> importColumns() {
    return columns.stream()
        .filter(c -> c.source() != null && SourceFields.importable(model, c.source()))
        .toList();
  }

  /**
   * The required group of import fields {@code source} belongs to (Revenue: {@code requestId} and
   * {@code request.bookingCode}, one of them enough); empty when the field is not required.
   */
  public static List<String> requiredGroup(SyncModel model, String source) {
    return SourceFields.requiredForImport(model).stream()
        .filter(group -> group.contains(source))
        .findFirst()
        .orElse(List.of());
  }

  /** The header texts, in sheet order. */
  public List<String> headers() {
    return columns.stream().map(ColumnLayout::header).toList();
  }

  /** Number of columns, i.e. the width of every row sheetsync writes. */
  public int width() {
    return columns.size();
  }

  /** Zero-based index of the key column. */
  public int keyColumnIndex() {
    return columnIndex(keyColumn);
  }

  /** Zero-based index of the MARK policy's marker column, or -1 when the policy is not MARK. */
  public int deleteMarkerColumnIndex() {
    return deletePolicy == DeletePolicy.MARK ? columnIndex(deleteMarkerColumn) : -1;
  }

  /** Zero-based index of the column with this header, or -1. */
  public int columnIndex(String header) {
    List<String> headers = headers();
    return headers.indexOf(header == null ? null : header.strip());
  }

  /** The 1-based number of the first row that can hold a record. */
  public int firstDataRow() {
    return headerRow + 1;
  }

  /** Letter of the last column ({@code A} for one column, {@code L} for twelve). */
  public String lastColumnLetter() {
    return columnLetter(width() - 1);
  }

  /** True when some column carries a formula template. */
  public boolean hasFormulas() {
    return columns.stream().anyMatch(c -> c.formula() != null);
  }

  /** The A1 column letter of a zero-based index: 0 → A, 25 → Z, 26 → AA, 701 → ZZ, 702 → AAA. */
  public static String columnLetter(int zeroBasedIndex) {
    if (zeroBasedIndex < 0) {
      throw new IllegalArgumentException("Column index must be >= 0, was " + zeroBasedIndex);
    }
    StringBuilder letters = new StringBuilder();
    int n = zeroBasedIndex + 1;
    while (n > 0) {
      int remainder = (n - 1) % 26;
      letters.append((char) ('A' + remainder));
      n = (n - 1) / 26;
    }
    return letters.reverse().toString();
  }

  private static List<ColumnLayout> resolveAndCheckColumns(
      SyncModel model, String where, List<ColumnLayout> columns, List<String> problems) {
    Map<String, ColumnFormat> fields = SourceFields.of(model);
    Set<String> seen = new HashSet<>();
    List<ColumnLayout> resolved = new ArrayList<>(columns.size());
    for (ColumnLayout column : columns) {
      if (column == null) {
        problems.add(where + " has an empty column entry");
        continue;
      }
      if (!seen.add(column.header())) {
        problems.add(where + ": header '" + column.header() + "' appears twice");
      }
      if (column.source() == null) {
        resolved.add(column);
        continue;
      }
      ColumnFormat natural = fields.get(column.source());
      if (natural == null) {
        problems.add(
            where
                + ": column '"
                + column.header()
                + "' has unknown source '"
                + column.source()
                + "'; "
                + model.dbName()
                + " fields are "
                + fields.keySet());
        resolved.add(column);
        continue;
      }
      if (column.readsIn() && !readable(column.source())) {
        problems.add(
            where
                + ": column '"
                + column.header()
                + "' reads people's values into "
                + column.source()
                + ", which is not a field of the record people can change");
      }
      ColumnFormat format = column.format() == null ? natural : column.format();
      if (!SourceFields.convertible(natural, format)) {
        problems.add(
            where
                + ": column '"
                + column.header()
                + "' cannot show "
                + column.source()
                + " ("
                + natural
                + ") as "
                + format);
        resolved.add(column);
        continue;
      }
      resolved.add(column.withFormat(format));
    }
    return List.copyOf(resolved);
  }

  /** A record's own field people may change from the sheet: not related, not bookkeeping. */
  private static boolean readable(String source) {
    return !source.contains(".") && !Set.of("id", "createdAt", "updatedAt").contains(source);
  }

  private static void checkKey(
      String where, String keyColumn, List<ColumnLayout> columns, List<String> problems) {
    if (keyColumn == null || keyColumn.isBlank()) {
      problems.add(where + " has no key column");
      return;
    }
    ColumnLayout key = find(columns, keyColumn);
    if (key == null) {
      problems.add(where + ": key column '" + keyColumn.strip() + "' is not one of its columns");
      return;
    }
    if (key.direction() != Direction.DB_TO_SHEET) {
      problems.add(where + ": key column '" + key.header() + "' must be db-to-sheet");
    }
    if (!"id".equals(key.source()) || !key.writable()) {
      problems.add(
          where
              + ": key column '"
              + key.header()
              + "' must be writable with source 'id' (found source "
              + key.source()
              + ", writable "
              + key.writable()
              + ")");
    }
  }

  /**
   * {@code import-new-rows} needs, for every required field of the model (one of a group, such as
   * Revenue's request id or booking code), a column with that source.
   */
  private static void checkImport(
      SyncModel model, String where, List<ColumnLayout> columns, List<String> problems) {
    List<List<String>> required = SourceFields.requiredForImport(model);
    if (required.isEmpty()) {
      problems.add(where + ": import-new-rows is not supported for " + model.dbName() + " records");
      return;
    }
    for (List<String> oneOf : required) {
      boolean present =
          columns.stream()
              .anyMatch(c -> c != null && c.source() != null && oneOf.contains(c.source()));
      if (!present) {
        problems.add(
            where
                + ": import-new-rows needs a column with source "
                + String.join(" or ", oneOf)
                + " (a required field of a new "
                + model.dbName()
                + "), or import-new-rows: false");
      }
    }
  }

  private static void checkMarker(
      String where, String markerColumn, List<ColumnLayout> columns, List<String> problems) {
    if (markerColumn == null || markerColumn.isBlank()) {
      problems.add(where + ": delete policy mark needs a delete-marker-column (a writable column)");
      return;
    }
    ColumnLayout marker = find(columns, markerColumn);
    if (marker == null || !marker.writable()) {
      problems.add(
          where
              + ": delete-marker-column '"
              + markerColumn.strip()
              + "' must be one of its writable columns");
      return;
    }
    if ("id".equals(marker.source())) {
      problems.add(
          where + ": the delete marker cannot go into the key column '" + marker.header() + "'");
    }
  }

  private static ColumnLayout find(List<ColumnLayout> columns, String header) {
    String wanted = header.strip();
    return columns.stream()
        .filter(c -> c != null && c.header().equals(wanted))
        .findFirst()
        .orElse(null);
  }
}
