package dev.sheetsync.users;

import dev.sheetsync.system.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The password rule bcrypt imposes: it reads at most 72 bytes, so a longer password would either
 * fail to hash or be silently cut (and {@code 72×"A" + "EXTRA"} would log in as {@code 72×"A"}).
 * Passwords are limited by their UTF-8 bytes, not characters: 40 × "é" is 80 bytes.
 */
public final class Passwords {

  public static final int MAX_BYTES = 72;

  static final String TOO_LONG = "must be at most " + MAX_BYTES + " bytes in UTF-8";

  private Passwords() {}

  /** False for null. */
  public static boolean withinLimit(String password) {
    return password != null && password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
  }

  /**
   * @throws ApiException 400 naming the field {@code password}
   */
  static void requireWithinLimit(String password) {
    if (!withinLimit(password)) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "Field 'password' " + TOO_LONG, Map.of("password", TOO_LONG));
    }
  }
}
