package dev.sheetsync.sheets;

/**
 * One column of a tab, in sheet order. Three kinds:
 *
 * <ul>
 *   <li><b>field</b> ({@code source} set, {@code writable} true): sheetsync writes it on append and
 *       on every update;
 *   <li><b>seeded</b> ({@code source} set, {@code writable} false): written once when sheetsync
 *       appends the row, then owned by people;
 *   <li><b>formula or person-owned</b> ({@code source} null, never writable): a {@code formula}
 *       template is written once into appended rows ({@code {row}} = the row's 1-based number), as
 *       a person would copy the formula down; without a formula the column is never written.
 * </ul>
 *
 * @param header the header cell's exact text
 * @param source a snapshot field ({@code bookingCode}, {@code seller.name}, {@code
 *     request.bookingCode}) or null
 * @param format how the value is written; null = the field's natural format (resolved by {@link
 *     TabLayout})
 * @param writable whether updates write it
 * @param formula an optional template such as {@code =SUMIF(Revenue!B:B,A{row},Revenue!E:E)}
 * @param onEdit what updates do to this cell after a person changed it (default {@link
 *     OnEdit#OVERWRITE}); only for writable columns
 * @param direction which way values flow (default {@link Direction#DB_TO_SHEET}); {@code two-way}
 *     needs a writable column, {@code sheet-to-db} a source field and is never rewritten by updates
 * @param onConflict for two-way columns: who wins when both sides changed (default {@link
 *     OnConflict#HOLD}); null for the others
 */
public record ColumnLayout(
    String header,
    String source,
    ColumnFormat format,
    boolean writable,
    String formula,
    OnEdit onEdit,
    Direction direction,
    OnConflict onConflict) {

  public ColumnLayout {
    if (header == null || header.isBlank()) {
      throw new SheetLayoutException("A column has no header");
    }
    header = header.strip();
    source = blankToNull(source);
    formula = blankToNull(formula);
    if (formula != null && source != null) {
      throw new SheetLayoutException(
          "Column '" + header + "' has both a source and a formula; choose one");
    }
    if (formula != null && writable) {
      throw new SheetLayoutException(
          "Formula column '"
              + header
              + "' must not be writable: its formula is written once on append, never by updates");
    }
    if (formula != null && !formula.startsWith("=")) {
      throw new SheetLayoutException(
          "Formula of column '" + header + "' must start with '=', found: " + formula);
    }
    if (writable && source == null) {
      throw new SheetLayoutException(
          "Column '" + header + "' is writable but has no source field to write");
    }
    if (onEdit == OnEdit.KEEP && !writable) {
      throw new SheetLayoutException(
          "Column '"
              + header
              + "' has on-edit: keep but sheetsync never rewrites it; on-edit is for writable"
              + " columns");
    }
    onEdit = onEdit == null ? OnEdit.OVERWRITE : onEdit;
    direction = direction == null ? Direction.DB_TO_SHEET : direction;
    if (direction != Direction.DB_TO_SHEET && formula != null) {
      throw new SheetLayoutException(
          "Formula column '"
              + header
              + "' cannot be "
              + name(direction)
              + ": formulas are written");
    }
    if (direction != Direction.DB_TO_SHEET && source == null) {
      throw new SheetLayoutException(
          "Column '" + header + "' is " + name(direction) + " but has no record field (source)");
    }
    if (direction == Direction.SHEET_TO_DB && writable) {
      throw new SheetLayoutException(
          "Column '"
              + header
              + "' is sheet-to-db: people own it, so it cannot be writable (leave writable unset)");
    }
    if (direction == Direction.TWO_WAY && !writable) {
      throw new SheetLayoutException(
          "Column '"
              + header
              + "' is two-way but not writable: sheetsync must be able to write it");
    }
    if (onConflict != null && direction != Direction.TWO_WAY) {
      throw new SheetLayoutException(
          "Column '" + header + "' has on-conflict but is not two-way; on-conflict is for two-way");
    }
    onConflict =
        direction == Direction.TWO_WAY && onConflict == null ? OnConflict.HOLD : onConflict;
  }

  /** A column with the default {@code on-edit} ({@link OnEdit#OVERWRITE}). */
  public ColumnLayout(
      String header, String source, ColumnFormat format, boolean writable, String formula) {
    this(header, source, format, writable, formula, null, null, null);
  }

  /** A one-way column with the given {@code on-edit}. */
  public ColumnLayout(
      String header,
      String source,
      ColumnFormat format,
      boolean writable,
      String formula,
      OnEdit onEdit) {
    this(header, source, format, writable, formula, onEdit, null, null);
  }

  /** A column whose values people's edits also bring into the record (or only they write). */
  public static ColumnLayout readIn(
      String header, String source, Direction direction, OnConflict onConflict) {
    return new ColumnLayout(
        header,
        source,
        null,
        direction == Direction.TWO_WAY,
        null,
        null,
        direction,
        direction == Direction.TWO_WAY ? onConflict : null);
  }

  private static String name(Direction direction) {
    return direction.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /**
   * True for the cells sheetsync owns after the row exists (rewritten by every update), the key
   * excepted: the cells whose edits by people are conflicts.
   */
  public boolean owned() {
    return writable && source != null && !"id".equals(source);
  }

  /** True when people's values in this column are read into the record. */
  public boolean readsIn() {
    return direction.readsIn();
  }

  /** A column sheetsync writes from {@code source}, in the field's natural format. */
  public static ColumnLayout field(String header, String source) {
    return new ColumnLayout(header, source, null, true, null);
  }

  /** A column sheetsync writes from {@code source} in the given format. */
  public static ColumnLayout field(String header, String source, ColumnFormat format) {
    return new ColumnLayout(header, source, format, true, null);
  }

  /** A formula column: the template is written once into appended rows. */
  public static ColumnLayout formula(String header, String template) {
    return new ColumnLayout(header, null, null, false, template);
  }

  /** A column people own: never written. */
  public static ColumnLayout personOwned(String header) {
    return new ColumnLayout(header, null, null, false, null);
  }

  /** True when updates never touch this column. */
  public boolean skippedByUpdates() {
    return !writable;
  }

  ColumnLayout withFormat(ColumnFormat resolved) {
    return new ColumnLayout(
        header, source, resolved, writable, formula, onEdit, direction, onConflict);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
