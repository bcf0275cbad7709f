package dev.sheetsync.security;

import dev.sheetsync.users.SignedInUser;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** Checks permissions through the role of the {@link SignedInUser}, see {@link SecurityRules}. */
final class PermissionAuthorizationManager
    implements AuthorizationManager<RequestAuthorizationContext> {

  private final List<String> permissions;

  PermissionAuthorizationManager(String... permissions) {
    this.permissions = List.copyOf(Arrays.asList(permissions));
  }

  @Override
  public AuthorizationResult authorize(
      Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
    Authentication auth = authentication.get();
    boolean granted =
        auth != null
            && auth.isAuthenticated()
            && auth.getPrincipal() instanceof SignedInUser user
            && permissions.stream().anyMatch(user::hasPermission);
    return new Decision(granted, permissions);
  }

  /** Carries the permission so the 403 can name it. */
  static final class Decision extends AuthorizationDecision {

    private final List<String> permissions;

    Decision(boolean granted, List<String> permissions) {
      super(granted);
      this.permissions = permissions;
    }

    String describe() {
      return permissions.size() == 1
          ? "requires permission '" + permissions.get(0) + "'"
          : "requires one of the permissions " + permissions;
    }
  }
}
