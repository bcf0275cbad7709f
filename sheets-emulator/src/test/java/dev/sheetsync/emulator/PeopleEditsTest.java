package dev.sheetsync.emulator;

import static dev.sheetsync.emulator.RawCalls.call;
import static dev.sheetsync.emulator.RawCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The edits people make in a shared sheet, sent as the Sheets API represents them: cut and paste,
 * copy and paste, moving rows, updateCells and repeatCell. Scenarios follow gspread's recordings
 * where one exists (WorksheetTest.test_copy_cut_range).
 */
class PeopleEditsTest extends EmulatorTestSupport {

  private static BigDecimal n(String value) {
    return new BigDecimal(value);
  }

  private void batch(String requestsJson) throws Exception {
    RawCalls.Answer a =
        call(emulator, "POST", "v4/spreadsheets/" + BOOK + ":batchUpdate", json(requestsJson));
    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    assertThat(a.body().path("replies").path(0).isObject()).isTrue();
  }

  @Test
  void copyPasteCopiesAColumnRangeAsGoogleRecorded() throws Exception {
    put("Sheet1!A1:A2", "RAW", rows(row("A1"), row("A2")));

    batch(
        "{'requests':[{'copyPaste':{'source':{'startRowIndex':0,'endRowIndex':2,"
            + "'startColumnIndex':0,'endColumnIndex':1,'sheetId':0},'destination':{"
            + "'startRowIndex':0,'endRowIndex':2,'startColumnIndex':1,'endColumnIndex':2,"
            + "'sheetId':0},'pasteType':'PASTE_NORMAL','pasteOrientation':'NORMAL'}}]}");

    assertThat(get("Sheet1!B1:B2", "FORMATTED_VALUE")).isEqualTo(rows(row("A1"), row("A2")));
    assertThat(get("Sheet1!A1:A2", "FORMATTED_VALUE")).isEqualTo(rows(row("A1"), row("A2")));
  }

  @Test
  void cutPasteEmptiesTheSourceAndPastesAtTheDestinationAsGoogleRecorded() throws Exception {
    put("Sheet1!A1:A2", "RAW", rows(row("A1"), row("A2")));

    batch(
        "{'requests':[{'cutPaste':{'source':{'startRowIndex':0,'endRowIndex':2,"
            + "'startColumnIndex':0,'endColumnIndex':1,'sheetId':0},"
            + "'destination':{'sheetId':0,'rowIndex':0,'columnIndex':2},"
            + "'pasteType':'PASTE_NORMAL'}}]}");

    assertThat(get("Sheet1!A1:A2", "FORMATTED_VALUE")).isEmpty();
    assertThat(get("Sheet1!C1:C2", "FORMATTED_VALUE")).isEqualTo(rows(row("A1"), row("A2")));
  }

  @Test
  void cuttingARowWithItsKeyMovesItAndFormulasPointingAtItFollow() throws Exception {
    put("Sheet1!A1:C2", "USER_ENTERED", rows(row("id-1", 5, "=B1*2"), row("id-2", 7, "=B2*2")));
    put("Data!A1", "USER_ENTERED", rows(row("=Sheet1!B1+1")));

    batch(
        "{'requests':[{'cutPaste':{'source':{'sheetId':0,'startRowIndex':0,'endRowIndex':1,"
            + "'startColumnIndex':0,'endColumnIndex':3},"
            + "'destination':{'sheetId':0,'rowIndex':5,'columnIndex':0}}}]}");

    assertThat(get("Sheet1!A1:C6", "FORMULA"))
        .isEqualTo(
            rows(
                row(),
                row("id-2", n("7"), "=B2*2"),
                row(),
                row(),
                row(),
                row("id-1", n("5"), "=B6*2")));
    assertThat(get("Data!A1", "FORMULA")).isEqualTo(rows(row("=Sheet1!B6+1")));
    assertThat(get("Data!A1", "UNFORMATTED_VALUE")).isEqualTo(rows(row(n("6"))));
  }

