package dev.sheetsync.writeback;

import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesRequest;
import com.google.api.services.sheets.v4.model.ValueRange;
import dev.sheetsync.sheets.CellDisplay;
import dev.sheetsync.sheets.LiveTab;
import dev.sheetsync.sheets.SpreadsheetTarget;
import dev.sheetsync.sheets.TabLayout;
import dev.sheetsync.writeback.SheetImports.Import;
import dev.sheetsync.writeback.SheetImports.Status;
import dev.sheetsync.writeback.SheetReader.TabColumns;
import dev.sheetsync.writeback.TypedRows.TypedRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Writes imported records' ids into the key cells of the rows people typed, never into another row:
 * each row is found again by its fingerprint right before the write (people may have sorted or
 * moved rows since the read-in), the ids are written {@code RAW}, and the key and import columns
 * are read once more: an id beside the values it was imported from is WRITTEN at the row it is in
 * now; an id that landed beside other values (rows moved between the two calls) is taken out again
 * and its import stays PENDING for the next run. Four calls at most, and only in a run with a
 * PENDING import.
 */
@Component
class ImportKeys {

  /** Ids are written as they are: never parsed as a number, a date or a formula. */
  private static final String RAW = "RAW";

  private final SheetReader reader;
  private final SheetImports imports;
  private final GoogleCalls calls;
  private final Sheets sheets;
  private final String spreadsheetId;

  ImportKeys(
      SheetReader reader,
      SheetImports imports,
      GoogleCalls calls,
      Sheets sheets,
      SpreadsheetTarget target) {
    this.reader = reader;
    this.imports = imports;
    this.calls = calls;
    this.sheets = sheets;
    this.spreadsheetId = target.spreadsheetId();
  }

  /**
   * Writes the ids of {@code pending} (one tab's PENDING imports).
   *
   * @return how many ids were verified in their rows
   */
  int write(Tabs tabs, TabLayout tab, List<Import> pending, long deadline)
      throws GoogleCallException {
    TabColumns before = read(tabs, tab, deadline);
    if (before == null) {
      return 0;
    }
    Map<String, TypedRow> typed =
        TypedRows.of(tab, before.columns()).stream()
            .collect(Collectors.toMap(TypedRow::fingerprint, Function.identity()));
    List<Object> keysBefore = before.columns().getOrDefault(tab.keyColumn(), List.of());
    Map<Integer, Import> targets = new LinkedHashMap<>();
    for (Import i : pending) {
      TypedRow row = typed.get(i.fingerprint());
      if (row != null) {
        targets.put(row.row(), i);
      } else {
        int at = rowOf(keysBefore, i.recordId());
        imports.move(i.id(), at > 0 ? Status.WRITTEN : Status.GONE, at > 0 ? at : i.rowIndex());
      }
    }
    if (targets.isEmpty()) {
      return 0;
    }
    Map<Integer, String> ids = new LinkedHashMap<>();
    targets.forEach((row, i) -> ids.put(row, i.recordId().toString()));
    put(before.tab(), ids, deadline);

    TabColumns after = read(tabs, tab, deadline);
    if (after == null) {
      return 0; // the tab went away: the imports stay PENDING
    }
    List<Object> keys = after.columns().getOrDefault(tab.keyColumn(), List.of());
    Map<Integer, String> takeOut = new LinkedHashMap<>();
    int written = 0;
    for (Import i : targets.values()) {
      String expected = i.fingerprint().substring(0, i.fingerprint().indexOf('#'));
      Integer good = null;
      for (int index = 0; index < keys.size(); index++) {
        if (!CellDisplay.ofRead(keys.get(index)).strip().equals(i.recordId().toString())) {
          continue;
        }
        String shows = TypedRows.hash(TypedRows.cells(tab, after.columns(), index));
        if (good == null && shows.equals(expected)) {
          good = index + 1;
        } else {
          takeOut.put(index + 1, ""); // beside another row's values: rows moved meanwhile
        }
      }
      if (good != null) {
        imports.move(i.id(), Status.WRITTEN, good);
        written++;
      }
    }
    put(after.tab(), takeOut, deadline);
    return written;
  }

  /** The tab's key and import columns as they are now; null when the tab cannot be read. */
  private TabColumns read(Tabs tabs, TabLayout tab, long deadline) throws GoogleCallException {
    List<String> headers = new ArrayList<>();
    headers.add(tab.keyColumn());
    headers.addAll(RowImports.headers(tab));
    return reader.columns(tabs, Map.of(tab, headers), deadline).get(tab);
  }

  /** Sets single key cells (row → text, "" empties the cell) in one {@code values.batchUpdate}. */
  void put(LiveTab tab, Map<Integer, String> cells, long deadline) throws GoogleCallException {
    if (cells.isEmpty()) {
      return;
    }
    String column = TabLayout.columnLetter(tab.keyColumn());
    List<ValueRange> data = new ArrayList<>();
    cells.forEach(
        (row, text) ->
            data.add(
                new ValueRange()
                    .setRange(quote(tab.title()) + "!" + column + row)
                    .setValues(List.of(List.of(text)))));
    // Writing the same ids again is harmless, so this call is simply repeated on failure.
    calls.call(
        "values.batchUpdate",
        GoogleCalls.Kind.WRITE,
        deadline,
        attempt ->
            sheets
                .spreadsheets()
                .values()
                .batchUpdate(
                    spreadsheetId,
                    new BatchUpdateValuesRequest().setValueInputOption(RAW).setData(data))
                .execute());
  }

  private static int rowOf(List<Object> keys, UUID id) {
    for (int i = 0; i < keys.size(); i++) {
      if (CellDisplay.ofRead(keys.get(i)).strip().equals(String.valueOf(id))) {
        return i + 1;
      }
    }
    return 0;
  }

  private static String quote(String title) {
    return "'" + title.replace("'", "''") + "'";
  }
}
