package dev.sheetsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code EmulatorMain --data FILE} keeps the spreadsheets across a restart. */
class PersistenceTest {

  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+/)");

  private record Running(Process process, String baseUrl) {}

  private static Running startMain(Path data) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                EmulatorMain.class.getName(),
                "--port",
                "0",
                "--data",
                data.toString())
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        return new Running(p, m.group(1));
      }
    }
    throw new AssertionError("emulator did not start");
  }

  private static void stop(Running r) throws Exception {
    r.process().destroy(); // SIGTERM: the shutdown hook runs
    assertThat(r.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void standaloneEmulatorKeepsSpreadsheetsAcrossARestartWithData(@TempDir Path dir)
      throws Exception {
    Path data = dir.resolve("sheets.json");
    Running first = startMain(data);
    try {
      EmulatorControl.remote(first.baseUrl())
          .createSpreadsheet("local", "Local", java.util.Map.of("Requests", List.of("id")));
      Sheets sheets = EmulatorTestSupport.clientFor(first.baseUrl());
      sheets
          .spreadsheets()
          .values()
          .append(
              "local", "Requests!A:B", new ValueRange().setValues(List.of(List.of("7", "=A2*2"))))
          .setValueInputOption("USER_ENTERED")
          .execute();
    } finally {
      stop(first);
    }

    Running second = startMain(data);
    try {
      Sheets sheets = EmulatorTestSupport.clientFor(second.baseUrl());
      assertThat(
              sheets
                  .spreadsheets()
                  .values()
                  .get("local", "Requests!A1:B2")
                  .setValueRenderOption("FORMULA")
                  .execute()
                  .getValues())
          .isEqualTo(List.of(List.of("id"), List.of(new java.math.BigDecimal(7), "=A2*2")));
    } finally {
      stop(second);
    }
  }

  @Test
  void embeddedEmulatorLoadsWhatAPreviousOneWrote(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("state.json");
    EmulatorOptions options = EmulatorOptions.defaults().withDataFile(data);
    try (SheetsEmulator one = SheetsEmulator.start(options)) {
      one.createSpreadsheet("s", "S", java.util.Map.of("Tab", List.of("a", "2024-01-31")));
    }
    try (SheetsEmulator two = SheetsEmulator.start(options)) {
      assertThat(two.values("s", "Tab!A1:B1", ValueRender.FORMATTED_VALUE))
          .isEqualTo(List.of(List.of("a", "2024-01-31")));
    }
  }

  @Test
  void notesMergesNamedRangesAndTabColoursSurviveARestart(@TempDir Path dir) throws Exception {
    EmulatorOptions options =
        EmulatorOptions.defaults()
            .withDataFile(dir.resolve("state.json"))
            .withQuotas(Quotas.UNLIMITED);
    String requests =
        RawCalls.json(
            "{'requests':[{'updateCells':{'range':{'sheetId':0,'startRowIndex':0,'endRowIndex':1,"
                + "'startColumnIndex':0,'endColumnIndex':1},'fields':'note',"
                + "'rows':[{'values':[{'note':'kept'}]}]}},"
                + "{'mergeCells':{'range':{'sheetId':0,'startRowIndex':2,'endRowIndex':3,"
                + "'startColumnIndex':0,'endColumnIndex':2}}},"
                + "{'addNamedRange':{'namedRange':{'name':'Keys','range':{'sheetId':0,"
                + "'startRowIndex':0,'endRowIndex':5,'startColumnIndex':0,'endColumnIndex':1}}}},"
                + "{'updateSheetProperties':{'properties':{'sheetId':0,'tabColorStyle':"
                + "{'rgbColor':{'red':1}}},'fields':'tabColorStyle'}}]}");
    String before;
    try (SheetsEmulator one = SheetsEmulator.start(options)) {
      one.createSpreadsheet("s", "S", java.util.Map.of("Tab", List.of("ID")));
      assertThat(RawCalls.call(one, "POST", "v4/spreadsheets/s:batchUpdate", requests).status())
          .isEqualTo(200);
      before =
          RawCalls.call(one, "GET", "v4/spreadsheets/s?ranges=Tab!A1:B3&includeGridData=true", null)
              .body()
              .toString();
    }
    try (SheetsEmulator two = SheetsEmulator.start(options)) {
      String after =
          RawCalls.call(two, "GET", "v4/spreadsheets/s?ranges=Tab!A1:B3&includeGridData=true", null)
              .body()
              .toString()
              .replace(two.baseUrl(), "BASE");
      assertThat(after).contains("\"note\":\"kept\"", "\"merges\"", "\"Keys\"", "tabColorStyle");
      assertThat(after).isEqualTo(before.replaceAll("http://localhost:\\d+/", "BASE"));
    }
  }
}
