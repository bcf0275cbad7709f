package dev.sheetsync.security.throttle;

import dev.sheetsync.users.LoginName;
import dev.sheetsync.users.SignedInUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Tells the {@link LoginThrottle} about successful logins, from the event Spring Security publishes
 * (so the throttle learns exactly what the login decided, whatever the response looks like).
 * Failures need no event: every attempt was counted as one before its password was checked.
 */
@Component
class LoginOutcomes {

  private final LoginThrottle throttle;

  LoginOutcomes(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @EventListener
  void succeeded(AuthenticationSuccessEvent event) {
    if (!(event.getAuthentication().getPrincipal() instanceof SignedInUser)) {
      return; // not a form login (e.g. the cron bearer)
    }
    // The name of the account found, whose canonical form is the key the attempt was counted on.
    throttle.succeeded(
        LoginName.of(event.getAuthentication().getName()),
        addressOf(event.getAuthentication().getDetails()));
  }

  private static String addressOf(Object details) {
    return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
  }
}
