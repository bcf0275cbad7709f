package dev.sheetsync.queue;

/** Rows removed by {@link SyncQueue#cleanupCompleted}. */
public record CleanupResult(int queueItemsDeleted, int logRowsDeleted) {}
