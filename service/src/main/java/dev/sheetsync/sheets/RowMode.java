package dev.sheetsync.sheets;

/** Whether a mapped row is for a row sheetsync appends or for one it rewrites. */
public enum RowMode {
  /**
   * A new row: writable and seeded cells, formula templates with {@code {row}} filled in;
   * person-owned cells skipped.
   */
  APPEND,
  /** An existing row: writable cells only; formula, seeded and person-owned cells skipped. */
  UPDATE
}
