package dev.sheetsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The ways a first start usually goes wrong each end in one summary box saying what is wrong and
 * what to do, not in a stack trace starting with whichever bean noticed first.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailuresTest {

  @Test
  void databaseUrlPointingAtNothingIsSummarisedWithWhatToCheck(CapturedOutput output)
      throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    assertThatThrownBy(
            () ->
                start(
                    "--sheetsync.database.url=postgres://app:s3cret@127.0.0.1:" + closed + "/app"))
        .isNotNull();

    assertThat(output)
        .contains("APPLICATION FAILED TO START")
        .contains("Cannot connect to the database of DATABASE_URL")
        .contains("127.0.0.1:" + closed)
        .contains("Unset DATABASE_URL to use the embedded PostgreSQL");
    assertThat(output.getAll()).doesNotContain("s3cret").doesNotContain("\tat org.springframework");
  }

  @Test
  void passwordWithAnUnencodedAtIsSummarisedWithHowToEncodeIt(CapturedOutput output) {
    assertThatThrownBy(
            () -> start("--sheetsync.database.url=postgres://app:p@ss#1@db.example.com/app"))
        .isNotNull();

    assertThat(output)
        .contains("APPLICATION FAILED TO START")
        .contains("not percent-encoded")
        .contains("DATABASE_PASSWORD");
    assertThat(output.getAll()).doesNotContain("p@ss#1").doesNotContain("\tat org.springframework");
  }

  @Test
  void embeddedEmulatorPortInUseIsSummarisedWithTheSettingToChange(CapturedOutput output)
      throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
      assertThatThrownBy(() -> start("--sheetsync.sheets.emulator-port=" + taken.getLocalPort()))
          .isNotNull();

      assertThat(output)
          .contains("APPLICATION FAILED TO START")
          .contains(
              "Port " + taken.getLocalPort() + " of the embedded Sheets emulator is already in use")
          .contains("SHEETS_EMULATOR_PORT");
      assertThat(output.getAll()).doesNotContain("\tat org.springframework");
    }
  }

  private static void start(String... args) {
    new SpringApplicationBuilder(SheetsyncApplication.class).profiles("test").run(args).close();
  }
}
