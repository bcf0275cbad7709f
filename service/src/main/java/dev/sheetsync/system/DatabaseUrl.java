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

  private static final String FORMS =
      "Set DATABASE_URL to jdbc:postgresql://host:port/db or postgres://user:password@host:port/db,"
          + " or unset it to use the embedded PostgreSQL.";

  private static final String ENCODE =
      "Percent-encode the user and password in DATABASE_URL (@ as %40, # as %23, / as %2F,"
          + " ? as %3F, : as %3A, % as %25), or leave the password out of the URL and set it in"
          + " DATABASE_PASSWORD (and the user in DATABASE_USERNAME).";

  public DatabaseUrl {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new DatabaseUrlException("DATABASE_URL must point to PostgreSQL", FORMS);
    }
  }

  /**
   * Parses {@code url}; {@code usernameOverride}/{@code passwordOverride} win when not blank.
   *
   * @throws DatabaseUrlException naming the accepted forms, or saying that the credentials need
   *     percent-encoding, without echoing the URL (it may hold a password)
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
        uri = null;
      }
      if (uri == null || uri.getHost() == null || uri.getRawFragment() != null) {
        throw unusable(trimmed, uri);
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
      throw new DatabaseUrlException(
          "DATABASE_URL must start with jdbc:postgresql:// or postgres://", FORMS);
    }
    if (usernameOverride != null && !usernameOverride.isBlank()) {
      user = usernameOverride;
    }
    if (passwordOverride != null && !passwordOverride.isBlank()) {
      pass = passwordOverride;
    }
    return new DatabaseUrl(jdbc, user, pass);
  }

  /**
   * Why a postgres:// URL does not parse. The usual cause is a password holding {@code @ # / ?}
   * pasted as it is: the URL then seems to have no host, or a fragment where the password went.
   */
  private static DatabaseUrlException unusable(String url, URI parsed) {
    String rest = url.substring(url.indexOf("://") + 3);
    int lastAt = rest.lastIndexOf('@');
    String credentials = lastAt < 0 ? "" : rest.substring(0, lastAt);
    boolean unencoded =
        credentials.chars().anyMatch(c -> "@#/?[] ".indexOf(c) >= 0)
            || credentials.indexOf(':') != credentials.lastIndexOf(':');
    if (unencoded) {
      return new DatabaseUrlException(
          "DATABASE_URL cannot be read: its user or password contains characters that are not"
              + " percent-encoded (one of @ # / ? : [ ] or a space), so the host cannot be found.",
          ENCODE);
    }
    return new DatabaseUrlException(
        parsed == null
            ? "DATABASE_URL is not a valid postgres:// URL"
            : "DATABASE_URL has no host" + (parsed.getRawFragment() != null ? " before '#'" : ""),
        FORMS + " " + ENCODE);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "DatabaseUrl[" + jdbcUrl.replaceAll("password=[^&]*", "password=***") + "]";
  }
}
