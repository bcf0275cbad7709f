package dev.sheetsync.sheets;

/**
 * What happens when a two-way cell changed in the sheet and its field in the database since
 * sheetsync last wrote it (layout {@code on-conflict}). A conflict is recorded in every case.
 */
public enum OnConflict {
  /** Default: nothing is applied or overwritten; the conflict waits for a person. */
  HOLD,
  /** The database's value is written over the sheet's; the conflict is resolved so. */
  DATABASE,
  /** The sheet's value goes into the record; the conflict is resolved so. */
  SHEET
}
