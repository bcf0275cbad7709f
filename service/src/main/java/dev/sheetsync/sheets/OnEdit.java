package dev.sheetsync.sheets;

/**
 * What the write-back does with a sheetsync-owned cell that a person changed since sheetsync last
 * wrote it (layout {@code on-edit}). Either way the edit is recorded first as a conflict.
 */
public enum OnEdit {
  /** The database value is written; the person's value stays in the conflict, restorable. */
  OVERWRITE,
  /** sheetsync stops writing that cell for that record until the conflict is resolved. */
  KEEP
}
