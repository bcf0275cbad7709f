package dev.sheetsync.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.emulator.SheetsEmulator;
import dev.sheetsync.emulator.ValueRender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The conformance probe against the emulator: every behaviour passes and the scratch tab goes. */
class ConformanceProbeTest {

  @Test
  void probeAgainstTheEmulatorPassesEveryCheckItCanProvokeAndExitsZero() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    int status = ProbeCommand.run(Map.of(), new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String output = bytes.toString(StandardCharsets.UTF_8);
    assertThat(status).as(output).isZero();
    assertThat(output).doesNotContain("FAIL ");
    assertThat(output.lines().filter(l -> l.startsWith("PASS"))).hasSize(11);
    assertThat(output).contains("Every behaviour sheetsync relies on answered as expected.");
  }

  @Test
  void probeLeavesNoScratchTabBehind() throws Exception {
    try (SheetsEmulator emulator = SheetsEmulator.start(0)) {
      emulator.createSpreadsheet("book", "b", Map.of("Sheet1", List.of("ID")));

      int status =
          ProbeCommand.run(
              Map.of(
                  "SHEETS_EMULATOR_HOST",
                  "localhost:" + emulator.port(),
                  "SHEETS_SPREADSHEET_ID",
                  "book"),
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

      assertThat(status).isZero();
      String spreadsheet =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "v4/spreadsheets/book"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(spreadsheet).contains("\"Sheet1\"").doesNotContain("sheetsync-probe-");
      assertThat(emulator.values("book", "Sheet1!A1:A2", ValueRender.FORMATTED_VALUE))
          .isEqualTo(List.of(List.of("ID")));
    }
  }

  @Test
  void probeReportsAFailedSetupWithExitStatusTwo() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    int status =
        ProbeCommand.run(
            Map.of("SHEETS_EMULATOR_HOST", "localhost:1"),
            new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("sheetsync conformance probe");
  }
}
