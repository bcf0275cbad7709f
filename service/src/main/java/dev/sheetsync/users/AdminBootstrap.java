package dev.sheetsync.users;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin when there are no users, before the server accepts requests, so a fresh
 * installation can be logged into. Runs on every start but does nothing once any user exists.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Users users;
  private final UserAccounts accounts;
  private final AdminProperties properties;

  AdminBootstrap(Users users, UserAccounts accounts, AdminProperties properties) {
    this.users = users;
    this.accounts = accounts;
    this.properties = properties;
  }

  @Override
  public void afterSingletonsInstantiated() {
    createAdminIfNoUsers();
  }

  /** Returns the generated password when one was generated (for tests), else empty. */
  Optional<String> createAdminIfNoUsers() {
    if (users.any()) {
      return Optional.empty();
    }
    String email = properties.emailOrDefault();
    if (properties.hasPassword()) {
      int length = properties.password().length();
      if (length < 8 || !Passwords.withinLimit(properties.password())) {
        throw new IllegalStateException(
            "ADMIN_PASSWORD must be at least 8 characters and at most "
                + Passwords.MAX_BYTES
                + " bytes (UTF-8) long");
      }
      createQuietly(email, properties.password());
      log.info("Created the first admin user '{}' with the password from ADMIN_PASSWORD", email);
      return Optional.empty();
    }
    String password = randomPassword();
    if (createQuietly(email, password)) {
      log.warn(
          """

          ************************************************************************
          Created the first admin user '{}' with the generated password:

              {}

          It is shown only this once. Log in and change it (PATCH /api/users/{id}),
          or set ADMIN_EMAIL and ADMIN_PASSWORD before the first start.
          ************************************************************************""",
          email,
          password);
      return Optional.of(password);
    }
    return Optional.empty();
  }

  /** False when another instance starting at the same time created that admin first. */
  private boolean createQuietly(String email, String password) {
    try {
      accounts.create(email, "Administrator", Role.ADMIN, password);
      return true;
    } catch (dev.sheetsync.system.ApiException alreadyThere) {
      return false;
    }
  }

  private static String randomPassword() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
