package dev.sheetsync.sheets;

import java.util.UUID;

/**
 * A record value that cannot be written in its column's format (wrong type, unparsable text, a date
 * Sheets cannot hold, text over the cell limit). The write-back fails that one item and writes the
 * rest of its batch.
 */
public class RowMappingException extends RuntimeException {

  private final String tabName;
  private final String column;
  private final UUID recordId;

  public RowMappingException(String tabName, String column, UUID recordId, String problem) {
    super(
        "Cannot write column '"
            + column
            + "' of tab '"
            + tabName
            + "' for record "
            + recordId
            + ": "
            + problem);
    this.tabName = tabName;
    this.column = column;
    this.recordId = recordId;
  }

  public String tabName() {
    return tabName;
  }

  public String column() {
    return column;
  }

  public UUID recordId() {
    return recordId;
  }
}
