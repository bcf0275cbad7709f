package dev.sheetsync.conflicts;

import dev.sheetsync.sheets.CellDisplay;
import dev.sheetsync.sheets.ColumnFormat;
import java.util.Map;

/**
 * What sheetsync last wrote into one record's row.
 *
 * @param cells column header → the value as the sheet displays it ({@link
 *     dev.sheetsync.sheets.CellDisplay#ofSent})
 * @param pending values a batch staged before writing them and never confirmed (the process died,
 *     or the write failed): the sheet may show them, and they are sheetsync's own
 * @param deleted true once the record's deletion was applied to its row (its tab's delete policy)
 */
public record WrittenRow(Map<String, String> cells, Map<String, String> pending, boolean deleted) {

  public WrittenRow {
    cells = Map.copyOf(cells);
    pending = pending == null ? Map.of() : Map.copyOf(pending);
  }

  public WrittenRow(Map<String, String> cells, boolean deleted) {
    this(cells, Map.of(), deleted);
  }

  /**
   * Whether {@code shown} is what sheetsync wrote under {@code header}: the confirmed value, or one
   * a batch staged and may have written before it could confirm it.
   */
  public boolean ours(String header, ColumnFormat format, String shown) {
    String staged = pending.get(header);
    return CellDisplay.same(format, cells.get(header), shown)
        || (staged != null && CellDisplay.same(format, staged, shown));
  }

  /** The value last written under {@code header}, or null when sheetsync never wrote it. */
  public String cell(String header) {
    return cells.get(header);
  }
}
