/**
 * Google Sheets: the client (production, external emulator or embedded emulator), the startup check
 * of the spreadsheet, and the declarative mapping of records to rows.
 */
package dev.sheetsync.sheets;
