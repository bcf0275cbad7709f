package dev.sheetsync.sheets;

/**
 * What the write-back does to a deleted record's row ({@code mark|clear|delete-row|ignore} in yml).
 */
public enum DeletePolicy {
  /** Write the tab's delete marker (e.g. {@code DELETED}) into its marker column; keep the row. */
  MARK,
  /** Clear the writable cells (key included); formula and person-owned cells stay. */
  CLEAR,
  /** Remove the row ({@code deleteDimension}); rows below move up. */
  DELETE_ROW,
  /** Leave the row as it is (the original behaviour); the item counts as skipped. */
  IGNORE
}
