package dev.sheetsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.sheets.v4.model.AddSheetRequest;
import com.google.api.services.sheets.v4.model.AppendDimensionRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetResponse;
import com.google.api.services.sheets.v4.model.DeleteDimensionRequest;
import com.google.api.services.sheets.v4.model.DeleteSheetRequest;
import com.google.api.services.sheets.v4.model.DimensionRange;
import com.google.api.services.sheets.v4.model.GridProperties;
import com.google.api.services.sheets.v4.model.GridRange;
import com.google.api.services.sheets.v4.model.InsertDimensionRequest;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.SheetProperties;
import com.google.api.services.sheets.v4.model.SortRangeRequest;
import com.google.api.services.sheets.v4.model.SortSpec;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import com.google.api.services.sheets.v4.model.SpreadsheetProperties;
import com.google.api.services.sheets.v4.model.UpdateSheetPropertiesRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** spreadsheets.create, get and batchUpdate through Google's client. */
class SpreadsheetsBatchUpdateTest extends EmulatorTestSupport {

  private BatchUpdateSpreadsheetResponse batch(Request... requests) throws IOException {
    return sheets
        .spreadsheets()
        .batchUpdate(BOOK, new BatchUpdateSpreadsheetRequest().setRequests(List.of(requests)))
        .execute();
  }

  private int sheetId(String title) throws IOException {
    return sheets.spreadsheets().get(BOOK).execute().getSheets().stream()
        .filter(s -> s.getProperties().getTitle().equals(title))
        .findFirst()
        .orElseThrow()
        .getProperties()
        .getSheetId();
  }

  private static Request rows(boolean insert, int sheetId, int start, int end) {
    DimensionRange range =
        new DimensionRange()
            .setSheetId(sheetId)
            .setDimension("ROWS")
            .setStartIndex(start)
            .setEndIndex(end);
    return insert
        ? new Request().setInsertDimension(new InsertDimensionRequest().setRange(range))
        : new Request().setDeleteDimension(new DeleteDimensionRequest().setRange(range));
  }

  @Test
  void createThenGetDescribesSheetsWithIdsIndexesAndGrid() throws Exception {
    Spreadsheet created =
        sheets
            .spreadsheets()
            .create(
                new Spreadsheet()
                    .setProperties(new SpreadsheetProperties().setTitle("New"))
                    .setSheets(
                        List.of(
                            new com.google.api.services.sheets.v4.model.Sheet()
                                .setProperties(
                                    new SheetProperties()
                                        .setTitle("Tab")
                                        .setGridProperties(
                                            new GridProperties()
                                                .setRowCount(10)
                                                .setColumnCount(3))))))
            .execute();

    Spreadsheet got = sheets.spreadsheets().get(created.getSpreadsheetId()).execute();
    assertThat(got.getProperties().getTitle()).isEqualTo("New");
    SheetProperties tab = got.getSheets().get(0).getProperties();
    assertThat(tab.getTitle()).isEqualTo("Tab");
    assertThat(tab.getSheetId()).isZero();
    assertThat(tab.getIndex()).isZero();
    assertThat(tab.getGridProperties().getRowCount()).isEqualTo(10);
    assertThat(tab.getGridProperties().getColumnCount()).isEqualTo(3);
    Spreadsheet bare = sheets.spreadsheets().create(new Spreadsheet()).execute();
    assertThat(bare.getSheets().get(0).getProperties().getTitle()).isEqualTo("Sheet1");
    assertThat(bare.getSheets().get(0).getProperties().getGridProperties().getRowCount())
        .isEqualTo(1000);
  }

  @Test
  void addSheetAndDeleteSheet() throws Exception {
    BatchUpdateSpreadsheetResponse r =
        batch(
            new Request()
                .setAddSheet(
                    new AddSheetRequest().setProperties(new SheetProperties().setTitle("Extra"))));
    SheetProperties added = r.getReplies().get(0).getAddSheet().getProperties();
    assertThat(added.getTitle()).isEqualTo("Extra");
    assertThat(added.getIndex()).isEqualTo(2);

    batch(new Request().setDeleteSheet(new DeleteSheetRequest().setSheetId(added.getSheetId())));
    assertThat(sheets.spreadsheets().get(BOOK).execute().getSheets()).hasSize(2);
  }

