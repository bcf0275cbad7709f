/**
 * The cron bearer secret: outside schedulers (Vercel cron, Kubernetes CronJobs) call the sync and
 * reconcile endpoints with {@code Authorization: Bearer <CRON_SECRET>}; checked at startup (at
 * least 32 characters) and in constant time on each request.
 */
package dev.sheetsync.security.cron;
