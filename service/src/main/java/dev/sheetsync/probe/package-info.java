/**
 * The conformance probe: checks, on a scratch tab of the configured spreadsheet, every Sheets
 * behaviour the write-back relies on, and prints what Google answered.
 */
package dev.sheetsync.probe;