  @Test
  void copyingARowDuplicatesItsKeyAndShiftsRelativeReferences() throws Exception {
    put("Sheet1!A1:C1", "USER_ENTERED", rows(row("id-1", 5, "=B1*$B$1")));

    batch(
        "{'requests':[{'copyPaste':{'source':{'sheetId':0,'startRowIndex':0,'endRowIndex':1},"
            + "'destination':{'sheetId':0,'startRowIndex':3,'endRowIndex':4}}}]}");

    assertThat(get("Sheet1!A4:C4", "FORMULA")).isEqualTo(rows(row("id-1", n("5"), "=B4*$B$1")));
  }

  @Test
  void copyPasteRepeatsTheSourceOverADestinationThatIsAMultipleOfIt() throws Exception {
    put("Sheet1!A1", "RAW", rows(row("x")));

    batch(
        "{'requests':[{'copyPaste':{'source':{'sheetId':0,'startRowIndex':0,'endRowIndex':1,"
            + "'startColumnIndex':0,'endColumnIndex':1},'destination':{'sheetId':0,"
            + "'startRowIndex':0,'endRowIndex':3,'startColumnIndex':1,'endColumnIndex':2}}}]}");

    assertThat(get("Sheet1!B1:B4", "FORMATTED_VALUE"))
        .isEqualTo(rows(row("x"), row("x"), row("x")));
  }

  @Test
  void pasteValuesPastesWhatFormulasShow() throws Exception {
    put("Sheet1!A1:B1", "USER_ENTERED", rows(row(4, "=A1*10")));

    batch(
        "{'requests':[{'copyPaste':{'source':{'sheetId':0,'startRowIndex':0,'endRowIndex':1,"
            + "'startColumnIndex':0,'endColumnIndex':2},'destination':{'sheetId':0,"
            + "'startRowIndex':2,'endRowIndex':3,'startColumnIndex':0,'endColumnIndex':2},"
            + "'pasteType':'PASTE_VALUES'}}]}");

    assertThat(get("Sheet1!A3:B3", "FORMULA")).isEqualTo(rows(row(n("4"), n("40"))));
  }

  @Test
  void moveDimensionMovesRowsCountingTheDestinationBeforeTheMove() throws Exception {
    put("Sheet1!A1:A4", "RAW", rows(row("r1"), row("r2"), row("r3"), row("r4")));
    put("Data!A1", "USER_ENTERED", rows(row("=Sheet1!A1")));

    batch(
        "{'requests':[{'moveDimension':{'source':{'sheetId':0,'dimension':'ROWS',"
            + "'startIndex':0,'endIndex':1},'destinationIndex':3}}]}");

    assertThat(get("Sheet1!A1:A4", "FORMATTED_VALUE"))
        .isEqualTo(rows(row("r2"), row("r3"), row("r1"), row("r4")));
    assertThat(get("Data!A1", "FORMULA")).isEqualTo(rows(row("=Sheet1!A3")));
  }

  @Test
  void moveDimensionMovesColumnsLeft() throws Exception {
    put("Sheet1!A1:C1", "RAW", rows(row("a", "b", "c")));

    batch(
        "{'requests':[{'moveDimension':{'source':{'sheetId':0,'dimension':'COLUMNS',"
            + "'startIndex':2,'endIndex':3},'destinationIndex':0}}]}");

    assertThat(get("Sheet1!A1:C1", "FORMATTED_VALUE")).isEqualTo(rows(row("c", "a", "b")));
  }

  @Test
  void updateCellsWritesValuesAndClearsWhatItsRowsDoNotCoverInItsRange() throws Exception {
    put("Sheet1!A1:B2", "RAW", rows(row("old", "old"), row("old", "old")));

    batch(
        "{'requests':[{'updateCells':{'range':{'sheetId':0,'startRowIndex':0,'endRowIndex':2,"
            + "'startColumnIndex':0,'endColumnIndex':2},'fields':'userEnteredValue',"
            + "'rows':[{'values':[{'userEnteredValue':{'stringValue':'007'}},"
            + "{'userEnteredValue':{'numberValue':1.5}}]},"
            + "{'values':[{'userEnteredValue':{'formulaValue':'=B1*2'}}]}]}}]}");

    assertThat(get("Sheet1!A1:B2", "UNFORMATTED_VALUE"))
        .isEqualTo(rows(row("007", n("1.5")), row(n("3"))));
  }

