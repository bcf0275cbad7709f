package dev.sheetsync.system;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Turns an unusable {@code DATABASE_URL} (written wrong, or pointing at nothing) into one clear
 * startup message instead of ~150 lines starting with whichever bean needed the database first.
 * First of all analyzers: the generic ones would otherwise describe the bean, not the database.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseFailureAnalyzer implements FailureAnalyzer {

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof DatabaseUrlException url) {
        return new FailureAnalysis(url.getMessage(), url.action(), url);
      }
    }
    SQLException connection = connectionFailure(failure);
    if (connection == null) {
      return null;
    }
    return new FailureAnalysis(
        "Cannot connect to the database of DATABASE_URL: " + connection.getMessage(),
        "Check DATABASE_URL: the host and port, that PostgreSQL runs there and accepts connections"
            + " from this machine (firewall, the host's allow-list, sslmode), the database name,"
            + " and the user and password (or DATABASE_USERNAME and DATABASE_PASSWORD). Unset"
            + " DATABASE_URL to use the embedded PostgreSQL instead.",
        failure);
  }

  /**
   * The driver's own report of a failed connection (SQL state class 08 connection, 28 credentials,
   * 3D000 no such database), the innermost one: it names host and port, never the password.
   */
  private static SQLException connectionFailure(Throwable failure) {
    SQLException found = null;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("28") || state.equals("3D000")) {
          found = sql;
        }
      }
      if ((cause instanceof ConnectException || cause instanceof UnknownHostException)
          && found == null) {
        found = new SQLException(cause.toString(), "08001", cause);
      }
    }
    return found;
  }
}
