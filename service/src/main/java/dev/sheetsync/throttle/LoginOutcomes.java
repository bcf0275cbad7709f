package dev.sheetsync.throttle;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Feeds login outcomes to the {@link LoginThrottle}, from the events Spring Security publishes for
 * every authentication attempt (so the throttle counts exactly what the login decided, whatever the
 * response looks like).
 */
@Component
class LoginOutcomes {

  private final LoginThrottle throttle;

  LoginOutcomes(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @EventListener
  void failed(AbstractAuthenticationFailureEvent event) {
    throttle.failed(
        event.getAuthentication().getName(), addressOf(event.getAuthentication().getDetails()));
  }

  @EventListener
  void succeeded(AuthenticationSuccessEvent event) {
    throttle.succeeded(event.getAuthentication().getName());
  }

  private static String addressOf(Object details) {
    return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
  }
}
