/**
 * The admin console at {@code /admin}: queue counts, 24-hour activity, failed items with retry,
 * recent write-back log rows, and a "Run write-back now" button. Server-rendered with a little
 * vanilla JavaScript; no build step.
 */
package dev.sheetsync.admin;
