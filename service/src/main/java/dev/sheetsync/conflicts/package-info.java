/**
 * What sheetsync knows about the cells it wrote: the written-values base ({@link WrittenCells}) and
 * the conflicts found when the sheet no longer shows it ({@link Conflicts}, resolved through {@link
 * ConflictResolution} and {@code /api/sync/conflicts}).
 */
package dev.sheetsync.conflicts;
