package dev.sheetsync.security;

import dev.sheetsync.system.ApiException;
import dev.sheetsync.users.Permissions;
import dev.sheetsync.users.SignedInUser;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The user of the current request, for code that needs more than the URL rules of {@link
 * SecurityRules} (field-level checks, "default to myself"). Reads the thread's security context:
 * call it on the request thread only.
 */
public final class CurrentUser {

  private CurrentUser() {}

  /** Empty when nobody is logged in (anonymous, or a non-user caller such as a cron token). */
  public static Optional<SignedInUser> get() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof SignedInUser u) {
      return Optional.of(u);
    }
    return Optional.empty();
  }

  /**
   * @throws ApiException 403 when nobody is logged in (URL rules normally answer 401 before this)
   */
  public static SignedInUser require() {
    return get().orElseThrow(() -> ApiException.forbidden("a logged-in user is required"));
  }

  /** As {@link Permissions#hasPermission} for the current user; false when nobody is logged in. */
  public static boolean hasPermission(String permission) {
    return get().map(u -> u.hasPermission(permission)).orElse(false);
  }

  /**
   * @throws ApiException 403 {@code "Forbidden: requires permission '…'"} when not granted
   */
  public static void requirePermission(String permission) {
    if (!hasPermission(permission)) {
      throw ApiException.forbidden("requires permission '" + permission + "'");
    }
  }
}
