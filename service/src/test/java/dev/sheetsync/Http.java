package dev.sheetsync;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for one "user agent": keeps the SESSION cookie like curl's {@code -c/-b}, no
 * redirects followed, no browser headers unless given.
 */
public final class Http {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient client =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;
  private String cookie;

  public Http(int port) {
    this.base = "http://localhost:" + port;
  }

  /**
   * A client logged in as {@code email} with {@link TestData#PASSWORD}.
   *
   * @throws IllegalStateException when the login is not answered 200
   */
  public static Http loggedIn(int port, String email) {
    Http client = new Http(port);
    Response login = client.login(email, TestData.PASSWORD);
    if (login.status() != 200) {
      throw new IllegalStateException("login as " + email + " answered " + login.status());
    }
    return client;
  }

  public String sessionCookie() {
    return cookie;
  }

  public Http withCookie(String cookie) {
    this.cookie = cookie;
    return this;
  }

  public Response login(String username, String password) {
    String form =
        "username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return postForm("/login", form);
  }

  public Response get(String path) {
    return send("GET", path, null);
  }

  /** {@code headers} are name, value pairs, sent after the JSON content type. */
  public Response post(String path, String json, String... headers) {
    return send("POST", path, json, prepend("Content-Type", "application/json", headers));
  }

  /** A form post as browsers send it; {@code headers} are name, value pairs. */
  public Response postForm(String path, String form, String... headers) {
    return send(
        "POST", path, form, prepend("Content-Type", "application/x-www-form-urlencoded", headers));
  }

  public Response patch(String path, String json) {
    return send("PATCH", path, json, "Content-Type", "application/json");
  }

  public Response delete(String path) {
    return send("DELETE", path, null);
  }

  /** Sends the body chunked, without a Content-Length, as a streaming client would. */
  public Response postStreamed(String path, String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return exchange(
        "POST",
        path,
        HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)),
        "Content-Type",
        "application/json");
  }

  /** {@code headers} are name, value pairs. */
  public Response send(String method, String path, String body, String... headers) {
    return exchange(
        method,
        path,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body),
        headers);
  }

  private Response exchange(
      String method, String path, HttpRequest.BodyPublisher body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).method(method, body);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      sessionCookieOf(response.headers()).ifPresent(c -> cookie = c.isEmpty() ? null : c);
      return new Response(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String[] prepend(String name, String value, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = name;
    all[1] = value;
    System.arraycopy(headers, 0, all, 2, headers.length);
    return all;
  }

  /** "" when the server expired the cookie. */
  private static Optional<String> sessionCookieOf(HttpHeaders headers) {
    return headers.allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("SESSION="))
        .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
        .map(c -> c.equals("SESSION=") ? "" : c)
        .findFirst();
  }

  public record Response(int status, String body, HttpHeaders headers) {

    public JsonNode json() {
      return JSON.readTree(body);
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }
}
