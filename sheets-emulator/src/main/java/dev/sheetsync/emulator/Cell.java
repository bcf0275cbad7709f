package dev.sheetsync.emulator;

/**
 * A stored, non-empty cell value. An empty cell is {@code null} in a {@link Sheet}. Formulas keep
 * their source text (with the leading {@code =}) and are evaluated when read.
 */
sealed interface Cell {

  /** A number; {@code date} marks a date serial (days since 1899-12-30) entered as a date. */
  record Num(double value, boolean date) implements Cell {}

  record Text(String value) implements Cell {}

  record Bool(boolean value) implements Cell {}

  record Formula(String source) implements Cell {}
}
