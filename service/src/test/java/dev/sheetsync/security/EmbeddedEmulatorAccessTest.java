package dev.sheetsync.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.IntegrationTest;
import dev.sheetsync.emulator.ValueRender;
import dev.sheetsync.sheets.SpreadsheetTarget;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The embedded emulator of the default run serves the service, not whoever reaches its port. */
@IntegrationTest
class EmbeddedEmulatorAccessTest {

  @Autowired SpreadsheetTarget target;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aWebPageCannotResetTheEmbeddedSpreadsheetAndTheServiceStillReadsIt() throws Exception {
    String base = target.emulator().baseUrl();
    HttpResponse<String> reset =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "emulator/reset"))
                .header("Content-Type", "text/plain")
                .header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> read =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "v4/spreadsheets/" + target.spreadsheetId()))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(reset.statusCode()).isEqualTo(403);
    assertThat(read.statusCode()).isEqualTo(401);
    assertThat(
            target
                .emulator()
                .values(target.spreadsheetId(), "Requests!A1:A1", ValueRender.FORMATTED_VALUE))
        .containsExactly(java.util.List.of("ID"));
  }
}
