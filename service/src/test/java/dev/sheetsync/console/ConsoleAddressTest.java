package dev.sheetsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.sheets.SheetsProperties;
import dev.sheetsync.sheets.SpreadsheetTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class ConsoleAddressTest {

  @Test
  void startupLogsTheConsoleAddressBesideTheSpreadsheets(CapturedOutput output) {
    SpreadsheetTarget target =
        new SpreadsheetTarget(
            "local",
            "http://localhost:3001/view/local",
            SheetsProperties.Mode.EXTERNAL_EMULATOR,
            null,
            null);

    new ConsoleAddress(target).announce(3000);

    assertThat(output)
        .contains(
            "admin console at http://localhost:3000/admin, spreadsheet at"
                + " http://localhost:3001/view/local");
  }
}
