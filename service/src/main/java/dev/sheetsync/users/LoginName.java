package dev.sheetsync.users;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one canonical form of what a person types as their login (an e-mail): the login looks the
 * account up by it and the login throttle counts failures against it, so that no spelling of an
 * account ({@code Victim@…}, full-width letters, a trailing space) gets its own allowance or slips
 * past a lock. The form is: Unicode NFKC, surrounding white space removed, case folded (upper then
 * lower case, so {@code ß} and {@code SS} meet), NFKC again. Text holding a control character (NUL,
 * CR, LF, {@code U+0001}, …) is not a login name at all and is refused.
 *
 * @param key the canonical form; never null
 */
public record LoginName(String key) {

  /** Longer input is refused: no e-mail address is longer than 254 characters. */
  public static final int MAX_LENGTH = 320;

  public LoginName {
    if (key == null) {
      throw new IllegalArgumentException("a login name is required");
    }
  }

  /**
   * @param typed as typed; null counts as empty
   * @throws InvalidLoginNameException when it holds a control character or is too long
   */
  public static LoginName of(String typed) {
    String text = typed == null ? "" : typed;
    if (text.length() > MAX_LENGTH) {
      throw new InvalidLoginNameException("username must be at most " + MAX_LENGTH + " characters");
    }
    if (text.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
      throw new InvalidLoginNameException("username must not contain control characters");
    }
    String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    String folded = normalized.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    return new LoginName(Normalizer.normalize(folded, Normalizer.Form.NFKC));
  }

  /** Input that cannot name an account; answered with 400 and never evaluated. */
  public static final class InvalidLoginNameException extends IllegalArgumentException {

    InvalidLoginNameException(String message) {
      super(message);
    }
  }
}
