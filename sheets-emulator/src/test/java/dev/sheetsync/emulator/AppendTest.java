package dev.sheetsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.sheets.v4.model.AppendValuesResponse;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** values.append: table detection (see {@link Append}) with INSERT_ROWS and OVERWRITE. */
class AppendTest extends EmulatorTestSupport {

  private AppendValuesResponse append(String range, String insert, List<List<Object>> values)
      throws IOException {
    return sheets
        .spreadsheets()
        .values()
        .append(BOOK, range, new ValueRange().setValues(values))
        .setValueInputOption("USER_ENTERED")
        .setInsertDataOption(insert)
        .execute();
  }

  private int rowCount(String title) throws IOException {
    Spreadsheet s = sheets.spreadsheets().get(BOOK).execute();
    return s.getSheets().stream()
        .filter(x -> x.getProperties().getTitle().equals(title))
        .findFirst()
        .orElseThrow()
        .getProperties()
        .getGridProperties()
        .getRowCount();
  }

  @Test
  void appendToEmptySheetWritesAtTheRangeStartWithoutTable() throws Exception {
    AppendValuesResponse r = append("Sheet1!A:C", "INSERT_ROWS", rows(row("a", "b", "c")));

    assertThat(r.getTableRange()).isNull();
    assertThat(r.getUpdates().getUpdatedRange()).isEqualTo("Sheet1!A1:C1");
    assertThat(get("Sheet1", "FORMATTED_VALUE")).isEqualTo(rows(row("a", "b", "c")));
  }

  @Test
  void appendWritesAfterTheTableStartingAtItsFirstColumn() throws Exception {
    put("Sheet1!B1", "RAW", rows(row("id", "name"), row("1", "x"), row("2", "y")));

    AppendValuesResponse r =
        append("Sheet1!A:K", "INSERT_ROWS", rows(row("3", "z"), row("4", "w"), row("5", "v")));

    assertThat(r.getSpreadsheetId()).isEqualTo(BOOK);
    assertThat(r.getTableRange()).isEqualTo("Sheet1!B1:C3");
    assertThat(r.getUpdates().getUpdatedRange()).isEqualTo("Sheet1!B4:C6");
    assertThat(r.getUpdates().getUpdatedRows()).isEqualTo(3);
    assertThat(r.getUpdates().getUpdatedColumns()).isEqualTo(2);
    assertThat(r.getUpdates().getUpdatedCells()).isEqualTo(6);
  }

