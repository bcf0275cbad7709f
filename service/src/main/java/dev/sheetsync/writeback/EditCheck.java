package dev.sheetsync.writeback;

import dev.sheetsync.conflicts.ConflictDraft;
import dev.sheetsync.conflicts.Conflicts;
import dev.sheetsync.sheets.CellDisplay;
import dev.sheetsync.sheets.ColumnLayout;
import dev.sheetsync.sheets.LiveTab;
import dev.sheetsync.sheets.OnEdit;
import dev.sheetsync.sheets.RowMapper;
import dev.sheetsync.sheets.RowMode;
import dev.sheetsync.writeback.RecordWork.Op;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds people's edits before a batch overwrites them (or its deletion removes them: a deleted
 * record's row loses what people typed into sheetsync's cells, so that is a conflict too). The rows
 * the batch updates are read whole (one {@code values.batchGet}, only when some row has a base to
 * compare with) and every cell sheetsync owns is compared with what it last wrote there ({@code
 * RecordWork.base}). A difference is a person's edit: it is stored as a conflict (with the written,
 * sheet and database values) before any cell is touched, and the column's {@code on-edit} decides
 * the rest: {@code overwrite} writes the database's value, {@code keep} leaves the cell until the
 * conflict is resolved.
 *
 * <p>No conflict when the person typed what the database holds now (nothing would be lost), when
 * the row no longer holds the record (people moved it since the key read: {@link Verification}
 * deals with that), or for whole-row writes (new rows, rows sheetsync never confirmed writing). A
 * two-way cell people changed during the run is held for the next run's {@link ReadIn}. The rows
 * read are kept ({@code RecordWork.shown}) so the write skips cells that already show their value.
 */
@Component
class EditCheck {

  private static final Logger log = LoggerFactory.getLogger(EditCheck.class);

  private final SheetReader reader;
  private final Conflicts conflicts;
  private final RowMapper mapper;
  private final Counter detected;

  EditCheck(SheetReader reader, Conflicts conflicts, RowMapper mapper, MeterRegistry meters) {
    this.reader = reader;
    this.conflicts = conflicts;
    this.mapper = mapper;
    this.detected =
        Counter.builder("sheetsync.conflicts.detected")
            .description("People's edits of sheetsync-owned cells found before overwriting them")
            .register(meters);
  }

  /**
   * The records whose rows the check reads: updates of rows sheetsync wrote before, and deletions
   * (mark, clear, delete-row), whose rows lose what people typed into sheetsync's cells.
   */
  static List<RecordWork> checked(List<RecordWork> open) {
    return open.stream()
        .filter(
            r ->
                r.open()
                    && ((r.op == Op.UPDATE && !r.rewritesWhole())
                        || r.op == Op.MARK
                        || r.op == Op.CLEAR
                        || r.op == Op.DELETE_ROW))
        .filter(r -> r.base != null && !r.base.deleted())
        .toList();
  }

  /**
   * Compares, records conflicts and marks held cells.
   *
   * @throws GoogleCallException when the rows cannot be read; nothing is recorded then
   */
  void check(List<RecordWork> checked, SheetSnapshot sheet, long deadline)
      throws GoogleCallException {
    if (checked.isEmpty()) {
      return;
    }
    Map<LiveTab, List<Integer>> wanted =
        checked.stream()
            .collect(
                Collectors.groupingBy(
                    r -> sheet.tab(r.tab),
                    LinkedHashMap::new,
                    Collectors.mapping(r -> r.row, Collectors.toList())));
    var rows = reader.rows(wanted, deadline);
    List<ConflictDraft> drafts = new ArrayList<>();
    for (RecordWork r : checked) {
      LiveTab tab = sheet.tab(r.tab);
      List<Object> row = rows.get(r.tab).get(r.row);
      if (row == null || !CellDisplay.at(row, tab.keyColumn()).equals(r.key())) {
        continue;
      }
      boolean deleting = r.deletes();
      if (!deleting) {
        r.shown = row;
      }
      List<Object> database =
          deleting ? null : mapper.toRow(r.tab, r.snapshot, r.row, RowMode.UPDATE);
      for (int i = 0; i < r.tab.width(); i++) {
        ColumnLayout column = r.tab.columns().get(i);
        String written = column.owned() ? r.base.cell(column.header()) : null;
        if (written == null) {
          continue;
        }
        String shown = CellDisplay.at(row, tab.column(i));
        String now = deleting ? null : CellDisplay.ofSent(database.get(i));
        if (r.base.ours(column.header(), column.format(), shown)
            || CellDisplay.same(column.format(), now, shown)) {
          continue;
        }
        if (deleting) {
          // The record is gone; its row takes the delete policy. The person's value is kept here.
          drafts.add(
              draft(r, column, written, shown, null, "record deleted; its row was " + policy(r)));
          continue;
        }
        if (column.readsIn()) {
          // A two-way cell people changed during this run: the next run's read-in applies it.
          r.held.add(column.header());
          continue;
        }
        drafts.add(draft(r, column, written, shown, now, null));
        if (column.onEdit() == OnEdit.KEEP) {
          r.held.add(column.header());
        }
      }
    }
    if (!drafts.isEmpty()) {
      int opened = conflicts.record(drafts);
      detected.increment(opened);
      log.warn(
          "People edited {} sheetsync-owned cell(s) ({} new conflict(s)); kept in"
              + " /api/sync/conflicts",
          drafts.size(),
          opened);
    }
  }

  private static ConflictDraft draft(
      RecordWork r,
      ColumnLayout column,
      String written,
      String shown,
      String database,
      String message) {
    return new ConflictDraft(
        r.tab.model(),
        r.id,
        r.tab.tabName(),
        column.header(),
        r.row,
        written,
        shown,
        database,
        message,
        ConflictDraft.bookingCode(fields(r)),
        ConflictDraft.customer(fields(r)),
        r.deletes() || column.onEdit() == OnEdit.OVERWRITE);
  }

  private static String policy(RecordWork r) {
    return switch (r.op) {
      case MARK -> "marked " + r.tab.deleteMarker();
      case CLEAR -> "cleared";
      case DELETE_ROW -> "deleted";
      default -> String.valueOf(r.op);
    };
  }

  /** The record's fields, or for a deleted record its last change's payload (taken before). */
  private static Map<String, Object> fields(RecordWork r) {
    return r.snapshot != null ? r.snapshot.fields() : r.items.get(r.items.size() - 1).payload();
  }
}
