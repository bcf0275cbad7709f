package dev.sheetsync.sheets;

/**
 * Which way a column's values flow (layout {@code direction}).
 *
 * <ul>
 *   <li>{@link #DB_TO_SHEET} (default): sheetsync writes the record's value; people's edits are
 *       conflicts ({@code on-edit});
 *   <li>{@link #TWO_WAY}: also what people type is read into the record on the next run; when both
 *       sides changed since sheetsync last wrote the cell, a conflict ({@code on-conflict});
 *   <li>{@link #SHEET_TO_DB}: people own the cell; its value is read into the record field and
 *       sheetsync writes it only when it writes the whole row (a new, restored or resynced row).
 * </ul>
 */
public enum Direction {
  DB_TO_SHEET,
  TWO_WAY,
  SHEET_TO_DB;

  /** True when people's values in this column are read into the record. */
  public boolean readsIn() {
    return this != DB_TO_SHEET;
  }
}