  @Test
  void insertRowsShiftsRowsBelowAndTheFormulasPointingAtThem() throws Exception {
    put(
        "Sheet1!A1",
        "USER_ENTERED",
        rows(row("1", "=A1*2"), row("2", "=A2*2"), row("=SUM(A1:A2)")));
    put("Data!A1", "USER_ENTERED", rows(row("=Sheet1!A2")));

    batch(rows(true, sheetId("Sheet1"), 1, 3));

    assertThat(get("Sheet1!A1:B5", "FORMULA"))
        .isEqualTo(
            rows(
                row(new BigDecimal(1), "=A1*2"),
                row(),
                row(),
                row(new BigDecimal(2), "=A4*2"),
                row("=SUM(A1:A4)")));
    assertThat(get("Data!A1", "FORMULA")).isEqualTo(rows(row("=Sheet1!A4")));
    assertThat(get("Sheet1!A5", "UNFORMATTED_VALUE")).isEqualTo(rows(row(new BigDecimal(3))));
  }

  @Test
  void deleteRowsShiftsRowsUpAndBreaksReferencesToDeletedCells() throws Exception {
    put(
        "Sheet1!A1",
        "USER_ENTERED",
        rows(row("1"), row("2"), row("3"), row("=A3*10", "=SUM(A1:A3)", "=A2")));

    batch(rows(false, sheetId("Sheet1"), 1, 2)); // deletes row 2

    assertThat(get("Sheet1!A1:C3", "FORMULA"))
        .isEqualTo(
            rows(
                row(new BigDecimal(1)),
                row(new BigDecimal(3)),
                row("=A2*10", "=SUM(A1:A2)", "=#REF!")));
    assertThat(get("Sheet1!A3:C3", "FORMATTED_VALUE")).isEqualTo(rows(row("30", "4", "#REF!")));
  }

  @Test
  void insertAndDeleteColumnsShiftCellsSideways() throws Exception {
    put("Sheet1!A1", "USER_ENTERED", rows(row("a", "b", "=B1&\"!\"")));
    int id = sheetId("Sheet1");
    DimensionRange cols =
        new DimensionRange().setSheetId(id).setDimension("COLUMNS").setStartIndex(1).setEndIndex(2);

    batch(new Request().setInsertDimension(new InsertDimensionRequest().setRange(cols)));
    assertThat(get("Sheet1!A1:D1", "FORMULA")).isEqualTo(rows(row("a", "", "b", "=C1&\"!\"")));

    batch(new Request().setDeleteDimension(new DeleteDimensionRequest().setRange(cols)));
    assertThat(get("Sheet1!A1:C1", "FORMATTED_VALUE")).isEqualTo(rows(row("a", "b", "b!")));
    assertThat(
            sheets
                .spreadsheets()
                .get(BOOK)
                .execute()
                .getSheets()
                .get(0)
                .getProperties()
                .getGridProperties()
                .getColumnCount())
        .isEqualTo(26);
  }

  @Test
  void batchUpdateIsAtomicAndNamesTheInvalidRequest() throws Exception {
    put("Sheet1!A1", "RAW", rows(row("keep")));
    int id = sheetId("Sheet1");

    GoogleJsonResponseException e =
        apiError(() -> batch(rows(true, id, 0, 1), rows(false, id, 5000, 5001)));

    assertThat(e.getStatusCode()).isEqualTo(400);
    assertThat(e.getDetails().getMessage()).startsWith("Invalid requests[1].deleteDimension: ");
    assertThat(e.getDetails().get("status")).isEqualTo("INVALID_ARGUMENT");
    assertThat(get("Sheet1!A1", "FORMATTED_VALUE")).isEqualTo(rows(row("keep")));
  }

