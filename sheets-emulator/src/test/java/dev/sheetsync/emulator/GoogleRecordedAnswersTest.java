package dev.sheetsync.emulator;

import static dev.sheetsync.emulator.RawCalls.call;
import static dev.sheetsync.emulator.RawCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The differences from Google found in gspread's recorded traffic (issue 9), each asserting the
 * answer Google recorded.
 */
class GoogleRecordedAnswersTest extends EmulatorTestSupport {

  private JsonNode batch(String requestsJson) throws Exception {
    RawCalls.Answer a =
        call(emulator, "POST", "v4/spreadsheets/" + BOOK + ":batchUpdate", json(requestsJson));
    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    return a.body();
  }

  private JsonNode sheet1Properties() throws Exception {
    return call(emulator, "GET", "v4/spreadsheets/" + BOOK, null)
        .body()
        .path("sheets")
        .path(0)
        .path("properties");
  }

  @Test
  void createsSpreadsheetWhoseSheetsNameNoIdAndAssignsIds() throws Exception {
    RawCalls.Answer a =
        call(
            emulator,
            "POST",
            "v4/spreadsheets",
            json(
                "{'properties':{'title':'x'},"
                    + "'sheets':[{'properties':{'title':'Data'}},{'properties':{'title':'More'}}]}"));

    assertThat(a.status()).isEqualTo(200);
    JsonNode sheets = a.body().path("sheets");
    assertThat(sheets.path(0).path("properties").path("sheetId").asInt()).isZero();
    assertThat(sheets.path(1).path("properties").path("sheetId").isInt()).isTrue();
    assertThat(sheets.path(1).path("properties").path("sheetId").asInt()).isNotZero();
  }

  @Test
  void acceptsFieldMasksWrittenWithSlashesAndParentheses() throws Exception {
    batch(
        "{'requests':[{'updateSheetProperties':{'properties':{'sheetId':0,"
            + "'gridProperties':{'rowCount':20,'columnCount':5}},"
            + "'fields':'gridProperties/rowCount,gridProperties/columnCount'}},"
            + "{'updateSheetProperties':{'properties':{'sheetId':0,"
            + "'gridProperties':{'frozenRowCount':1,'frozenColumnCount':2}},"
            + "'fields':'gridProperties(frozenRowCount,frozenColumnCount)'}}]}");

    JsonNode grid = sheet1Properties().path("gridProperties");
    assertThat(grid.path("rowCount").asInt()).isEqualTo(20);
    assertThat(grid.path("columnCount").asInt()).isEqualTo(5);
    assertThat(grid.path("frozenRowCount").asInt()).isEqualTo(1);
    assertThat(grid.path("frozenColumnCount").asInt()).isEqualTo(2);
  }

  @Test
  void storesTabColorStyleAndHiddenAndAnswersThemAsGoogleDoes() throws Exception {
    batch(
        "{'requests':[{'updateSheetProperties':{'properties':{'sheetId':1,'hidden':true,"
            + "'tabColorStyle':{'rgbColor':{'red':1.0,'green':0.0,'blue':0.4980392156862745}}},"
            + "'fields':'hidden,tabColorStyle'}}]}");

    JsonNode data =
        call(emulator, "GET", "v4/spreadsheets/" + BOOK, null)
            .body()
            .path("sheets")
            .path(1)
            .path("properties");
    assertThat(data.path("hidden").asBoolean()).isTrue();
    // Google's recorded answer: zero channels left out, channels as 32-bit floats.
    assertThat(data.path("tabColorStyle").toString())
        .isEqualTo("{\"rgbColor\":{\"red\":1,\"blue\":0.49803922}}");
  }

  @Test
  void refusesToHideTheOnlyVisibleSheet() throws Exception {
    batch(
        "{'requests':[{'updateSheetProperties':{'properties':{'sheetId':1,'hidden':true},"
            + "'fields':'hidden'}}]}");

    RawCalls.Answer a =
        call(
            emulator,
            "POST",
            "v4/spreadsheets/" + BOOK + ":batchUpdate",
            json(
                "{'requests':[{'updateSheetProperties':{'properties':{'sheetId':0,'hidden':true},"
                    + "'fields':'hidden'}}]}"));

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body().path("error").path("message").asText())
        .isEqualTo(
            "Invalid requests[0].updateSheetProperties: "
                + "You can't hide all the sheets in a document.");
  }
}
