package dev.sheetsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.util.Data;
import com.google.api.services.sheets.v4.model.BatchClearValuesRequest;
import com.google.api.services.sheets.v4.model.BatchGetValuesResponse;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesResponse;
import com.google.api.services.sheets.v4.model.ClearValuesRequest;
import com.google.api.services.sheets.v4.model.UpdateValuesResponse;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** values.update, batchUpdate, get, batchGet, clear, batchClear through Google's client. */
class ValuesWriteReadTest extends EmulatorTestSupport {

  @Test
  void updateReportsWhatItWroteAndGetReadsItBack() throws Exception {
    UpdateValuesResponse r =
        sheets
            .spreadsheets()
            .values()
            .update(BOOK, "Sheet1!B2", new ValueRange().setValues(rows(row("a", "b"), row("c"))))
            .setValueInputOption("RAW")
            .execute();

    assertThat(r.getSpreadsheetId()).isEqualTo(BOOK);
    assertThat(r.getUpdatedRange()).isEqualTo("Sheet1!B2:C3");
    assertThat(r.getUpdatedRows()).isEqualTo(2);
    assertThat(r.getUpdatedColumns()).isEqualTo(2);
    assertThat(r.getUpdatedCells()).isEqualTo(3);
    assertThat(get("Sheet1!A1:D4", "FORMATTED_VALUE"))
        .isEqualTo(rows(row(), row("", "a", "b"), row("", "c")));
  }

  @Test
  void userEnteredTypesValuesAsTypingDoes() throws Exception {
    put(
        "Sheet1!A1",
        "USER_ENTERED",
        rows(row("42", "3.5", "TRUE", "2024-05-01", "'0123", "=1+2", "hello", "false")));

    assertThat(get("Sheet1!A1:H1", "UNFORMATTED_VALUE"))
        .isEqualTo(
            rows(
                row(
                    new BigDecimal(42),
                    new BigDecimal("3.5"),
                    true,
                    new BigDecimal(45413),
                    "0123",
                    new BigDecimal(3),
                    "hello",
                    false)));
    assertThat(get("Sheet1!A1:H1", "FORMATTED_VALUE"))
        .isEqualTo(rows(row("42", "3.5", "TRUE", "2024-05-01", "0123", "3", "hello", "FALSE")));
    assertThat(get("Sheet1!A1:H1", "FORMULA"))
        .isEqualTo(
            rows(
                row(
                    new BigDecimal(42),
                    new BigDecimal("3.5"),
                    true,
                    new BigDecimal(45413),
                    "0123",
                    "=1+2",
                    "hello",
                    false)));
  }

  @Test
  void formattedNumbersShowFifteenSignificantDigitsAsGoogleDoes() throws Exception {
    put("Sheet1!A1", "USER_ENTERED", rows(row("9.38", "8.03", "=0.1+0.2", "1234.5")));

    assertThat(get("Sheet1!A1:D1", "FORMATTED_VALUE"))
        .isEqualTo(rows(row("9.38", "8.03", "0.3", "1234.5")));
  }

  @Test
  void nanAndInfinityTypedAreTextAndASumOverThemIsAValueErrorNotAFailure() throws Exception {
    put("Sheet1!A1", "USER_ENTERED", rows(row("NaN", "Infinity", "=A1+1", "=B1*2")));

    assertThat(get("Sheet1!A1:D1", "FORMATTED_VALUE"))
        .isEqualTo(rows(row("NaN", "Infinity", "#VALUE!", "#VALUE!")));
  }

  @Test
  void rawStoresStringsAsTheyAre() throws Exception {
    put("Sheet1!A1", "RAW", rows(row("42", "=1+2", "'x", "TRUE", "2024-05-01")));

    assertThat(get("Sheet1!A1:E1", "UNFORMATTED_VALUE"))
        .isEqualTo(rows(row("42", "=1+2", "'x", "TRUE", "2024-05-01")));
    assertThat(get("Sheet1!A1:E1", "FORMULA"))
        .isEqualTo(rows(row("42", "=1+2", "'x", "TRUE", "2024-05-01")));
  }

