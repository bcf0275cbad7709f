package dev.sheetsync.system;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL connection target parsed from either a JDBC URL or the {@code
 * postgres://user:pass@host:port/db} form that Node and Heroku users paste. Credentials in the URL
 * are used unless overridden.
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

  public DatabaseUrl {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("DATABASE_URL must point to PostgreSQL");
    }
  }

  /**
   * Parses {@code url}; {@code usernameOverride}/{@code passwordOverride} win when not blank.
   *
   * @throws IllegalArgumentException naming the accepted forms, without echoing the URL (it may
   *     hold a password)
   */
  public static DatabaseUrl parse(String url, String usernameOverride, String passwordOverride) {
    String trimmed = url == null ? "" : url.trim();
    String jdbc;
    String user = null;
    String pass = null;
    if (trimmed.startsWith("jdbc:postgresql:")) {
      jdbc = trimmed;
    } else if (trimmed.startsWith("postgres://") || trimmed.startsWith("postgresql://")) {
      URI uri;
      try {
        uri = URI.create(trimmed);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("DATABASE_URL is not a valid postgres:// URL");
      }
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("DATABASE_URL has no host");
      }
      String userInfo = uri.getRawUserInfo();
      if (userInfo != null) {
        int colon = userInfo.indexOf(':');
        user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        pass = colon < 0 ? null : decode(userInfo.substring(colon + 1));
      }
      int port = uri.getPort() < 0 ? 5432 : uri.getPort();
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
      jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + path + query;
    } else {
      throw new IllegalArgumentException(
          "DATABASE_URL must start with jdbc:postgresql:// or postgres://");
    }
    if (usernameOverride != null && !usernameOverride.isBlank()) {
      user = usernameOverride;
    }
    if (passwordOverride != null && !passwordOverride.isBlank()) {
      pass = passwordOverride;
    }
    return new DatabaseUrl(jdbc, user, pass);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "DatabaseUrl[" + jdbcUrl.replaceAll("password=[^&]*", "password=***") + "]";
  }
}
