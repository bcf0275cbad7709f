package dev.sheetsync.users;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin, created when the users table is empty.
 *
 * @param email env {@code ADMIN_EMAIL}; blank means {@code admin@localhost}
 * @param password env {@code ADMIN_PASSWORD} (at least 8 characters, at most 72 bytes); blank means
 *     a random password, logged once at WARN
 */
@ConfigurationProperties("sheetsync.admin")
record AdminProperties(String email, String password) {

  static final String DEFAULT_EMAIL = "admin@localhost";

  String emailOrDefault() {
    return email == null || email.isBlank() ? DEFAULT_EMAIL : email.trim();
  }

  boolean hasPassword() {
    return password != null && !password.isBlank();
  }
}
