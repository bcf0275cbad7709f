package dev.sheetsync.reliability;

import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.DeleteDimensionRequest;
import com.google.api.services.sheets.v4.model.DimensionRange;
import com.google.api.services.sheets.v4.model.GridRange;
import com.google.api.services.sheets.v4.model.InsertDimensionRequest;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.SortRangeRequest;
import com.google.api.services.sheets.v4.model.SortSpec;
import com.google.api.services.sheets.v4.model.ValueRange;
import dev.sheetsync.reliability.TabShape.Owner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * People working in the spreadsheet through Google's own client, as a colleague in the browser
 * would: sorting a tab, inserting blank rows above synced rows and deleting blank rows, rewriting a
 * formula, typing into the column people own. Remembers what they left in the cells sheetsync must
 * not touch, per record id, for the consistency check.
 */
final class People {

  private final Scenario scenario;
  private final Sheets sheets;
  private final Random random;
  private final Map<String, Integer> sheetIds;
  private final Map<String, TabShape> shapes = new HashMap<>();
  private final Map<String, Map<Integer, String>> kept = new HashMap<>();
  private int edits;

  People(Scenario scenario, long seed) {
    this.scenario = scenario;
    this.random = new Random(seed);
    PeopleClient client = PeopleClient.of(scenario);
    this.sheets = client.sheets();
    this.sheetIds = client.sheetIds();
    for (TabShape shape : scenario.env.layout.shapes()) {
      shapes.put(shape.tab(), shape);
    }
  }

  int edits() {
    return edits;
  }

  /** One edit, chosen at random, then a note of the people-owned cells as they now are. */
  void edit() {
    List<String> tabs = List.copyOf(shapes.keySet());
    String tab = tabs.get(random.nextInt(tabs.size()));
    SheetTab now = scenario.readSheet().get(tab);
    int rows = now.rowCount();
    int dice = random.nextInt(100);
    try {
      if (dice < 20 && rows > 2) {
        sort(tab, rows);
      } else if (dice < 40) {
        structure(tab, insertRow(tab, 1 + random.nextInt(Math.max(1, rows - 1))));
      } else if (dice < 55) {
        int blank = blankRow(now, shapes.get(tab));
        if (blank < 0) {
          return;
        }
        structure(tab, deleteRow(tab, blank));
      } else if (rows > 1) {
        editOwnedCell(tab, now, 1 + random.nextInt(rows - 1));
      }
      edits++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      remember();
    }
  }

  private void sort(String tab, int rows) throws IOException {
    TabShape shape = shapes.get(tab);
    int column = 1 + random.nextInt(shape.columns().size() - 1);
    Request sort =
        new Request()
            .setSortRange(
                new SortRangeRequest()
                    .setRange(
                        new GridRange()
                            .setSheetId(sheetIds.get(tab))
                            .setStartRowIndex(1)
                            .setEndRowIndex(rows)
                            .setStartColumnIndex(0)
                            .setEndColumnIndex(shape.columns().size()))
                    .setSortSpecs(
                        List.of(
                            new SortSpec()
                                .setDimensionIndex(column)
                                .setSortOrder(random.nextBoolean() ? "ASCENDING" : "DESCENDING"))));
    structure(tab, sort);
  }

  private Request insertRow(String tab, int index) {
    return new Request()
        .setInsertDimension(
            new InsertDimensionRequest().setRange(range(tab, index)).setInheritFromBefore(false));
  }

  private Request deleteRow(String tab, int index) {
    return new Request()
        .setDeleteDimension(new DeleteDimensionRequest().setRange(range(tab, index)));
  }

  private DimensionRange range(String tab, int index) {
    return new DimensionRange()
        .setSheetId(sheetIds.get(tab))
        .setDimension("ROWS")
        .setStartIndex(index)
        .setEndIndex(index + 1);
  }

  private void structure(String tab, Request request) throws IOException {
    sheets
        .spreadsheets()
        .batchUpdate(
            scenario.spreadsheetId,
            new BatchUpdateSpreadsheetRequest().setRequests(List.of(request)))
        .execute();
  }

  /** A row below the header with nothing in it, or -1. */
  private static int blankRow(SheetTab tab, TabShape shape) {
    for (int r = tab.rowCount() - 1; r >= 1; r--) {
      boolean blank = true;
      for (int c = 0; c < shape.columns().size() && blank; c++) {
        blank = tab.formula(r, c).isEmpty();
      }
      if (blank) {
        return r;
      }
    }
    return -1;
  }

  /** A new formula in a formula column, or a note in the column people own, of a synced row. */
  private void editOwnedCell(String tab, SheetTab now, int row) throws IOException {
    TabShape shape = shapes.get(tab);
    if (now.value(row, shape.keyColumn()).isEmpty()) {
      return;
    }
    List<Integer> owned =
        java.util.stream.IntStream.range(0, shape.columns().size())
            .filter(c -> !shape.columns().get(c).writtenBySheetsync())
            .boxed()
            .toList();
    if (owned.isEmpty()) {
      return;
    }
    int column = owned.get(random.nextInt(owned.size()));
    int rowNumber = row + 1;
    String value =
        shape.columns().get(column).owner() == Owner.FORMULA
            ? "=ROW()*" + (2 + random.nextInt(50))
            : "checked by Ann #" + random.nextInt(1000) + " on row " + rowNumber;
    String a1 = "'" + tab + "'!" + ConsistencyCheck.column(column) + rowNumber;
    sheets
        .spreadsheets()
        .values()
        .update(scenario.spreadsheetId, a1, new ValueRange().setValues(List.of(List.of(value))))
        .setValueInputOption("USER_ENTERED")
        .execute();
  }

  /** The cells sheetsync must leave alone, per record, as people left them. */
  private void remember() {
    for (Map.Entry<String, SheetTab> entry : scenario.readSheet().entrySet()) {
      TabShape shape = shapes.get(entry.getKey());
      SheetTab tab = entry.getValue();
      for (int r = 1; r < tab.rowCount(); r++) {
        String id = tab.value(r, shape.keyColumn());
        if (id.isEmpty()) {
          continue;
        }
        Map<Integer, String> cells = new HashMap<>();
        for (int c = 0; c < shape.columns().size(); c++) {
          if (!shape.columns().get(c).writtenBySheetsync()) {
            cells.put(c, tab.formula(r, c));
          }
        }
        kept.put(entry.getKey() + "/" + id, cells);
      }
    }
  }

  /** Adds what people left in their cells to the expectations. */
  void addTo(Expectations expected) {
    kept.forEach(
        (key, cells) -> {
          String tab = key.substring(0, key.indexOf('/'));
          String id = key.substring(key.indexOf('/') + 1);
          cells.forEach((column, formula) -> expected.kept(tab, id, column, formula));
        });
  }
}
