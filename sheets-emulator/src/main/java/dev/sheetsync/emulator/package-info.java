/**
 * A stateful, in-memory Google Sheets API v4 emulator: {@link
 * dev.sheetsync.emulator.SheetsEmulator} is the facade, {@link
 * dev.sheetsync.emulator.EmulatorControl} the test controls; everything else is package-private.
 */
package dev.sheetsync.emulator;
