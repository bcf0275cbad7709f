/**
 * Starting the write-back: the HTTP endpoints ({@code /api/sync/**}), the cron bearer secret, the
 * in-process schedule, and the cluster-wide lock that lets only one run happen at a time.
 */
package dev.sheetsync.sync;
