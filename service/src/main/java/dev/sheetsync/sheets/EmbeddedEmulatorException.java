package dev.sheetsync.sheets;

import java.net.BindException;

/** The embedded Sheets emulator could not start, most often because its port is taken. */
public class EmbeddedEmulatorException extends IllegalStateException {

  private final int port;

  EmbeddedEmulatorException(int port, Throwable cause) {
    super(
        (portInUse(cause)
                ? "Port " + port + " of the embedded Sheets emulator is already in use"
                : "Cannot start the embedded Sheets emulator on port " + port)
            + " ("
            + cause.getMessage()
            + ")",
        cause);
    this.port = port;
  }

  int port() {
    return port;
  }

  private static boolean portInUse(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException) {
        return true;
      }
    }
    return false;
  }
}
