package dev.sheetsync.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.Http;
import dev.sheetsync.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Text a client sent cannot forge log lines: CR/LF in logged values is escaped. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogLinesTest {

  private static final String FORGED = "2026-01-01T00:00:00Z  INFO 1 --- [main] forged : admin ok";

  @LocalServerPort int port;

  @Test
  void aValueHoldingCrLfIsLoggedOnOneLineWithTheBreaksEscaped(CapturedOutput output) {
    LoggerFactory.getLogger(LogLinesTest.class).warn("Refused user {}", "mallory\r\n" + FORGED);

    assertThat(output.getOut()).contains("Refused user mallory\\r\\n" + FORGED);
    assertThat(output.getOut()).doesNotContain("\n" + FORGED);
  }

  @Test
  void aLoginWithCrLfInTheUsernameForgesNoLogLine(CapturedOutput output) {
    new Http(port).login("x@example.com\r\n" + FORGED, "whatever");

    assertThat(output.getOut()).doesNotContain("\n" + FORGED);
  }

  @Test
  void theMessagesOwnLineBreaksStay(CapturedOutput output) {
    LoggerFactory.getLogger(LogLinesTest.class).info("first line\nsecond line {}", "value");

    assertThat(output.getOut()).contains("first line\nsecond line value");
  }
}
