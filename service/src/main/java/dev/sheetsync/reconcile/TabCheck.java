package dev.sheetsync.reconcile;

import dev.sheetsync.conflicts.WrittenRow;
import dev.sheetsync.reconcile.ReconcileReport.Cell;
import dev.sheetsync.reconcile.ReconcileReport.Finding;
import dev.sheetsync.records.RecordSnapshot;
import dev.sheetsync.sheets.CellDisplay;
import dev.sheetsync.sheets.ColumnLayout;
import dev.sheetsync.sheets.DeletePolicy;
import dev.sheetsync.sheets.LiveTab;
import dev.sheetsync.sheets.RowMapper;
import dev.sheetsync.sheets.RowMappingException;
import dev.sheetsync.sheets.RowMode;
import dev.sheetsync.sheets.TabLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * One tab compared with its model's records and the written-values base, in three passes that keep
 * only the sheet and a few bits per row in memory: {@link #base} (streamed base rows: which owned
 * cells still show what sheetsync wrote, which differ), {@link #record} (streamed records: missing,
 * copied, stale, edited), then {@link #finish} (orphans). Not thread-safe; lives for one reconcile.
 */
final class TabCheck {

  static final String DELETED_RECORD = "deletedRecord";
  static final String UNKNOWN_ID = "unknownId";

  /** The rows holding one id, and what the base and the database said about it. */
  private static final class Keyed {
    int[] rows = new int[0];
    boolean live;
    boolean based;
    BitSet unchanged;
    List<Cell> edited;
  }

  private final LiveTab tab;
  private final TabLayout layout;
  private final List<List<Object>> sheet;
  private final Set<UUID> queued;
  private final RowMapper mapper;
  private final Findings findings;
  private final Map<UUID, Keyed> keyed = new HashMap<>();
  private final int[] owned;
  private final int bookingColumn;
  private final int customerColumn;

  TabCheck(
      LiveTab tab,
      List<List<Object>> sheet,
      Set<UUID> queued,
      RowMapper mapper,
      Findings findings) {
    this.tab = tab;
    this.layout = tab.layout();
    this.sheet = sheet;
    this.queued = queued;
    this.mapper = mapper;
    this.findings = findings;
    List<ColumnLayout> columns = layout.columns();
    this.owned = IntStream.range(0, columns.size()).filter(i -> columns.get(i).owned()).toArray();
    this.bookingColumn = sourceColumn("bookingCode", "request.bookingCode");
    this.customerColumn = sourceColumn("customerName", "request.customerName");
    index();
  }

  /** Which rows hold which id; rows without an id are people's own. */
  private void index() {
    for (int row = layout.firstDataRow(); row <= sheet.size(); row++) {
      List<Object> cells = sheet.get(row - 1);
      if (cells == null || cells.stream().allMatch(c -> CellDisplay.ofRead(c).isBlank())) {
        continue;
      }
      findings.rows++;
      UUID id = recordId(CellDisplay.at(cells, tab.keyColumn()).strip());
      if (id == null) {
        findings.foreignRows++;
        continue;
      }
      Keyed k = keyed.computeIfAbsent(id, x -> new Keyed());
      k.rows = Arrays.copyOf(k.rows, k.rows.length + 1);
      k.rows[k.rows.length - 1] = row;
    }
  }

  /** A base row: which owned cells of the record's (first) row still show what sheetsync wrote. */
  void base(UUID id, WrittenRow written) {
    Keyed k = keyed.get(id);
    if (k == null) {
      return;
    }
    k.based = true;
    k.unchanged = new BitSet(layout.width());
    List<Object> cells = sheet.get(k.rows[0] - 1);
    for (int i : owned) {
      ColumnLayout column = layout.columns().get(i);
      String wrote = written.cell(column.header());
      if (wrote == null) {
        continue; // never written there: nothing to compare with
      }
      String shown = CellDisplay.at(cells, tab.column(i));
      if (written.ours(column.header(), column.format(), shown)) {
        k.unchanged.set(i);
      } else {
        if (k.edited == null) {
          k.edited = new ArrayList<>(1);
        }
        k.edited.add(new Cell(column.header(), shown, wrote, null));
      }
    }
  }

  /** A live record: is it in the sheet, once, and does its row show its values? */
  void record(RecordSnapshot record) {
    Keyed k = keyed.get(record.id());
    boolean pending = queued.contains(record.id());
    if (k == null) {
      if (!pending) {
        findings.missing.add(finding(record, List.of(), null, List.of()));
      }
      return;
    }
    k.live = true;
    List<Integer> rows = Arrays.stream(k.rows).boxed().toList();
    if (k.rows.length > 1) {
      findings.duplicates.add(finding(record, rows, null, List.of()));
    }
    if (!k.based) {
      return; // written before the base existed: judged once sheetsync has rewritten it
    }
    List<Object> values;
    try {
      values = mapper.toRow(layout, record, k.rows[0], RowMode.UPDATE);
    } catch (RowMappingException e) {
      return; // cannot be written at all; the write-back reports it
    }
    List<Object> cells = sheet.get(k.rows[0] - 1);
    List<Cell> stale = new ArrayList<>();
    List<Cell> edited = new ArrayList<>();
    for (int i : owned) {
      ColumnLayout column = layout.columns().get(i);
      String database = CellDisplay.ofSent(values.get(i));
      String shown = CellDisplay.at(cells, tab.column(i));
      if (k.unchanged.get(i) && !pending && !CellDisplay.same(column.format(), database, shown)) {
        stale.add(new Cell(column.header(), shown, null, database));
      }
    }
    if (k.edited != null) {
      for (Cell cell : k.edited) {
        int i = layout.columnIndex(cell.column());
        String database = CellDisplay.ofSent(values.get(i));
        // As the write-back judges it: a person who typed what the database holds loses nothing;
        // a two-way cell people changed is not an edit to report but a value the next run reads in.
        if (!layout.columns().get(i).readsIn()
            && !CellDisplay.same(layout.columns().get(i).format(), database, cell.sheetValue())) {
          edited.add(new Cell(cell.column(), cell.sheetValue(), cell.writtenValue(), database));
        }
      }
    }
    List<Integer> first = List.of(k.rows[0]);
    if (!stale.isEmpty()) {
      findings.stale.add(finding(record, first, null, stale));
    }
    if (!edited.isEmpty()) {
      findings.edited.add(finding(record, first, null, edited));
    }
  }

  /**
   * Ids with no live record. One sheetsync wrote (it has a base row) is an orphan only where its
   * row no longer shows the tab's delete policy; one it never wrote was typed by hand. Ids with a
   * change queued are pending.
   */
  void finish() {
    keyed.forEach(
        (id, k) -> {
          if (k.live || queued.contains(id)) {
            return;
          }
          List<Integer> rows = new ArrayList<>();
          for (int row : k.rows) {
            if (!k.based || !showsDeletion(sheet.get(row - 1))) {
              rows.add(row);
            }
          }
          if (!rows.isEmpty()) {
            List<Object> cells = sheet.get(rows.get(0) - 1);
            findings.orphans.add(
                new Finding(
                    layout.tabName(),
                    layout.model().dbName(),
                    id,
                    rows,
                    shownAt(cells, bookingColumn),
                    shownAt(cells, customerColumn),
                    k.based ? DELETED_RECORD : UNKNOWN_ID,
                    List.of()));
          }
        });
  }

  private boolean showsDeletion(List<Object> cells) {
    DeletePolicy policy = layout.deletePolicy();
    return switch (policy) {
      case IGNORE -> true;
      case MARK ->
          CellDisplay.at(cells, tab.column(layout.deleteMarkerColumnIndex()))
              .strip()
              .equals(layout.deleteMarker());
      // A cleared row has no id and a deleted row is gone: a row still holding the id shows
      // neither.
      case CLEAR, DELETE_ROW -> false;
    };
  }

  private Finding finding(
      RecordSnapshot record, List<Integer> rows, String origin, List<Cell> cells) {
    return new Finding(
        layout.tabName(),
        layout.model().dbName(),
        record.id(),
        rows,
        text(record.get("bookingCode"), record.get("request.bookingCode")),
        text(record.get("customerName"), record.get("request.customerName")),
        origin,
        cells);
  }

  private int sourceColumn(String... sources) {
    for (String source : sources) {
      for (int i = 0; i < layout.width(); i++) {
        if (source.equals(layout.columns().get(i).source())) {
          return tab.column(i);
        }
      }
    }
    return -1;
  }

  private static String shownAt(List<Object> cells, int column) {
    if (column < 0) {
      return null;
    }
    String shown = CellDisplay.at(cells, column);
    return shown.isEmpty() ? null : shown;
  }

  private static String text(Object first, Object second) {
    Object value = first != null ? first : second;
    return value == null ? null : value.toString();
  }

  /** The id in a key cell, or null when the cell holds no record id (empty, or people's text). */
  static UUID recordId(String key) {
    if (key.length() != 36) {
      return null;
    }
    try {
      UUID id = UUID.fromString(key);
      return id.toString().equals(key.toLowerCase(Locale.ROOT)) ? id : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