  @Test
  void updateCellsOfNotesOnlyLeavesValuesAlone() throws Exception {
    put("Sheet1!A1", "RAW", rows(row("kept")));

    batch(
        "{'requests':[{'updateCells':{'range':{'startRowIndex':0,'endRowIndex':1,"
            + "'startColumnIndex':0,'endColumnIndex':1,'sheetId':0},'fields':'note',"
            + "'rows':[{'values':[{'note':'read my note'}]}]}}]}");

    assertThat(get("Sheet1!A1", "FORMATTED_VALUE")).isEqualTo(rows(row("kept")));
  }

  @Test
  void repeatCellFillsARangeWithAFormulaShiftedForEachCell() throws Exception {
    put("Sheet1!A1:A3", "RAW", rows(row(1), row(2), row(3)));

    batch(
        "{'requests':[{'repeatCell':{'range':{'sheetId':0,'startRowIndex':0,'endRowIndex':3,"
            + "'startColumnIndex':1,'endColumnIndex':2},"
            + "'cell':{'userEnteredValue':{'formulaValue':'=A1*2'}},'fields':'userEnteredValue'}}]}");

    assertThat(get("Sheet1!B1:B3", "FORMULA"))
        .isEqualTo(rows(row("=A1*2"), row("=A2*2"), row("=A3*2")));
  }

  private com.fasterxml.jackson.databind.JsonNode spreadsheet() throws Exception {
    return call(emulator, "GET", "v4/spreadsheets/" + BOOK, null).body();
  }

  @Test
  void mergeRowsThenAllThenUnmergeAnswersMergesAsGoogleRecorded() throws Exception {
    put("Sheet1!A1:B2", "RAW", rows(row(42, 43), row(43, 44)));
    String range =
        "'range':{'startRowIndex':0,'endRowIndex':2,'startColumnIndex':0,'endColumnIndex':2,"
            + "'sheetId':0}";

    batch("{'requests':[{'mergeCells':{'mergeType':'MERGE_ROWS'," + range + "}}]}");
    assertThat(spreadsheet().path("sheets").get(0).path("merges").toString())
        .isEqualTo(
            json(
                "[{'startRowIndex':0,'endRowIndex':1,'startColumnIndex':0,'endColumnIndex':2},"
                    + "{'startRowIndex':1,'endRowIndex':2,'startColumnIndex':0,"
                    + "'endColumnIndex':2}]"));

    batch("{'requests':[{'mergeCells':{'mergeType':'MERGE_ALL'," + range + "}}]}");
    assertThat(spreadsheet().path("sheets").get(0).path("merges").toString())
        .isEqualTo(
            json("[{'startRowIndex':0,'endRowIndex':2,'startColumnIndex':0,'endColumnIndex':2}]"));
    assertThat(get("Sheet1!A1:B2", "UNFORMATTED_VALUE")).isEqualTo(rows(row(n("42"))));

    batch("{'requests':[{'unmergeCells':{" + range + "}}]}");
    assertThat(spreadsheet().path("sheets").get(0).has("merges")).isFalse();
  }