  @Test
  void jsonNumbersAndBooleansStayTypedInBothModes() throws Exception {
    put("Sheet1!A1", "RAW", rows(row(7, true)));
    put("Sheet1!A2", "USER_ENTERED", rows(row(2.5, false)));

    assertThat(get("Sheet1!A1:B2", "UNFORMATTED_VALUE"))
        .isEqualTo(rows(row(new BigDecimal(7), true), row(new BigDecimal("2.5"), false)));
  }

  @Test
  void javaNullIsDroppedByTheClientButDataNullStringSkipsTheCell() throws Exception {
    put("Sheet1!A1", "RAW", rows(row("a", "b", "c")));

    // The trap: the client drops Java null, so "z" shifts left into B1.
    put("Sheet1!A1", "RAW", rows(row("x", null, "z")));
    assertThat(get("Sheet1!A1:C1", "FORMATTED_VALUE")).isEqualTo(rows(row("x", "z", "c")));

    // The fix: Data.NULL_STRING is sent as JSON null, which leaves B1 as it was.
    put("Sheet1!A1", "RAW", rows(row("p", Data.NULL_STRING, "r")));
    assertThat(get("Sheet1!A1:C1", "FORMATTED_VALUE")).isEqualTo(rows(row("p", "z", "r")));
  }

  @Test
  void emptyStringClearsTheCell() throws Exception {
    put("Sheet1!A1", "RAW", rows(row("a", "b", "c")));
    put("Sheet1!A1", "USER_ENTERED", rows(row(Data.NULL_STRING, "", Data.NULL_STRING)));

    assertThat(get("Sheet1!A1:C1", "FORMATTED_VALUE")).isEqualTo(rows(row("a", "", "c")));
  }

  @Test
  void getTrimsTrailingEmptiesAndOmitsValuesForAnEmptyRange() throws Exception {
    put("Sheet1!A1", "RAW", rows(row("a", "", ""), row("", "b"), row("", "")));

    ValueRange all = sheets.spreadsheets().values().get(BOOK, "Sheet1!A1:Z100").execute();
    assertThat(all.getValues()).isEqualTo(rows(row("a"), row("", "b")));
    ValueRange empty = sheets.spreadsheets().values().get(BOOK, "Sheet1!D5:E6").execute();
    assertThat(empty.getValues()).isNull();
    assertThat(empty.getRange()).isEqualTo("Sheet1!D5:E6");
  }

  @Test
  void getEchoesTheRangeClippedToTheGrid() throws Exception {
    assertThat(sheets.spreadsheets().values().get(BOOK, "Sheet1!A:B").execute().getRange())
        .isEqualTo("Sheet1!A1:B1000");
    assertThat(sheets.spreadsheets().values().get(BOOK, "Sheet1").execute().getRange())
        .isEqualTo("Sheet1!A1:Z1000");
    assertThat(sheets.spreadsheets().values().get(BOOK, "Data!Y5:AC").execute().getRange())
        .isEqualTo("Data!Y5:Z1000");
    assertThat(sheets.spreadsheets().values().get(BOOK, "B2:C3").execute().getRange())
        .isEqualTo("Sheet1!B2:C3");
  }

  @Test
  void columnsMajorDimensionReadsAndWritesByColumn() throws Exception {
    sheets
        .spreadsheets()
        .values()
        .update(
            BOOK,
            "Sheet1!A1",
            new ValueRange()
                .setMajorDimension("COLUMNS")
                .setValues(rows(row("a", "b"), row("c", "d"))))
        .setValueInputOption("RAW")
        .execute();

    assertThat(get("Sheet1!A1:B2", "FORMATTED_VALUE"))
        .isEqualTo(rows(row("a", "c"), row("b", "d")));
    ValueRange byColumn =
        sheets
            .spreadsheets()
            .values()
            .get(BOOK, "Sheet1!A1:B2")
            .setMajorDimension("COLUMNS")
            .execute();
    assertThat(byColumn.getMajorDimension()).isEqualTo("COLUMNS");
    assertThat(byColumn.getValues()).isEqualTo(rows(row("a", "b"), row("c", "d")));
  }

