package dev.sheetsync.system;

/**
 * A {@code DATABASE_URL} that cannot be used as written. The message never echoes the URL: it may
 * hold a password.
 */
public class DatabaseUrlException extends IllegalArgumentException {

  private final String action;

  DatabaseUrlException(String message, String action) {
    super(message);
    this.action = action;
  }

  /** What the operator should do about it. */
  public String action() {
    return action;
  }
}
