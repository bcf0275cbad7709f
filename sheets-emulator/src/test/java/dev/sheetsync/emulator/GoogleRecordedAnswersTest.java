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
  void storesColourChannelsAsGoogleDoesInEightBitsRoundingHalvesDown() throws Exception {
    batch(
        "{'requests':[{'updateSheetProperties':{'properties':{'sheetId':0,"
            + "'tabColorStyle':{'rgbColor':{'red':1,'green':0,'blue':0.5}}},"
            + "'fields':'tabColorStyle'}}]}");

    JsonNode got =
        call(
                emulator,
                "GET",
                "v4/spreadsheets/" + BOOK + "?fields=sheets.properties.tabColorStyle",
                null)
            .body();

    assertThat(got.toString())
        .isEqualTo(
            "{\"sheets\":[{\"properties\":{\"tabColorStyle\":{\"rgbColor\":"
                + "{\"red\":1,\"blue\":0.49803922}}}},{\"properties\":{}}]}");
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

  @Test
  void acceptsRequestsGivenAsAnObjectANestedListOrInSnakeCase() throws Exception {
    batch(
        "{'requests':{'updateSheetProperties':{'properties':{'sheetId':0,'title':'One'},"
            + "'fields':'title'}}}");
    batch(
        "{'requests':[[{'updateSheetProperties':{'properties':{'sheetId':0,'title':'Two'},"
            + "'fields':'title'}}]]}");
    batch(
        "{'requests':[{'update_sheet_properties':{'properties':{'sheet_id':0,'title':'Three'},"
            + "'fields':'title'}}]}");

    assertThat(sheet1Properties().path("title").asText()).isEqualTo("Three");
  }

  @Test
  void readsDatesAsFormattedStringsWhenAskedEvenUnformatted() throws Exception {
    put("Sheet1!A1", "USER_ENTERED", rows(row("2020-01-01")));

    JsonNode serial =
        call(
                emulator,
                "GET",
                "v4/spreadsheets/" + BOOK + "/values/Sheet1!A1?valueRenderOption=UNFORMATTED_VALUE",
                null)
            .body();
    JsonNode text =
        call(
                emulator,
                "GET",
                "v4/spreadsheets/"
                    + BOOK
                    + "/values/Sheet1!A1?valueRenderOption=UNFORMATTED_VALUE"
                    + "&dateTimeRenderOption=FORMATTED_STRING",
                null)
            .body();

    assertThat(serial.path("values").get(0).get(0).asInt()).isEqualTo(43831);
    assertThat(text.path("values").get(0).get(0).asText()).isEqualTo("2020-01-01");
    assertThat(text.path("values").get(0).get(0).isTextual()).isTrue();
  }

  @Test
  void answersUpdatedValuesWithFormattedDatesWhenTheResponseAsksForThem() throws Exception {
    RawCalls.Answer a =
        call(
            emulator,
            "PUT",
            "v4/spreadsheets/"
                + BOOK
                + "/values/Sheet1!A1?valueInputOption=USER_ENTERED&includeValuesInResponse=true"
                + "&responseValueRenderOption=UNFORMATTED_VALUE"
                + "&responseDateTimeRenderOption=FORMATTED_STRING",
            json("{'values':[['2020-01-01']]}"));

    assertThat(a.body().path("updatedData").path("values").get(0).get(0).asText())
        .isEqualTo("2020-01-01");
  }

  @Test
  void countsTotalUpdatedColumnsOnceAcrossRangesAsGoogleRecorded() throws Exception {
    RawCalls.Answer a =
        call(
            emulator,
            "POST",
            "v4/spreadsheets/" + BOOK + "/values:batchUpdate",
            json(
                "{'valueInputOption':'RAW','data':["
                    + "{'range':'Sheet1!A10:D10','values':[['a','b','c','d']]},"
                    + "{'range':'Sheet1!A13:D13','values':[['a','b','c','d']]}]}"));

    assertThat(a.body().path("totalUpdatedRows").asInt()).isEqualTo(2);
    assertThat(a.body().path("totalUpdatedColumns").asInt()).isEqualTo(4);
    assertThat(a.body().path("totalUpdatedCells").asInt()).isEqualTo(8);
    assertThat(a.body().path("totalUpdatedSheets").asInt()).isEqualTo(1);
  }

  @Test
  void answersABadValueWithGooglesFieldViolationAndNoErrorsArray() throws Exception {
    RawCalls.Answer a =
        call(
            emulator,
            "PUT",
            "v4/spreadsheets/" + BOOK + "/values/Sheet1!A1?valueInputOption=RAW",
            json("{'values':'X','majorDimension':null}"));

    String message =
        "Invalid value at 'data.values' (type.googleapis.com/google.protobuf.ListValue), \"X\"";
    assertThat(a.status()).isEqualTo(400);
    JsonNode error = a.body().path("error");
    assertThat(error.path("code").asInt()).isEqualTo(400);
    assertThat(error.path("message").asText()).isEqualTo(message);
    assertThat(error.path("status").asText()).isEqualTo("INVALID_ARGUMENT");
    assertThat(error.has("errors")).isFalse();
    JsonNode detail = error.path("details").get(0);
    assertThat(detail.path("@type").asText())
        .isEqualTo("type.googleapis.com/google.rpc.BadRequest");
    assertThat(detail.path("fieldViolations").get(0).path("field").asText())
        .isEqualTo("data.values");
    assertThat(detail.path("fieldViolations").get(0).path("description").asText())
        .isEqualTo(message);
  }

  @Test
  void answersAnExhaustedQuotaWithErrorInfoRateLimitExceeded() throws Exception {
    emulator.control().quota(1, 0);
    put("Sheet1!A1", "RAW", rows(row("x")));

    RawCalls.Answer a =
        call(
            emulator,
            "PUT",
            "v4/spreadsheets/" + BOOK + "/values/Sheet1!A1?valueInputOption=RAW",
            json("{'values':[['y']]}"));

    assertThat(a.status()).isEqualTo(429);
    JsonNode error = a.body().path("error");
    assertThat(error.has("errors")).isFalse();
    assertThat(error.path("status").asText()).isEqualTo("RESOURCE_EXHAUSTED");
    JsonNode info = error.path("details").get(0);
    assertThat(info.path("@type").asText()).isEqualTo("type.googleapis.com/google.rpc.ErrorInfo");
    assertThat(info.path("reason").asText()).isEqualTo("RATE_LIMIT_EXCEEDED");
    assertThat(info.path("metadata").path("quota_limit").asText())
        .isEqualTo("WriteRequestsPerMinutePerUser");
  }

  @Test
  void rejectsUnknownEnumValuesWith400InvalidArgument() throws Exception {
    String values = "v4/spreadsheets/" + BOOK + "/values/Sheet1!A1";
    for (String query :
        new String[] {
          "?majorDimension=BOGUS", "?valueRenderOption=BOGUS", "?dateTimeRenderOption=BOGUS",
        }) {
      RawCalls.Answer a = call(emulator, "GET", values + query, null);
      assertThat(a.status()).as(query).isEqualTo(400);
      assertThat(a.body().path("error").path("status").asText()).isEqualTo("INVALID_ARGUMENT");
      assertThat(a.body().path("error").path("message").asText()).contains("\"BOGUS\"");
    }
    RawCalls.Answer write =
        call(
            emulator,
            "PUT",
            values + "?valueInputOption=RAW&responseValueRenderOption=BOGUS",
            json("{'values':[['x']]}"));
    assertThat(write.status()).isEqualTo(400);
    assertThat(write.body().path("error").path("message").asText())
        .isEqualTo(
            "Invalid value at 'response_value_render_option' "
                + "(type.googleapis.com/google.apps.sheets.v4.ValueRenderOption), \"BOGUS\"");
    assertThat(get("Sheet1!A1", "FORMATTED_VALUE")).isEmpty();
  }

  @Test
  void echoesLetterOnlyTabNamesUnquoted() throws Exception {
    batch("{'requests':[{'addSheet':{'properties':{'title':'Raw'}}}]}");

    JsonNode got =
        call(emulator, "GET", "v4/spreadsheets/" + BOOK + "/values/Raw!A1:A5", null).body();

    assertThat(got.path("range").asText()).isEqualTo("Raw!A1:A5");
  }

  @Test
  void refusesACellOfMoreThanFiftyThousandCharacters() throws Exception {
    String tooLong = "x".repeat(50_001);

    RawCalls.Answer a =
        call(
            emulator,
            "PUT",
            "v4/spreadsheets/" + BOOK + "/values/Sheet1!A1?valueInputOption=RAW",
            "{\"values\":[[\"" + tooLong + "\"]]}");
    put("Sheet1!A2", "RAW", rows(row("x".repeat(50_000))));

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body().at("/error/message").asText())
        .isEqualTo(
            "Your input contains more than the maximum of 50000 characters in a single cell.");
    assertThat(get("Sheet1!A2", "FORMATTED_VALUE").get(0).get(0).toString()).hasSize(50_000);
  }

  @Test
  void refusesToGrowASpreadsheetBeyondTenMillionCells() throws Exception {
    // Sheet1 and Data hold 1000 x 26 cells each; a tab of 9,948,000 cells reaches the limit.
    batch(
        "{'requests':[{'addSheet':{'properties':{'title':'Big','gridProperties':"
            + "{'rowCount':99480,'columnCount':100}}}}]}");

    RawCalls.Answer a =
        call(
            emulator,
            "POST",
            "v4/spreadsheets/" + BOOK + ":batchUpdate",
            json("{'requests':[{'appendDimension':{'sheetId':0,'dimension':'ROWS','length':1}}]}"));

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body().at("/error/message").asText())
        .endsWith(
            "This action would increase the number of cells in the workbook above the limit of"
                + " 10000000 cells.");
    assertThat(sheet1Properties().at("/gridProperties/rowCount").asInt()).isEqualTo(1000);
  }
}
