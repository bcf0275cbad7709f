package dev.sheetsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An emulator started with an {@link AccessGuard} serves its owner and nobody else. */
class AccessGuardTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private AccessGuard guard;
  private SheetsEmulator emulator;

  @BeforeEach
  void start() {
    guard = AccessGuard.withRandomToken();
    emulator = SheetsEmulator.start(EmulatorOptions.defaults().withQuotas(Quotas.UNLIMITED), guard);
    emulator.createSpreadsheet("local", "sheetsync", Map.of("Requests", List.of("ID", "Name")));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void aCrossOriginTextPlainResetFromAWebPageIsRefusedAndTheDataStays() throws Exception {
    HttpResponse<String> reset =
        send(
            HttpRequest.newBuilder(url("emulator/reset"))
                .header("Content-Type", "text/plain")
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

    assertThat(reset.statusCode()).isEqualTo(403);
    assertThat(emulator.values("local", "Requests!A1:B1", ValueRender.FORMATTED_VALUE))
        .containsExactly(List.of("ID", "Name"));
  }

  @Test
  void theApiAndTheControlApiNeedTheToken() throws Exception {
    HttpResponse<String> read = send(HttpRequest.newBuilder(url("v4/spreadsheets/local")).GET());
    HttpResponse<String> reset =
        send(
            HttpRequest.newBuilder(url("emulator/reset"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));
    HttpResponse<String> wrong =
        send(
            HttpRequest.newBuilder(url("v4/spreadsheets/local"))
                .header("Authorization", "Bearer " + guard.token() + "x")
                .GET());

    assertThat(List.of(read, reset, wrong))
        .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(401));
    assertThat(emulator.values("local", "Requests!A1:B1", ValueRender.FORMATTED_VALUE))
        .containsExactly(List.of("ID", "Name"));

    HttpResponse<String> owner =
        send(
            HttpRequest.newBuilder(url("v4/spreadsheets/local"))
                .header("Authorization", "Bearer " + guard.token())
                .GET());
    assertThat(owner.statusCode()).isEqualTo(200);
  }

  @Test
  void theOwnerMayNotSendANonJsonBody() throws Exception {
    HttpResponse<String> write =
        send(
            HttpRequest.newBuilder(
                    url("v4/spreadsheets/local/values/Requests!A2:append?valueInputOption=RAW"))
                .header("Authorization", "Bearer " + guard.token())
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"values\":[[\"=1+1\"]]}")));

    assertThat(write.statusCode()).isEqualTo(415);
  }

  @Test
  void aForeignHostIsRefusedSoDnsRebindingCannotReadTheView() throws Exception {
    assertThat(rawGet("/view/local", "attacker.example:" + emulator.port()))
        .startsWith("HTTP/1.1 403");
    assertThat(rawGet("/view/local", "localhost:" + emulator.port())).startsWith("HTTP/1.1 200");
  }

  @Test
  void theReadOnlyViewStaysUsableFromABrowserWithoutTheToken() throws Exception {
    HttpResponse<String> view = send(HttpRequest.newBuilder(url("view/local")).GET());

    assertThat(view.statusCode()).isEqualTo(200);
    assertThat(view.body()).contains("Requests");
  }

  private URI url(String path) {
    return URI.create(emulator.baseUrl() + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Java's HttpClient will not send another Host header; a socket will, as a rebound page does. */
  private String rawGet(String path, String host) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
      socket
          .getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
