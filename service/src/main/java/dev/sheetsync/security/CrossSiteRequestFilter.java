package dev.sheetsync.security;

import dev.sheetsync.system.JsonErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses state-changing requests that a browser sent on behalf of another site, in place of CSRF
 * tokens (which would break curl and scripts using a session cookie). A browser marks such requests
 * with {@code Sec-Fetch-Site: cross-site}/{@code same-site} or an {@code Origin} other than ours;
 * non-browser clients send neither and pass. Only requests carrying cookies are checked (a bearer
 * token is not sent by a browser on its own), except {@code POST /login}: a forged login would sign
 * the victim into the attacker's account.
 */
final class CrossSiteRequestFilter extends OncePerRequestFilter {

  static final String REFUSED = "Cross-site request refused";

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isRefused(request)) {
      JsonErrors.write(response, HttpStatus.FORBIDDEN, REFUSED);
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean isRefused(HttpServletRequest request) {
    if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
      return false;
    }
    boolean login = SecurityRules.LOGIN.matches(request);
    if (!login && request.getHeader("Cookie") == null) {
      return false;
    }
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if (fetchSite != null) {
      String site = fetchSite.trim().toLowerCase(Locale.ROOT);
      if (site.equals("cross-site") || site.equals("same-site")) {
        return true;
      }
    }
    String origin = request.getHeader("Origin");
    return origin != null && !sameOrigin(origin.trim(), request);
  }

  /** Compares scheme, host and port; "null" or an unparsable Origin is foreign. */
  private static boolean sameOrigin(String origin, HttpServletRequest request) {
    URI uri;
    try {
      uri = URI.create(origin);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      return false;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(scheme);
    String ownScheme = request.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals(ownScheme)
        && uri.getHost().equalsIgnoreCase(request.getServerName())
        && port == request.getServerPort();
  }

  private static int defaultPort(String scheme) {
    return switch (scheme) {
      case "http" -> 80;
      case "https" -> 443;
      default -> -1;
    };
  }
}
