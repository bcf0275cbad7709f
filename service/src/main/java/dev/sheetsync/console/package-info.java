/**
 * What people and machines see of the service: the admin console at {@code /admin} (queue counts,
 * 24-hour activity, waiting and failed items with retry, runs, conflicts, recent log rows, "Run
 * write-back now"; server-rendered with a little vanilla JavaScript, no build step), the queue and
 * pause metrics for Prometheus, and the OpenAPI description. Nothing depends on this package.
 */
package dev.sheetsync.console;
