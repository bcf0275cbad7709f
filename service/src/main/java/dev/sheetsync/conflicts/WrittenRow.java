package dev.sheetsync.conflicts;

import java.util.Map;

/**
 * What sheetsync last wrote into one record's row.
 *
 * @param cells column header → the value as the sheet displays it ({@link
 *     dev.sheetsync.sheets.CellDisplay#ofSent})
 * @param deleted true once the record's deletion was applied to its row (its tab's delete policy)
 */
public record WrittenRow(Map<String, String> cells, boolean deleted) {

  public WrittenRow {
    cells = Map.copyOf(cells);
  }

  /** The value last written under {@code header}, or null when sheetsync never wrote it. */
  public String cell(String header) {
    return cells.get(header);
  }
}
