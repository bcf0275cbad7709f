package dev.sheetsync.system;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.slf4j.helpers.MessageFormatter;

/**
 * The log message ({@code %m}, {@code %msg}, {@code %message} in {@code logback-spring.xml}) with
 * every argument's control characters escaped: a username holding CR/LF, or any other value a
 * client sent, cannot forge log lines. The message pattern itself, written by us, keeps its line
 * breaks (the first admin's password banner). Arguments are what loggers fill in with {@code {}}.
 */
public final class LogSafeMessageConverter extends ClassicConverter {

  @Override
  public String convert(ILoggingEvent event) {
    Object[] arguments = event.getArgumentArray();
    if (arguments == null || arguments.length == 0) {
      return event.getFormattedMessage();
    }
    Object[] escaped = new Object[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      escaped[i] = arguments[i] instanceof Throwable ? arguments[i] : escape(arguments[i]);
    }
    return MessageFormatter.arrayFormat(event.getMessage(), escaped).getMessage();
  }

  /** {@code \r}, {@code \n}, other control characters and line separators as Java escapes. */
  static String escape(Object value) {
    String text = String.valueOf(value);
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean unsafe =
          (Character.getType(c) == Character.CONTROL && c != '\t')
              || c == '\u2028'
              || c == '\u2029';
      if (unsafe && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (!unsafe) {
          out.append(c);
        } else if (c == '\r') {
          out.append("\\r");
        } else if (c == '\n') {
          out.append("\\n");
        } else {
          out.append(String.format("\\u%04x", (int) c));
        }
      }
    }
    return out == null ? text : out.toString();
  }
}