  @Test
  void batchUpdateAnswersInRequestOrderWithTotals() throws Exception {
    BatchUpdateValuesResponse r =
        sheets
            .spreadsheets()
            .values()
            .batchUpdate(
                BOOK,
                new BatchUpdateValuesRequest()
                    .setValueInputOption("USER_ENTERED")
                    .setData(
                        List.of(
                            new ValueRange().setRange("Data!A1").setValues(rows(row("1", "2"))),
                            new ValueRange()
                                .setRange("Sheet1!C3:C4")
                                .setValues(rows(row("x"), row("y"))))))
            .execute();

    assertThat(r.getResponses())
        .extracting(UpdateValuesResponse::getUpdatedRange)
        .containsExactly("Data!A1:B1", "Sheet1!C3:C4");
    assertThat(r.getTotalUpdatedCells()).isEqualTo(4);
    assertThat(r.getTotalUpdatedRows()).isEqualTo(3);
    assertThat(r.getTotalUpdatedColumns()).isEqualTo(3);
    assertThat(r.getTotalUpdatedSheets()).isEqualTo(2);
  }

  @Test
  void batchGetReturnsEachRangeInOrder() throws Exception {
    put("Sheet1!A1", "RAW", rows(row("a")));
    put("Data!B2", "USER_ENTERED", rows(row("5")));

    BatchGetValuesResponse r =
        sheets
            .spreadsheets()
            .values()
            .batchGet(BOOK)
            .setRanges(List.of("Data!B2", "Sheet1!A1:B2", "Data!Z9"))
            .setValueRenderOption("UNFORMATTED_VALUE")
            .execute();

    assertThat(r.getValueRanges())
        .extracting(ValueRange::getRange)
        .containsExactly("Data!B2", "Sheet1!A1:B2", "Data!Z9");
    assertThat(r.getValueRanges().get(0).getValues()).isEqualTo(rows(row(new BigDecimal(5))));
    assertThat(r.getValueRanges().get(2).getValues()).isNull();
  }

  @Test
  void clearAndBatchClearEmptyValuesAndEchoTheRanges() throws Exception {
    put("Sheet1!A1", "RAW", rows(row("a", "b"), row("c", "d")));
    put("Data!A1", "RAW", rows(row("e")));

    assertThat(
            sheets
                .spreadsheets()
                .values()
                .clear(BOOK, "Sheet1!B:B", new ClearValuesRequest())
                .execute()
                .getClearedRange())
        .isEqualTo("Sheet1!B1:B1000");
    assertThat(
            sheets
                .spreadsheets()
                .values()
                .batchClear(
                    BOOK, new BatchClearValuesRequest().setRanges(List.of("Data!A1", "Sheet1!A2")))
                .execute()
                .getClearedRanges())
        .containsExactly("Data!A1", "Sheet1!A2");
    assertThat(get("Sheet1", "FORMATTED_VALUE")).isEqualTo(rows(row("a")));
    assertThat(get("Data", "FORMATTED_VALUE")).isEmpty();
  }

  @Test
  void quotedSheetNamesWithSpacesApostrophesAndCellLikeNamesWork() throws Exception {
    emulator.createSpreadsheet(
        BOOK,
        "Test book",
        java.util.Map.of("Jon's Data", List.of(), "A1", List.of(), "My Sheet!", List.of()));

    put("'Jon''s Data'!A1:D5", "RAW", rows(row("j")));
    put("'A1'!B2", "RAW", rows(row("cell-like")));
    put("'My Sheet!'!A1", "RAW", rows(row("bang")));

    assertThat(sheets.spreadsheets().values().get(BOOK, "'Jon''s Data'!A1").execute().getRange())
        .isEqualTo("'Jon''s Data'!A1");
    assertThat(get("'Jon''s Data'!A1:D5", "FORMATTED_VALUE")).isEqualTo(rows(row("j")));
    assertThat(get("'A1'", "FORMATTED_VALUE")).isEqualTo(rows(row(), row("", "cell-like")));
    assertThat(get("'My Sheet!'!A1", "FORMATTED_VALUE")).isEqualTo(rows(row("bang")));
  }
}
