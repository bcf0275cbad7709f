/** Pauses: problems of the spreadsheet itself that make sync wait instead of failing changes. */
package dev.sheetsync.pause;