  @Test
  void appendReportsUpdatedRangeLikeGoogleForAWideTable() throws Exception {
    put(
        "Sheet1!A1",
        "RAW",
        rows(row("h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "h9", "h10", "h11")));
    for (int i = 2; i <= 10; i++) {
      put("Sheet1!A" + i, "RAW", rows(row("r" + i)));
    }
    AppendValuesResponse r =
        append(
            "Sheet1!A1",
            "INSERT_ROWS",
            rows(row("a", "", "", "", "", "", "", "", "", "", "k"), row("b"), row("c")));

    assertThat(r.getTableRange()).isEqualTo("Sheet1!A1:K10");
    assertThat(r.getUpdates().getUpdatedRange()).isEqualTo("Sheet1!A11:K13");
  }

  @Test
  void appendGrowsTheTableFromTheLastValueSoEmptyCellsAroundItCutItOff() throws Exception {
    // As Google recorded for [a,"",c] appended twice: the table is found from the last value
    // (here A3), and empty neighbours (A2, B3) stop it growing.
    put("Sheet1!A1", "RAW", rows(row("x", "y", "z"), row("", "", "z"), row("x", "", "")));

    AppendValuesResponse r = append("Sheet1!A:C", "OVERWRITE", rows(row("new")));

    assertThat(r.getTableRange()).isEqualTo("Sheet1!A3");
    assertThat(r.getUpdates().getUpdatedRange()).isEqualTo("Sheet1!A4");
  }

  @Test
  void appendingARowWithAnEmptyCellTwiceLandsTwoColumnsRightAsGoogleRecorded() throws Exception {
    AppendValuesResponse first = append("Sheet1", "OVERWRITE", rows(row("a", "", "c")));
    AppendValuesResponse second = append("Sheet1", "OVERWRITE", rows(row("a", "", "c")));

    assertThat(first.getTableRange()).isNull();
    assertThat(first.getUpdates().getUpdatedRange()).isEqualTo("Sheet1!A1:C1");
    assertThat(second.getTableRange()).isEqualTo("Sheet1!C1");
    assertThat(second.getUpdates().getUpdatedRange()).isEqualTo("Sheet1!C2:E2");
  }

  @Test
  void appendingTheSameRowToA1FindsTheTableA1AsGoogleRecorded() throws Exception {
    append("Sheet1", "OVERWRITE", rows(row("a", "", "c")));

    AppendValuesResponse second = append("Sheet1!A1", "OVERWRITE", rows(row("a", "", "c")));

    assertThat(second.getTableRange()).isEqualTo("Sheet1!A1");
    assertThat(second.getUpdates().getUpdatedRange()).isEqualTo("Sheet1!A2:C2");
  }

  @Test
  void appendWritesBelowTheLastTableNotIntoAnEmptyRowAboveIt() throws Exception {
    put("Sheet1!A1", "RAW", rows(row("x", "y"), row("x", "y"), row(), row("later", "rows")));

    AppendValuesResponse r = append("Sheet1!A:B", "OVERWRITE", rows(row("end")));

    assertThat(r.getTableRange()).isEqualTo("Sheet1!A4:B4");
    assertThat(get("Sheet1!A1:B5", "FORMATTED_VALUE"))
        .isEqualTo(rows(row("x", "y"), row("x", "y"), row(), row("later", "rows"), row("end")));
  }

  @Test
  void appendSearchesFromTheFirstValueInTheRangeAndGrowsTheTableBeyondIt() throws Exception {
    put("Sheet1!A1", "RAW", rows(row("h", "h"), row("a", "b"), row("c", "d")));

    // The range starts inside the table: the table still spans A1:B3.
    AppendValuesResponse r = append("Sheet1!A2:A2", "OVERWRITE", rows(row("e", "f")));

    assertThat(r.getTableRange()).isEqualTo("Sheet1!A1:B3");
    assertThat(r.getUpdates().getUpdatedRange()).isEqualTo("Sheet1!A4:B4");
  }

  @Test
  void appendIgnoresDataOutsideTheRangeUntilATableIsFound() throws Exception {
    put("Sheet1!A1", "RAW", rows(row("left"), row("left")));
    put("Sheet1!D1", "RAW", rows(row("right"), row("right"), row("right")));

    AppendValuesResponse r = append("Sheet1!D:E", "OVERWRITE", rows(row("next")));

    assertThat(r.getTableRange()).isEqualTo("Sheet1!D1:D3");
    assertThat(r.getUpdates().getUpdatedRange()).isEqualTo("Sheet1!D4");
  }

  @Test
  void insertRowsShiftsRowsBelowAndGrowsTheGrid() throws Exception {
    put("Sheet1!A1", "RAW", rows(row("t"), row("t"), row(), row("below")));

    append("Sheet1!A1", "INSERT_ROWS", rows(row("n1"), row("n2")));

    assertThat(get("Sheet1!A1:A6", "FORMATTED_VALUE"))
        .isEqualTo(rows(row("t"), row("t"), row("n1"), row("n2"), row(), row("below")));
    assertThat(rowCount("Sheet1")).isEqualTo(1002);
  }

  @Test
  void overwriteWritesOverFollowingRowsWithoutGrowingTheGrid() throws Exception {
    put("Sheet1!A1", "RAW", rows(row("t"), row(), row("old")));

    append("Sheet1!A1", "OVERWRITE", rows(row("n1"), row("n2")));

    assertThat(get("Sheet1!A1:A3", "FORMATTED_VALUE"))
        .isEqualTo(rows(row("t"), row("n1"), row("n2")));
    assertThat(rowCount("Sheet1")).isEqualTo(1000);
  }

  @Test
  void appendGrowsTheGridWhenTheTableReachesItsEnd() throws Exception {
    put("Sheet1!A999", "RAW", rows(row("a"), row("b")));

    AppendValuesResponse r = append("Sheet1!A:A", "OVERWRITE", rows(row("c"), row("d")));

    assertThat(r.getUpdates().getUpdatedRange()).isEqualTo("Sheet1!A1001:A1002");
    assertThat(rowCount("Sheet1")).isEqualTo(1002);
    assertThat(get("Sheet1!A1001:A1002", "FORMATTED_VALUE")).isEqualTo(rows(row("c"), row("d")));
  }

  @Test
  void insertRowsKeepsRowRelativeFormulasBelowWorking() throws Exception {
    put("Sheet1!A1", "USER_ENTERED", rows(row("1", "=A1*10"), row(), row("5", "=A3*10")));

    append("Sheet1!A1", "INSERT_ROWS", rows(row("2", "=A2*10")));

    assertThat(get("Sheet1!B1:B4", "FORMULA"))
        .isEqualTo(rows(row("=A1*10"), row("=A2*10"), row(), row("=A4*10")));
    assertThat(get("Sheet1!B4", "UNFORMATTED_VALUE"))
        .isEqualTo(rows(row(new java.math.BigDecimal(50))));
  }

  @Test
  void appendsFromConcurrentClientsNeverOverwriteEachOther() throws Exception {
    put("Sheet1!A1", "RAW", rows(row("header")));
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String value = "v" + i;
      done.add(pool.submit(() -> append("Sheet1!A:A", "INSERT_ROWS", rows(row(value)))));
    }
    for (java.util.concurrent.Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    List<List<Object>> column = get("Sheet1!A2:A", "FORMATTED_VALUE");
    assertThat(column).hasSize(40);
    assertThat(column.stream().map(r -> r.get(0)).distinct().count()).isEqualTo(40);
  }
}
