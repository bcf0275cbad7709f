package dev.sheetsync.users;

import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Fills the login key of users that have none (written before the column existed), at startup and
 * before the server takes requests; until then such a user could not log in.
 */
@Component
class LoginKeys implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(LoginKeys.class);

  private final Users users;

  LoginKeys(Users users) {
    this.users = users;
  }

  @Override
  public void afterSingletonsInstantiated() {
    fillMissing();
  }

  /** Returns how many users got their key. */
  int fillMissing() {
    int filled = 0;
    for (Map.Entry<UUID, String> user : users.withoutLoginKey().entrySet()) {
      try {
        users.setLoginKey(user.getKey(), LoginName.of(user.getValue()));
        filled++;
      } catch (DuplicateKeyException | IllegalArgumentException e) {
        // Two stored addresses that are one account in canonical form: neither is guessed at.
        log.error(
            "User {} cannot log in: their email is another user's in another spelling, or not a"
                + " login name; change it with PATCH /api/users/{}",
            user.getKey(),
            user.getKey());
      }
    }
    return filled;
  }
}
