package dev.sheetsync.security.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheetsync.SheetsyncApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class CronSecretStartupTest {

  @Test
  void refusesToStartWithAShortSecretShowingHowToMakeOneButNotTheSecret(CapturedOutput output) {
    String secret = "hunter2-is-not-long-enough";

    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(SheetsyncApplication.class)
                    .profiles("test")
                    // a command-line argument: outranks application.yml, as CRON_SECRET would
                    .run("--sheetsync.sync.cron-secret=" + secret)
                    .close())
        .hasRootCauseInstanceOf(CronSecretTooShortException.class);

    assertThat(output).contains("APPLICATION FAILED TO START").contains("openssl rand -hex 32");
    assertThat(output.getAll()).doesNotContain(secret);
  }
}
