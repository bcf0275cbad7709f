package dev.sheetsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Raw JSON calls to an emulator, for request shapes Google's Java client cannot send (snake_case
 * names, a request object instead of a list) and for asserting whole error bodies.
 */
final class RawCalls {

  /** A status and the parsed JSON body. */
  record Answer(int status, JsonNode body) {}

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private RawCalls() {}

  static Answer call(SheetsEmulator emulator, String method, String pathAndQuery, String json)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + pathAndQuery))
            .header("Authorization", "Bearer test-token")
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), Json.MAPPER.readTree(response.body()));
  }

  /** JSON with single quotes, for readable test bodies. */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }
}