  @Test
  void namedRangesAreAddedUpdatedAndDeletedWithIdsAsGoogleAnswers() throws Exception {
    RawCalls.Answer added =
        call(
            emulator,
            "POST",
            "v4/spreadsheets/" + BOOK + ":batchUpdate",
            json(
                "{'requests':[{'addNamedRange':{'namedRange':{'name':'Keys','range':{"
                    + "'startRowIndex':0,'endRowIndex':2,'startColumnIndex':0,'endColumnIndex':2,"
                    + "'sheetId':0}}}}]}"));
    com.fasterxml.jackson.databind.JsonNode named =
        added.body().at("/replies/0/addNamedRange/namedRange");
    String id = named.path("namedRangeId").asText();
    assertThat(named.path("name").asText()).isEqualTo("Keys");
    assertThat(named.path("range").toString())
        .isEqualTo(
            json("{'startRowIndex':0,'endRowIndex':2,'startColumnIndex':0,'endColumnIndex':2}"));

    batch(
        "{'requests':[{'updateNamedRange':{'namedRange':{'namedRangeId':'"
            + id
            + "','name':'Ids'},'fields':'name'}}]}");
    assertThat(
            call(emulator, "GET", "v4/spreadsheets/" + BOOK + "?fields=namedRanges", null)
                .body()
                .at("/namedRanges/0/name")
                .asText())
        .isEqualTo("Ids");

    batch("{'requests':[{'deleteNamedRange':{'namedRangeId':'" + id + "'}}]}");
    assertThat(
            call(emulator, "GET", "v4/spreadsheets/" + BOOK + "?fields=namedRanges", null).body())
        .isEmpty();
  }

  @Test
  void protectedRangeIsStoredWithAnIdAndTheOwnerMayEditIt() throws Exception {
    RawCalls.Answer added =
        call(
            emulator,
            "POST",
            "v4/spreadsheets/" + BOOK + ":batchUpdate",
            json(
                "{'requests':[{'addProtectedRange':{'protectedRange':{'range':{"
                    + "'startRowIndex':0,'endRowIndex':1,'sheetId':0},'warningOnly':false,"
                    + "'requestingUserCanEdit':false,'editors':{'users':[],'groups':[]}}}}]}"));

    com.fasterxml.jackson.databind.JsonNode p =
        added.body().at("/replies/0/addProtectedRange/protectedRange");
    assertThat(p.path("protectedRangeId").isInt()).isTrue();
    assertThat(p.path("requestingUserCanEdit").asBoolean()).isTrue();
    assertThat(p.has("warningOnly")).isFalse();
    assertThat(spreadsheet().at("/sheets/0/protectedRanges/0/protectedRangeId").asInt())
        .isEqualTo(p.path("protectedRangeId").asInt());
  }

  @Test
  void hidingRowsAutoResizingAndValidationAreAcceptedWithoutTouchingValues() throws Exception {
    put("Sheet1!A1", "RAW", rows(row("kept")));

    batch(
        "{'requests':[{'updateDimensionProperties':{'range':{'sheetId':0,'dimension':'ROWS',"
            + "'startIndex':0,'endIndex':1},'properties':{'hiddenByUser':true},"
            + "'fields':'hiddenByUser'}},"
            + "{'autoResizeDimensions':{'dimensions':{'sheetId':0,'dimension':'COLUMNS',"
            + "'startIndex':0,'endIndex':2}}},"
            + "{'setDataValidation':{'range':{'sheetId':0,'startRowIndex':0,'endRowIndex':1},"
            + "'rule':{'condition':{'type':'ONE_OF_LIST','values':[{'userEnteredValue':'a'}]}}}}]}");

    assertThat(get("Sheet1!A1", "FORMATTED_VALUE")).isEqualTo(rows(row("kept")));
  }

  @Test
  void renamingTheSpreadsheetChangesItsTitle() throws Exception {
    batch(
        "{'requests':[{'updateSpreadsheetProperties':{'properties':{'title':'Renamed',"
            + "'timeZone':'Europe/Paris'},'fields':'title,timeZone'}}]}");

    assertThat(spreadsheet().at("/properties/title").asText()).isEqualTo("Renamed");
    assertThat(spreadsheet().at("/properties/timeZone").asText()).isEqualTo("Europe/Paris");
  }

