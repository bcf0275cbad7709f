/**
 * The sync queue (a transactional outbox): {@link dev.sheetsync.queue.Outbox} records changes
 * inside the business transaction; the queue operations claim, complete, fail and clean up items.
 */
package dev.sheetsync.queue;
