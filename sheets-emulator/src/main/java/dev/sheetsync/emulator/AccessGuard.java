package dev.sheetsync.emulator;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Keeps an emulator that holds a real person's data (the service's embedded one) to its owner, for
 * {@link SheetsEmulator#start(EmulatorOptions, AccessGuard)}. Any program or web page on the
 * machine can reach a loopback port, so:
 *
 * <ul>
 *   <li>the Sheets API ({@code /v4/…}) and the control API ({@code /emulator/…}) need {@code
 *       Authorization: Bearer <token>}, a random token only the owner holds (a page's {@code
 *       text/plain} POST to {@code /emulator/reset} cannot send it, and no one can write past the
 *       owner's formula escaping);
 *   <li>a {@code Host} other than {@code localhost}, {@code 127.0.0.1} or {@code [::1]} is refused,
 *       so a DNS-rebinding page cannot read the HTML view under its own name;
 *   <li>an {@code Origin} other than the emulator's own is refused;
 *   <li>a request with a body must declare it {@code application/json}.
 * </ul>
 *
 * The read-only HTML view needs no token, so the admin console's link to it keeps working.
 * Thread-safe.
 */
public final class AccessGuard extends Filter {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");
  private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "OPTIONS");

  private final byte[] token;

  private AccessGuard(String token) {
    if (token == null || token.length() < 32) {
      throw new IllegalArgumentException("the access token must have at least 32 characters");
    }
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  /** A guard with a fresh random token (256 bits); read it with {@link #token()}. */
  public static AccessGuard withRandomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return new AccessGuard(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** The token API clients must send as {@code Authorization: Bearer <token>}. */
  public String token() {
    return new String(token, StandardCharsets.UTF_8);
  }

  @Override
  public String description() {
    return "token, Host and Origin checks";
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    String refusal = refusal(exchange);
    if (refusal != null) {
      int status =
          refusal.startsWith("Unauthorized") ? 401 : refusal.startsWith("Unsupported") ? 415 : 403;
      exchange.getRequestBody().close();
      Http.json(exchange, status, Map.of("error", Map.of("code", status, "message", refusal)));
      return;
    }
    chain.doFilter(exchange);
  }

  private String refusal(HttpExchange exchange) {
    int port = exchange.getLocalAddress().getPort();
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host == null || !LOOPBACK_NAMES.contains(hostName(host))) {
      return "Forbidden: this emulator answers to localhost only";
    }
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    if (origin != null && !ownOrigin(origin, port)) {
      return "Forbidden: cross-origin request refused";
    }
    String path = exchange.getRequestURI().getPath();
    boolean api = path.startsWith("/v4/") || path.startsWith("/emulator/");
    if (!api) {
      return null;
    }
    if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
      return "Unauthorized: this emulator needs its owner's token";
    }
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (!WITHOUT_BODY.contains(method)
        && (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json"))) {
      return "Unsupported Content-Type " + type + "; use application/json";
    }
    return null;
  }

  private boolean authorized(String header) {
    byte[] expected = ("Bearer " + token()).getBytes(StandardCharsets.UTF_8);
    byte[] given = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, given);
  }

  private static String hostName(String host) {
    String lower = host.strip().toLowerCase(Locale.ROOT);
    if (lower.startsWith("[")) {
      int end = lower.indexOf(']');
      return end < 0 ? lower : lower.substring(0, end + 1);
    }
    int colon = lower.indexOf(':');
    return colon < 0 ? lower : lower.substring(0, colon);
  }

  private static boolean ownOrigin(String origin, int port) {
    try {
      URI uri = URI.create(origin.strip());
      String host = uri.getHost();
      if (!"http".equalsIgnoreCase(uri.getScheme()) || host == null) {
        return false;
      }
      String name = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
      return LOOPBACK_NAMES.contains(name.toLowerCase(Locale.ROOT)) && uri.getPort() == port;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
