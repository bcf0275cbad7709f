package dev.sheetsync.emulator;

/** Standalone entry point of the Sheets API v4 emulator. */
public final class EmulatorMain {

  private EmulatorMain() {}

  public static void main(String[] args) {
    throw new UnsupportedOperationException("emulator not built yet");
  }
}
