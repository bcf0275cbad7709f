package dev.sheetsync.reliability;

import java.util.List;
import java.util.Objects;

/**
 * What the consistency check needs to know about one tab: its columns in sheet order, which one
 * holds the record id, who owns each column, and what happens to the row of a deleted record. Built
 * from the service's own layout (see {@link ServiceLayout}) so the check and the service cannot
 * disagree about the mapping.
 */
record TabShape(
    String model, String tab, List<Column> columns, DeletePolicy deletePolicy, Marker marker) {

  TabShape {
    Objects.requireNonNull(tab, "tab");
    columns = List.copyOf(columns);
    if (columns.stream().filter(c -> c.owner() == Owner.KEY).count() != 1) {
      throw new IllegalArgumentException("tab " + tab + " needs exactly one key column");
    }
    if (deletePolicy == DeletePolicy.MARK && marker == null) {
      throw new IllegalArgumentException("tab " + tab + " marks deletes but has no marker");
    }
  }

  int keyColumn() {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).owner() == Owner.KEY) {
        return i;
      }
    }
    throw new IllegalStateException("unreachable");
  }

  List<String> headers() {
    return columns.stream().map(Column::header).toList();
  }

  /**
   * Who may write a column. sheetsync writes KEY and WRITABLE; FORMULA and PEOPLE belong to others;
   * SEEDED is written once on append and belongs to people afterwards.
   */
  enum Owner {
    KEY,
    WRITABLE,
    FORMULA,
    PEOPLE,
    SEEDED
  }

  /** What a deleted record's row looks like, per the tab's delete policy. */
  enum DeletePolicy {
    MARK,
    CLEAR,
    DELETE_ROW,
    IGNORE
  }

  /**
   * One column. {@code formulaTemplate} is only set for FORMULA columns the service fills on append
   * ({@code {row}} stands for the row number).
   */
  record Column(String header, Owner owner, String formulaTemplate) {
    Column {
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(owner, "owner");
    }

    boolean writtenBySheetsync() {
      return owner == Owner.KEY || owner == Owner.WRITABLE;
    }
  }

  /** The column index that carries the delete marker, and the marker text. */
  record Marker(int column, String value) {}
}