  @Test
  void updateSheetPropertiesRenamesAndResizesWithFieldMaskAndFormulasFollowTheName()
      throws Exception {
    put("Sheet1!A1", "USER_ENTERED", rows(row("=Data!A1")));
    put("Data!A1", "RAW", rows(row("v")));

    batch(
        new Request()
            .setUpdateSheetProperties(
                new UpdateSheetPropertiesRequest()
                    .setProperties(
                        new SheetProperties()
                            .setSheetId(sheetId("Data"))
                            .setTitle("Renamed Tab")
                            .setGridProperties(
                                new GridProperties().setRowCount(50).setColumnCount(5)))
                    .setFields("title,gridProperties.rowCount")));

    SheetProperties p =
        sheets.spreadsheets().get(BOOK).execute().getSheets().get(1).getProperties();
    assertThat(p.getTitle()).isEqualTo("Renamed Tab");
    assertThat(p.getGridProperties().getRowCount()).isEqualTo(50);
    assertThat(p.getGridProperties().getColumnCount()).isEqualTo(26);
    assertThat(get("Sheet1!A1", "FORMULA")).isEqualTo(rows(row("='Renamed Tab'!A1")));
    assertThat(get("Sheet1!A1", "FORMATTED_VALUE")).isEqualTo(rows(row("v")));
  }

  @Test
  void sortRangeOrdersRowsAndRowRelativeFormulasFollowTheirRow() throws Exception {
    put(
        "Sheet1!A1",
        "USER_ENTERED",
        rows(
            row("name", "qty", "double"),
            row("b", "2", "=B2*2"),
            row("c", "3", "=B3*2"),
            row("a", "1", "=B4*2")));
    GridRange body =
        new GridRange()
            .setSheetId(sheetId("Sheet1"))
            .setStartRowIndex(1)
            .setStartColumnIndex(0)
            .setEndColumnIndex(3);

    batch(
        new Request()
            .setSortRange(
                new SortRangeRequest()
                    .setRange(body)
                    .setSortSpecs(
                        List.of(new SortSpec().setDimensionIndex(1).setSortOrder("DESCENDING")))));

    assertThat(get("Sheet1!A1:C4", "FORMULA"))
        .isEqualTo(
            rows(
                row("name", "qty", "double"),
                row("c", new BigDecimal(3), "=B2*2"),
                row("b", new BigDecimal(2), "=B3*2"),
                row("a", new BigDecimal(1), "=B4*2")));
    assertThat(get("Sheet1!C2:C4", "UNFORMATTED_VALUE"))
        .isEqualTo(rows(row(new BigDecimal(6)), row(new BigDecimal(4)), row(new BigDecimal(2))));

    batch(
        new Request()
            .setSortRange(
                new SortRangeRequest()
                    .setRange(body)
                    .setSortSpecs(
                        List.of(new SortSpec().setDimensionIndex(0).setSortOrder("ASCENDING")))));
    assertThat(get("Sheet1!A2:A4", "FORMATTED_VALUE"))
        .isEqualTo(rows(row("a"), row("b"), row("c")));
  }

  @Test
  void appendDimensionGrowsTheGrid() throws Exception {
    batch(
        new Request()
            .setAppendDimension(
                new AppendDimensionRequest()
                    .setSheetId(sheetId("Data"))
                    .setDimension("ROWS")
                    .setLength(25)));

    assertThat(
            sheets
                .spreadsheets()
                .get(BOOK)
                .execute()
                .getSheets()
                .get(1)
                .getProperties()
                .getGridProperties()
                .getRowCount())
        .isEqualTo(1025);
  }

  @Test
  void deletingTheLastSheetOrAllRowsIsRejected() throws Exception {
    int data = sheetId("Data");
    batch(new Request().setDeleteSheet(new DeleteSheetRequest().setSheetId(data)));

    GoogleJsonResponseException lastSheet =
        apiError(
            () ->
                batch(
                    new Request()
                        .setDeleteSheet(new DeleteSheetRequest().setSheetId(sheetId("Sheet1")))));
    assertThat(lastSheet.getDetails().getMessage())
        .isEqualTo(
            "Invalid requests[0].deleteSheet: You can't remove all the sheets in a document.");
    GoogleJsonResponseException allRows =
        apiError(() -> batch(rows(false, sheetId("Sheet1"), 0, 1000)));
    assertThat(allRows.getDetails().getMessage()).contains("You can't delete all the rows");
  }
}
