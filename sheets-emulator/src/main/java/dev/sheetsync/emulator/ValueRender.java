package dev.sheetsync.emulator;

/** How cell values are rendered on read, as the API's {@code valueRenderOption}. */
public enum ValueRender {
  /** As shown in the UI: numbers and dates formatted as text, formulas as their result. */
  FORMATTED_VALUE,
  /** Numbers (and date serials) as numbers, booleans as booleans, formulas as their result. */
  UNFORMATTED_VALUE,
  /** Formulas as their source text ({@code =SUM(A1:A3)}); other cells as UNFORMATTED_VALUE. */
  FORMULA
}