  @Test
  void aNamedRangeServesAsARangeAloneOrAfterItsTab() throws Exception {
    put("Sheet1!A1:C3", "RAW", rows(row("1", "2", "4"), row("down", "up"), row("", "", "2")));
    batch(
        "{'requests':[{'addNamedRange':{'namedRange':{'name':'NamedRange','range':{"
            + "'startRowIndex':0,'endRowIndex':3,'startColumnIndex':1,'endColumnIndex':3,"
            + "'sheetId':0}}}}]}");

    // Google's recorded answer for 'Sheet1'!NamedRange: range Sheet1!B1:C3.
    com.fasterxml.jackson.databind.JsonNode got =
        call(emulator, "GET", "v4/spreadsheets/" + BOOK + "/values/%27Sheet1%27!NamedRange", null)
            .body();
    assertThat(got.path("range").asText()).isEqualTo("Sheet1!B1:C3");
    assertThat(get("NamedRange", "FORMATTED_VALUE"))
        .isEqualTo(rows(row("2", "4"), row("up"), row("", "2")));
  }

  @Test
  void groupingRowsAnswersTheGroupsAndKeepsTheControlAfterThemAsGoogleRecorded() throws Exception {
    String range = "'range':{'sheetId':0,'dimension':'ROWS','startIndex':0,'endIndex':2}";
    RawCalls.Answer added =
        call(
            emulator,
            "POST",
            "v4/spreadsheets/" + BOOK + ":batchUpdate",
            json("{'requests':[{'addDimensionGroup':{" + range + "}}]}"));

    assertThat(added.body().at("/replies/0").toString())
        .isEqualTo(
            json(
                "{'addDimensionGroup':{'dimensionGroups':[{'range':{'dimension':'ROWS',"
                    + "'startIndex':0,'endIndex':2},'depth':1}]}}"));
    assertThat(spreadsheet().at("/sheets/0/rowGroups/0/depth").asInt()).isEqualTo(1);

    batch("{'requests':[{'deleteDimensionGroup':{" + range + "}}]}");
    assertThat(spreadsheet().at("/sheets/0").has("rowGroups")).isFalse();
    assertThat(
            spreadsheet()
                .at("/sheets/0/properties/gridProperties/rowGroupControlAfter")
                .asBoolean())
        .isTrue();
  }

  @Test
  void notesWrittenByUpdateCellsAreAnsweredAsGoogleRecorded() throws Exception {
    batch(
        "{'requests':[{'updateCells':{'range':{'startRowIndex':1,'endRowIndex':2,"
            + "'startColumnIndex':1,'endColumnIndex':2,'sheetId':0},'fields':'note',"
            + "'rows':[{'values':[{'note':'Or dont'}]}]}},"
            + "{'updateCells':{'range':{'startRowIndex':2,'endRowIndex':3,"
            + "'startColumnIndex':0,'endColumnIndex':1,'sheetId':0},'fields':'note',"
            + "'rows':[{'values':[{'note':'another note'}]}]}}]}");

    String notes = "v4/spreadsheets/" + BOOK + "?fields=sheets.data.rowData.values.note&ranges=";
    assertThat(call(emulator, "GET", notes + "Sheet1!A2:C3", null).body().toString())
        .isEqualTo(
            json(
                "{'sheets':[{'data':[{'rowData':[{'values':[{},{'note':'Or dont'}]},"
                    + "{'values':[{'note':'another note'}]}]}]}]}"));
    assertThat(call(emulator, "GET", notes + "Data!A1", null).body().toString())
        .isEqualTo(json("{'sheets':[{'data':[{}]}]}"));

    batch(
        "{'requests':[{'insertDimension':{'range':{'sheetId':0,'dimension':'ROWS',"
            + "'startIndex':0,'endIndex':1}}},{'updateCells':{'range':{'startRowIndex':2,"
            + "'endRowIndex':3,'startColumnIndex':1,'endColumnIndex':2,'sheetId':0},"
            + "'fields':'note','rows':[{'values':[{'note':''}]}]}}]}");
    assertThat(call(emulator, "GET", notes + "Sheet1!A3:A4", null).body().toString())
        .isEqualTo(
            json("{'sheets':[{'data':[{'rowData':[{},{'values':[{'note':'another note'}]}]}]}]}"));
  }
}
