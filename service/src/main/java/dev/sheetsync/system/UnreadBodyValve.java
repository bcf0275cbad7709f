package dev.sheetsync.system;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * After {@link SlowBodyGuard} refused a body (408, 503), closes the connection without reading the
 * rest of it. Tomcat would otherwise swallow the unread bytes to keep the connection alive, on the
 * request thread, at whatever pace the slow client sends them: the very thread the refusal was
 * meant to free.
 */
final class UnreadBodyValve extends ValveBase {

  static final String DROP_BODY = UnreadBodyValve.class.getName() + ".drop";

  UnreadBodyValve() {
    super(true);
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    try {
      getNext().invoke(request, response);
    } finally {
      if (request.getAttribute(DROP_BODY) != null) {
        request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
      }
    }
  }
}
