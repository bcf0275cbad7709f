package dev.sheetsync.reliability;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of one service instance's HTTP API, as a person's script would be: JDK {@link
 * HttpClient}, form login that keeps the {@code SESSION} cookie, JSON in and out. A call that gets
 * no answer at all (the process is down) throws {@link NoAnswer}.
 */
final class ApiClient {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final Supplier<URI> base;
  private final HttpClient http;

  /** {@code base} is asked on every call, so a client survives its instance's restart. */
  ApiClient(Supplier<URI> base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  static ApiClient of(ServiceProcess service) {
    return new ApiClient(service::baseUri);
  }

  /** Form login; the session cookie is kept for the following calls. */
  ApiClient login(String username, String password) {
    String form =
        "username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    Response response =
        send(
            HttpRequest.newBuilder(base.get().resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    if (response.status() >= 400) {
      throw new IllegalStateException("login failed: " + response);
    }
    return this;
  }

  Response get(String path) {
    return send(request(path).GET());
  }

  Response post(String path, Object body) {
    return send(json(request(path), "POST", body));
  }

  Response patch(String path, Object body) {
    return send(json(request(path), "PATCH", body));
  }

  Response delete(String path) {
    return send(request(path).DELETE());
  }

  /** Any method, raw bytes, extra headers: for the hostile corpus. */
  Response raw(String method, String path, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder builder =
        request(path)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(builder::header);
    return send(builder);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.get().resolve(path)).timeout(Duration.ofSeconds(120));
  }

  private static HttpRequest.Builder json(HttpRequest.Builder builder, String method, Object body) {
    String text = body instanceof String s ? s : JSON.writeValueAsString(body);
    return builder
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(text));
  }

  private Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.body(),
          response.headers().firstValue("Content-Type").orElse(""));
    } catch (IOException e) {
      throw new NoAnswer(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NoAnswer(e);
    }
  }

  /** One answer. {@link #json()} parses the body. */
  record Response(int status, String body, String contentType) {

    JsonNode json() {
      return JSON.readTree(body);
    }

    boolean ok() {
      return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
      return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }
  }

  /** The instance did not answer: down, killed, or restarting. */
  static final class NoAnswer extends RuntimeException {
    NoAnswer(Exception cause) {
      super(cause.toString(), cause);
    }
  }
}
