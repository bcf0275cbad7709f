package dev.sheetsync.writeback;

import com.google.api.client.util.Data;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesRequest;
import com.google.api.services.sheets.v4.model.ValueRange;
import dev.sheetsync.sheets.CellDisplay;
import dev.sheetsync.sheets.LiveTab;
import dev.sheetsync.sheets.RowMapper;
import dev.sheetsync.sheets.RowMode;
import dev.sheetsync.sheets.SpreadsheetTarget;
import dev.sheetsync.sheets.TabLayout;
import dev.sheetsync.sheets.TabStructureException;
import dev.sheetsync.writeback.RecordWork.Op;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The sheet side of a batch, as a story: <b>read</b> the sheet as it is (header rows and key
 * columns, one {@code values.batchGet}), <b>locate</b> every record's row by key and every column
 * by header, <b>check</b> the rows it updates for people's edits (one read, only for rows it wrote
 * before), <b>insert</b> the rows of new records (one {@code spreadsheets.batchUpdate}),
 * <b>rewrite</b> every row, new or old, under its headers (one {@code values.batchUpdate}),
 * <b>delete</b> rows (one {@code spreadsheets.batchUpdate}), <b>verify</b> (one read). Rows are
 * found by key and columns by header on every batch, never trusted from before.
 *
 * <p>A tab that cannot be written as it is (gone, a layout header missing) holds its records back
 * unharmed (released, no attempt charged) and is reported in {@link BatchWrite#sheet()}, to be
 * paused; the other tabs are written.
 */
@Component
class SheetWriter {

  private static final Logger log = LoggerFactory.getLogger(SheetWriter.class);
  private static final String USER_ENTERED = "USER_ENTERED";

  private final Sheets sheets;
  private final String spreadsheetId;
  private final GoogleCalls calls;
  private final SheetReader reader;
  private final RowInserts inserts;
  private final RowDeletes deletes;
  private final Verification verification;
  private final RowMapper mapper;
  private final EditCheck editCheck;
  private final RowIndexes rowIndexes;
  private final WriteAhead writeAhead;

  SheetWriter(
      Sheets sheets,
      SpreadsheetTarget target,
      GoogleCalls calls,
      SheetReader reader,
      RowInserts inserts,
      RowDeletes deletes,
      Verification verification,
      RowMapper mapper,
      EditCheck editCheck,
      RowIndexes rowIndexes,
      WriteAhead writeAhead) {
    this.sheets = sheets;
    this.spreadsheetId = target.spreadsheetId();
    this.calls = calls;
    this.reader = reader;
    this.inserts = inserts;
    this.deletes = deletes;
    this.verification = verification;
    this.mapper = mapper;
    this.editCheck = editCheck;
    this.rowIndexes = rowIndexes;
    this.writeAhead = writeAhead;
  }

  /** Writes the open records of a batch and settles each (written, skipped, failed, released). */
  BatchWrite write(List<RecordWork> work, Tabs tabs, long deadline) {
    List<RecordWork> open = work.stream().filter(RecordWork::open).toList();
    if (open.isEmpty()) {
      return new BatchWrite(Set.of(), null, null);
    }
    SheetSnapshot sheet;
    Set<Repair> copied;
    try {
      sheet =
          reader.read(tabs, open.stream().map(r -> r.tab).collect(Collectors.toSet()), deadline);
      holdBackPausedTabs(open, sheet.problems());
      copied = removeCopies(sheet, open, deadline);
    } catch (GoogleCallException e) {
      return stopOrFail(open, open, e, null);
    }
    open = open.stream().filter(RecordWork::open).toList();
    open.forEach(r -> locate(r, sheet));
    // The row kept of a copied record may be the copy that never got its values (a late-applied
    // insert): it is written whole, formulas included; copied records outside the batch are
    // queued to be written whole.
    for (RecordWork r : open) {
      if (copied.remove(new Repair(r.tab.model(), r.id))) {
        r.forceWhole = true;
      }
    }
    List<RecordWork> checked = EditCheck.checked(open);
    try {
      editCheck.check(checked, sheet, deadline);
    } catch (GoogleCallException e) {
      // Unchecked rows are not overwritten: a person's edit there would be lost unseen.
      BatchWrite stop = stopOrFail(open, checked, e, sheet);
      if (stop.stop() != null) {
        return stop;
      }
    }
    try {
      inserts.insert(sheet, byTab(open, sheet, Op.APPEND), deadline);
    } catch (GoogleCallException e) {
      BatchWrite stop = stopOrFail(open, withOp(open, Op.APPEND), e, sheet);
      if (stop.stop() != null) {
        return stop;
      }
    }
    List<RecordWork> rewritten = new ArrayList<>();
    List<ValueRange> data = rows(open, sheet, rewritten);
    // Rows that already show every value need no write at all.
    rewritten.stream().filter(r -> r.range == null).forEach(r -> r.wrote(r.row));
    if (!data.isEmpty()) {
      try {
        writeAhead.stage(rewritten.stream().filter(r -> r.range != null).toList());
        batchUpdate(data, deadline);
        rewritten.forEach(r -> r.wrote(r.row));
      } catch (GoogleCallException e) {
        BatchWrite stop = stopOrFail(open, rewritten, e, sheet);
        if (stop.stop() != null) {
          return stop;
        }
      }
    }
    List<RecordWork> deleting = withOp(open, Op.DELETE_ROW);
    if (!deleting.isEmpty()) {
      try {
        deleteRows(sheet, deleting, deadline);
      } catch (GoogleCallException e) {
        BatchWrite stop = stopOrFail(open, deleting, e, sheet);
        if (stop.stop() != null) {
          return stop;
        }
      }
    }
    Set<Repair> repairs = new LinkedHashSet<>(verification.verify(open, sheet, deadline));
    repairs.addAll(copied);
    return new BatchWrite(repairs, null, sheet);
  }

  /** Records of a tab that cannot be written wait for the tab to be fixed, unharmed. */
  private static void holdBackPausedTabs(
      List<RecordWork> open, Map<TabLayout, TabStructureException> problems) {
    for (RecordWork r : open) {
      TabStructureException problem = problems.get(r.tab);
      if (problem != null) {
        r.release("tab " + r.tab.tabName() + " paused: " + problem.getMessage());
      }
    }
  }

  /**
   * A record has one row. A second row with its id is a copy: ours (a request Google applied after
   * we had given up on it) or pasted by people. The copy goes stale at the next update, so it is
   * removed, keeping the row sheetsync last wrote the record to (its stored row, when it still
   * holds the id; else the first). Costs nothing when there are no copies.
   */
  private Set<Repair> removeCopies(SheetSnapshot sheet, List<RecordWork> open, long deadline)
      throws GoogleCallException {
    Set<Repair> copied = new LinkedHashSet<>();
    List<LiveTab> withCopies =
        open.stream()
            .filter(RecordWork::open)
            .map(r -> sheet.tab(r.tab))
            .distinct()
            .filter(t -> !sheet.keys(t.layout()).copies().isEmpty())
            .toList();
    if (!withCopies.isEmpty()) {
      Map<TabLayout, Map<String, Integer>> keep = new LinkedHashMap<>();
      for (LiveTab tab : withCopies) {
        sheet
            .keys(tab.layout())
            .copiedIds()
            .forEach(id -> Repair.of(tab.layout(), id).ifPresent(copied::add));
        keep.put(
            tab.layout(),
            rowIndexes.stored(tab.layout().model(), sheet.keys(tab.layout()).copiedIds()));
      }
      Map<TabLayout, List<Integer>> removed =
          deletes.delete(sheet, withCopies, tab -> index -> index.copies(keep.get(tab)), deadline);
      removed.forEach(
          (tab, rows) ->
              log.warn(
                  "Removed {} copied row(s) of a record id from tab '{}'",
                  rows.size(),
                  tab.tabName()));
    }
    return copied;
  }

  /** Where the record's row is and what the batch does to it. */
  private static void locate(RecordWork record, SheetSnapshot sheet) {
    int row = sheet.rowOf(record);
    if (record.deletes()) {
      if (row == 0) {
        record.skip("not in the sheet");
        return;
      }
      record.row = row;
      record.op =
          switch (record.tab.deletePolicy()) {
            case MARK -> Op.MARK;
            case CLEAR -> Op.CLEAR;
            case DELETE_ROW -> Op.DELETE_ROW;
            case IGNORE -> throw new IllegalStateException("settled by the planner");
          };
    } else if (row == 0) {
      record.op = Op.APPEND; // also an UPDATE whose row people deleted: the record still exists
    } else {
      record.row = row; // also a CREATE whose row was made before a crash: no duplicate
      record.op = Op.UPDATE;
    }
  }

  /**
   * Every row the batch writes, each under its headers: new rows whole (seeded cells and formulas
   * included, for their row number now), updates without the key, marks and clears. A row found by
   * key that sheetsync never confirmed writing (no stored row: a crash after its row was made) is
   * written whole too.
   */
  private List<ValueRange> rows(
      List<RecordWork> open, SheetSnapshot sheet, List<RecordWork> rewritten) {
    List<ValueRange> data = new ArrayList<>();
    for (RecordWork r : open) {
      if (!r.open() || r.op == null || r.op == Op.DELETE_ROW) {
        continue;
      }
      if (r.op == Op.APPEND) {
        r.row = sheet.rowOf(r);
        if (r.row == 0) {
          continue; // its row could not be made; settled by the insert's failure
        }
      }
      List<Object> values =
          switch (r.op) {
            case APPEND, UPDATE ->
                r.rewritesWhole()
                    ? mapper.toRow(r.tab, r.snapshot, r.row, RowMode.APPEND)
                    : withoutHeld(r, mapper.toRow(r.tab, r.snapshot, r.row, RowMode.UPDATE));
            case MARK ->
                r.rowMayBeBare()
                    ? withFormulas(mapper.markDeleted(r.tab, r.row), r)
                    : mapper.markDeleted(r.tab, r.row);
            case CLEAR -> mapper.cleared(r.tab);
            case DELETE_ROW -> throw new IllegalStateException();
          };
      remember(r, values);
      LiveTab tab = sheet.tab(r.tab);
      List<Object> placed = tab.place(values, sheet.byLayoutName());
      if (r.shown != null) {
        placed = withoutShown(placed, r.shown);
      }
      rewritten.add(r);
      if (placed.stream().anyMatch(v -> !Data.isNull(v))) {
        r.range = tab.rowRange(r.row);
        data.add(new ValueRange().setRange(r.range).setValues(List.of(placed)));
      }
    }
    return data;
  }

  /**
   * An update leaves the key and the held cells alone. The key is written when the row is made,
   * never on update: if people move rows between our read and our write, the row we hit keeps its
   * own id, so verification can tell whose row it was. Held cells are people's edits an {@code
   * on-edit: keep} column keeps until their conflict is resolved.
   */
  private static List<Object> withoutHeld(RecordWork r, List<Object> row) {
    List<Object> copy = new ArrayList<>(row);
    copy.set(r.tab.keyColumnIndex(), Data.NULL_STRING);
    for (int i = 0; i < copy.size(); i++) {
      if (r.held.contains(r.tab.columns().get(i).header())) {
        copy.set(i, Data.NULL_STRING);
      }
    }
    return copy;
  }

  /**
   * A row that may be bare ({@link RecordWork#rowMayBeBare()}: made by a run that died before
   * writing its values, or the key-only copy a late-applied insert left) gets its formulas with the
   * marker: a marked row keeps its formulas like every other row.
   */
  private List<Object> withFormulas(List<Object> marked, RecordWork r) {
    List<Object> row = new ArrayList<>(marked);
    List<Object> formulas = mapper.formulaCells(r.tab, r.row);
    for (int i = 0; i < row.size(); i++) {
      if (!Data.isNull(formulas.get(i))) {
        row.set(i, formulas.get(i));
      }
    }
    return row;
  }

  /**
   * Cells that already show what would be written are left out: a value people typed that the
   * record stored as it is costs no write (and a row with nothing new, no request).
   */
  private static List<Object> withoutShown(List<Object> placed, List<Object> shown) {
    List<Object> row = new ArrayList<>(placed);
    for (int i = 0; i < row.size(); i++) {
      String sent = CellDisplay.ofSent(row.get(i));
      if (sent != null && sent.equals(CellDisplay.at(shown, i))) {
        row.set(i, Data.NULL_STRING);
      }
    }
    return row;
  }

  /** What the write puts into the row's field cells, as the sheet will show it: the next base. */
  private static void remember(RecordWork r, List<Object> values) {
    for (int i = 0; i < values.size(); i++) {
      String shown = CellDisplay.ofSent(values.get(i));
      if (shown != null && r.tab.columns().get(i).source() != null) {
        r.cells.put(r.tab.columns().get(i).header(), shown);
      }
    }
  }

  private void batchUpdate(List<ValueRange> data, long deadline) throws GoogleCallException {
    // Rewriting the same values is harmless, so this call is simply repeated on failure.
    calls.call(
        "values.batchUpdate",
        GoogleCalls.Kind.WRITE,
        deadline,
        attempt ->
            sheets
                .spreadsheets()
                .values()
                .batchUpdate(
                    spreadsheetId,
                    new BatchUpdateValuesRequest().setValueInputOption(USER_ENTERED).setData(data))
                .execute());
  }

  /** The delete-row policy: each record's row, found again right before deleting. */
  private void deleteRows(SheetSnapshot sheet, List<RecordWork> records, long deadline)
      throws GoogleCallException {
    Map<TabLayout, List<RecordWork>> byTab =
        records.stream()
            .collect(Collectors.groupingBy(r -> r.tab, LinkedHashMap::new, Collectors.toList()));
    Set<LiveTab> tabs = new LinkedHashSet<>();
    byTab.keySet().forEach(t -> tabs.add(sheet.tab(t)));
    Map<RecordWork, Integer> rows = new LinkedHashMap<>();
    deletes.delete(
        sheet,
        tabs,
        tab ->
            index -> {
              List<Integer> chosen = new ArrayList<>();
              for (RecordWork r : byTab.get(tab)) {
                int row = index.idAt(r.row).equals(r.key()) ? r.row : index.rowOf(r.key());
                if (row > 0) {
                  rows.put(r, row);
                  chosen.add(row);
                } else {
                  rows.remove(r);
                }
              }
              return chosen;
            },
        deadline);
    for (RecordWork r : records) {
      Integer row = rows.get(r);
      if (row != null) {
        r.wrote(row);
      } else if (r.row > 0) {
        r.wrote(r.row); // gone already: an earlier attempt (or a person) deleted it
      } else {
        r.skip("not in the sheet");
      }
    }
  }

  private static Map<LiveTab, List<RecordWork>> byTab(
      List<RecordWork> open, SheetSnapshot sheet, Op op) {
    return withOp(open, op).stream()
        .collect(
            Collectors.groupingBy(r -> sheet.tab(r.tab), LinkedHashMap::new, Collectors.toList()));
  }

  private static List<RecordWork> withOp(List<RecordWork> open, Op op) {
    return open.stream().filter(r -> r.open() && r.op == op).toList();
  }

  /**
   * Settles the records a call failed for. A problem of the spreadsheet (401/403/404) or the quota
   * or run time running out releases them, no attempt charged; any other error is one failed
   * attempt. A transient failure (Google struggling beyond our retries) or an unusable spreadsheet
   * stops the run; the records not attempted yet are released.
   */
  static BatchWrite stopOrFail(
      List<RecordWork> open,
      List<RecordWork> affected,
      GoogleCallException e,
      SheetSnapshot sheet) {
    if (e.outOfBudget() || e.pausesSpreadsheet()) {
      String why =
          e.pausesSpreadsheet()
              ? "spreadsheet paused: " + e.getMessage()
              : "not written before the run ran out of quota or time: " + e.getMessage();
      affected.stream().filter(RecordWork::open).forEach(r -> r.release(why));
    }
    affected.stream().filter(RecordWork::open).forEach(r -> r.fail(e.getMessage(), false));
    if (!e.stopsTheRun()) {
      return new BatchWrite(Set.of(), null, sheet);
    }
    open.stream()
        .filter(RecordWork::open)
        .forEach(r -> r.release("not attempted: the run stopped after " + e.getMessage()));
    return BatchWrite.stopped(e, sheet);
  }
}
