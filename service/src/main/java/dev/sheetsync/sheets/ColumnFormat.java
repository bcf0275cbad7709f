package dev.sheetsync.sheets;

/**
 * How a column's value is written. Values are sent with {@code valueInputOption=USER_ENTERED} so
 * that numbers and dates become real numbers and dates in the sheet; text is always quoted so it
 * never becomes a formula, number or date.
 */
public enum ColumnFormat {
  /** Literal text, exactly as stored (sent with a leading {@code '}). */
  TEXT,
  /** A number (integers as they are, decimals exactly, never through {@code double}). */
  NUMBER,
  /** A decimal such as money: exact, trailing zeros dropped ({@code 1234.50} lands as 1234.5). */
  DECIMAL,
  /** A date, sent as {@code yyyy-MM-dd}, which Sheets stores as a date serial. */
  DATE,
  /**
   * A timestamp in UTC, sent as {@code yyyy-MM-dd HH:mm:ss}, which Sheets stores as a date-time.
   */
  DATETIME
}
