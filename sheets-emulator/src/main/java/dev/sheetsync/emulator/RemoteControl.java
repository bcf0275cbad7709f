package dev.sheetsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@link EmulatorControl} over the {@code /emulator} HTTP API of another process. */
final class RemoteControl implements EmulatorControl {

  private final String baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  RemoteControl(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
  }

  @Override
  public void faults(Faults faults) {
    call("POST", "faults", ControlHandler.faultsJson(faults));
  }

  @Override
  public void clearFaults() {
    call("DELETE", "faults", null);
  }

  @Override
  public Faults currentFaults() {
    return ControlHandler.faults(call("GET", "faults", null));
  }

  @Override
  public void quota(int writeRequestsPerMinute, int readRequestsPerMinute) {
    call(
        "POST",
        "quota",
        Json.MAPPER
            .createObjectNode()
            .put("writeRequestsPerMinute", writeRequestsPerMinute)
            .put("readRequestsPerMinute", readRequestsPerMinute));
  }

  @Override
  public void quota(Quotas quotas) {
    call("POST", "quota", ControlHandler.quotaJson(quotas));
  }

  @Override
  public void reset() {
    call("POST", "reset", null);
  }

  @Override
  public RequestCounts requestCounts() {
    return ControlHandler.counts(call("GET", "requests", null));
  }

  @Override
  public void setNotShared(String spreadsheetId, boolean notShared) {
    call(
        "POST",
        "sharing",
        Json.MAPPER
            .createObjectNode()
            .put("spreadsheetId", spreadsheetId)
            .put("shared", !notShared));
  }

  @Override
  public void createSpreadsheet(
      String spreadsheetId, String title, Map<String, List<String>> tabs) {
    ObjectNode body =
        Json.MAPPER.createObjectNode().put("spreadsheetId", spreadsheetId).put("title", title);
    body.set("tabs", Json.MAPPER.valueToTree(tabs));
    call("POST", "spreadsheets", body);
  }

  private JsonNode call(String method, String path, JsonNode body) {
    try {
      HttpRequest.BodyPublisher publisher =
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body));
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(baseUrl + "emulator/" + path))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .method(method, publisher)
              .build();
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      JsonNode json = Json.MAPPER.readTree(response.body());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "emulator control "
                + method
                + " "
                + path
                + " answered "
                + response.statusCode()
                + ": "
                + json.path("error").path("message").asText());
      }
      return json;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
