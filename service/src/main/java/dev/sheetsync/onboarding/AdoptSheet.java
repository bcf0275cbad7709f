package dev.sheetsync.onboarding;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.util.Data;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesRequest;
import com.google.api.services.sheets.v4.model.Sheet;
import com.google.api.services.sheets.v4.model.ValueRange;
import dev.sheetsync.sheets.SpreadsheetTarget;
import dev.sheetsync.sheets.TabLayout;
import dev.sheetsync.sheets.TabRef;
import dev.sheetsync.sheets.TabResolver;
import dev.sheetsync.system.ApiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The Sheets calls of adopting a tab: find the tab, read it whole, write ids into key cells, read
 * the key and match columns again. A handful of calls per adoption, so no retry machinery: a failed
 * call fails the request (502) and the admin repeats it, which is safe (an adopted row has its key
 * and is not matched again). Thread-safe.
 */
@Component
class AdoptSheet {

  /** Ids are written as they are: never parsed as a number, a date or a formula. */
  private static final String RAW = "RAW";

  private final Sheets sheets;
  private final String spreadsheetId;
  private final TabResolver tabs;

  AdoptSheet(Sheets sheets, SpreadsheetTarget target, TabResolver tabs) {
    this.sheets = sheets;
    this.spreadsheetId = target.spreadsheetId();
    this.tabs = tabs;
  }

  /** The tab's current title (people may have renamed it; followed by sheetId). */
  String title(TabLayout layout) {
    List<TabRef> refs = new ArrayList<>();
    List<Sheet> found =
        call(
            () ->
                sheets
                    .spreadsheets()
                    .get(spreadsheetId)
                    .setFields("sheets.properties(sheetId,title)")
                    .execute()
                    .getSheets());
    if (found != null) {
      found.forEach(
          s -> refs.add(new TabRef(s.getProperties().getSheetId(), s.getProperties().getTitle())));
    }
    TabRef ref = tabs.resolve(refs).get(layout);
    if (ref == null) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "Tab '" + layout.tabName() + "' is not in the spreadsheet",
          Map.of("tab", "not in the spreadsheet"));
    }
    return ref.title();
  }

  /** Every row of the tab from row 1, as displayed; rows end at their last non-empty cell. */
  List<List<Object>> rows(String title) {
    List<List<Object>> rows =
        call(() -> sheets.spreadsheets().values().get(spreadsheetId, quote(title)).execute())
            .getValues();
    return rows == null ? List.of() : rows;
  }

  /**
   * Writes {@code ids} (row → id) into the key column in one range from the first row to the last;
   * the cells between are sent as {@link Data#NULL_STRING}, "leave as it is" (a Java null would be
   * dropped by the client and shift every later id one row up).
   */
  void writeKeys(String title, int keyColumn, Map<Integer, String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    TreeMap<Integer, String> byRow = new TreeMap<>(ids);
    List<List<Object>> cells = new ArrayList<>();
    for (int row = byRow.firstKey(); row <= byRow.lastKey(); row++) {
      String id = byRow.get(row);
      cells.add(Collections.singletonList(id == null ? Data.NULL_STRING : id));
    }
    String column = TabLayout.columnLetter(keyColumn);
    String range = quote(title) + "!" + column + byRow.firstKey() + ":" + column + byRow.lastKey();
    write(List.of(new ValueRange().setRange(range).setValues(cells)));
  }

  /** Sets single cells of the key column (row → text; "" empties the cell). */
  void setKeys(String title, int keyColumn, Map<Integer, String> cells) {
    if (cells.isEmpty()) {
      return;
    }
    String column = TabLayout.columnLetter(keyColumn);
    List<ValueRange> data = new ArrayList<>();
    cells.forEach(
        (row, text) ->
            data.add(
                new ValueRange()
                    .setRange(quote(title) + "!" + column + row)
                    .setValues(List.of(List.of(text)))));
    write(data);
  }

  /** The key and match columns as they are now, from row 1, in one read. */
  List<List<Object>> columns(String title, int keyColumn, int matchColumn) {
    List<String> ranges = new ArrayList<>();
    for (int column : new int[] {keyColumn, matchColumn}) {
      String letter = TabLayout.columnLetter(column);
      ranges.add(quote(title) + "!" + letter + ":" + letter);
    }
    List<ValueRange> read =
        call(() ->
                sheets
                    .spreadsheets()
                    .values()
                    .batchGet(spreadsheetId)
                    .setRanges(ranges)
                    .setMajorDimension("COLUMNS")
                    .execute())
            .getValueRanges();
    List<List<Object>> columns = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      List<List<Object>> values = read == null ? null : read.get(i).getValues();
      columns.add(values == null || values.isEmpty() ? List.of() : values.get(0));
    }
    return columns;
  }

  private void write(List<ValueRange> data) {
    call(
        () ->
            sheets
                .spreadsheets()
                .values()
                .batchUpdate(
                    spreadsheetId,
                    new BatchUpdateValuesRequest().setValueInputOption(RAW).setData(data))
                .execute());
  }

  /** A tab title in A1 notation: quoted, quotes doubled. */
  static String quote(String title) {
    return "'" + title.replace("'", "''") + "'";
  }

  @FunctionalInterface
  private interface Call<T> {
    T run() throws IOException;
  }

  private static <T> T call(Call<T> call) {
    try {
      return call.run();
    } catch (GoogleJsonResponseException e) {
      String detail = e.getDetails() == null ? e.getStatusMessage() : e.getDetails().getMessage();
      throw new ApiException(
          HttpStatus.BAD_GATEWAY,
          "Google Sheets answered " + e.getStatusCode() + ": " + detail,
          Map.of());
    } catch (IOException e) {
      throw new ApiException(
          HttpStatus.BAD_GATEWAY,
          "Google Sheets could not be reached: " + e.getMessage(),
          Map.of());
    }
  }
}
