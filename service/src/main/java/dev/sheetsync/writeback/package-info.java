/**
 * The write-back: claims queued changes in batches and writes them into the rows that hold their
 * records, found by key, exactly once, with Google's errors and quotas handled.
 */
package dev.sheetsync.writeback;
