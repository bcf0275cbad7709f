/**
 * Run history: every write-back run with its trigger, instance, timing, counts and why it stopped,
 * listed at {@code GET /api/sync/runs} and in the console, kept for {@code
 * sheetsync.runs.retention}.
 */
package dev.sheetsync.runs;
