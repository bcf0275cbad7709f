/**
 * What starts the write-back: the HTTP endpoints ({@code /api/sync/**}, their errors in one
 * advice), the in-process schedule, and the drain on shutdown. Runs take the cluster-wide lock
 * ({@link dev.sheetsync.system.ClusterLock}); outside schedulers authenticate with the cron bearer
 * secret ({@link dev.sheetsync.security.cron}). Nothing depends on this package.
 */
package dev.sheetsync.trigger;
