package dev.sheetsync.writeback;

import com.google.api.client.util.Data;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.AppendValuesResponse;
import com.google.api.services.sheets.v4.model.BatchUpdateSpreadsheetRequest;
import com.google.api.services.sheets.v4.model.BatchUpdateValuesRequest;
import com.google.api.services.sheets.v4.model.DeleteDimensionRequest;
import com.google.api.services.sheets.v4.model.DimensionRange;
import com.google.api.services.sheets.v4.model.Request;
import com.google.api.services.sheets.v4.model.ValueRange;
import dev.sheetsync.sheets.RowMapper;
import dev.sheetsync.sheets.RowMode;
import dev.sheetsync.sheets.SpreadsheetTarget;
import dev.sheetsync.sheets.TabLayout;
import dev.sheetsync.writeback.RecordWork.Op;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The sheet side of a batch, in as few requests as the batch allows: one read of the key columns,
 * one {@code values.append} per tab with new rows, one {@code values.batchUpdate} for every
 * rewrite, mark, clear and formula fix, one {@code spreadsheets.batchUpdate} per tab that deletes
 * rows, and one read of the key columns to verify. Rows are found by key, never trusted by number.
 */
@Component
class SheetWriter {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SheetWriter.class);
  private static final String USER_ENTERED = "USER_ENTERED";

  private final Sheets sheets;
  private final String spreadsheetId;
  private final GoogleCalls calls;
  private final SheetKeys keys;
  private final RowMapper mapper;

  SheetWriter(
      Sheets sheets,
      SpreadsheetTarget target,
      GoogleCalls calls,
      SheetKeys keys,
      RowMapper mapper) {
    this.sheets = sheets;
    this.spreadsheetId = target.spreadsheetId();
    this.calls = calls;
    this.keys = keys;
    this.mapper = mapper;
  }

  /**
   * Writes the open records and settles each (written, skipped, failed or released).
   *
   * @return records of other ids whose rows may have received wrong values (to rewrite), and the
   *     error that should stop the run, if any
   */
  BatchWrite write(List<RecordWork> work, long deadline) {
    List<RecordWork> open = work.stream().filter(RecordWork::open).toList();
    if (open.isEmpty()) {
      return BatchWrite.CLEAN;
    }
    Set<TabLayout> tabs =
        open.stream().map(r -> r.tab).collect(Collectors.toCollection(LinkedHashSet::new));
    Map<TabLayout, KeyIndex> before;
    try {
      // Right before writing: people may have sorted, inserted or deleted rows since last time.
      before = new HashMap<>(keys.read(tabs, deadline));
      removeCopies(before, deadline);
    } catch (GoogleCallException e) {
      return stopOrFail(open, open, e);
    }
    open.forEach(r -> locate(r, before.get(r.tab)));

    // Rewrites first, appends after: an append may insert rows in the middle of a tab (Google
    // appends after the first blank row of the table, e.g. one a clear left), which moves the rows
    // below. Values written before move with their rows; rows read before would go stale.
    List<ValueRange> data = new ArrayList<>();
    List<RecordWork> rewrites = rewrites(open, data);
    if (!data.isEmpty()) {
      try {
        batchUpdate(data, deadline);
        rewrites.forEach(r -> r.wrote(r.row));
      } catch (GoogleCallException e) {
        BatchWrite stop = stopOrFail(open, rewrites, e);
        if (stop.stop() != null) {
          return stop;
        }
      }
    }
    List<ValueRange> formulaFixes = new ArrayList<>();
    for (Map.Entry<TabLayout, List<RecordWork>> tab : byTab(open, Op.APPEND).entrySet()) {
      try {
        append(
            tab.getKey(), tab.getValue(), before.get(tab.getKey()), open, formulaFixes, deadline);
      } catch (GoogleCallException e) {
        BatchWrite stop = stopOrFail(open, tab.getValue(), e);
        if (stop.stop() != null) {
          return stop;
        }
      }
    }
    if (!formulaFixes.isEmpty()) {
      try {
        batchUpdate(formulaFixes, deadline);
      } catch (GoogleCallException e) {
        // The rows are written; only formulas of rows Google put elsewhere than predicted are off.
        log.warn(
            "Could not fix the formulas of {} appended rows: {}",
            formulaFixes.size(),
            e.getMessage());
      }
    }
    for (Map.Entry<TabLayout, List<RecordWork>> tab : byTab(open, Op.DELETE_ROW).entrySet()) {
      try {
        List<Integer> deleted = deleteRows(tab.getKey(), tab.getValue(), before, deadline);
        shiftBelow(open, tab.getKey(), deleted);
      } catch (GoogleCallException e) {
        BatchWrite stop = stopOrFail(open, tab.getValue(), e);
        if (stop.stop() != null) {
          return stop;
        }
      }
    }
    return new BatchWrite(verify(open, before, deadline), null);
  }

  /**
   * A record has one row. A second row with its id is a copy, almost always ours: an append Google
   * applied after we had given up on it (a timeout; the retry re-read the keys before the late
   * request landed, and appended again). The copy goes stale at the next update, so it is removed
   * (bottom-up, rows read again right before: deleting by number is destructive), keeping the first
   * row, which updates have always gone to. Costs nothing when there are no copies.
   */
  private void removeCopies(Map<TabLayout, KeyIndex> read, long deadline)
      throws GoogleCallException {
    for (TabLayout tab : List.copyOf(read.keySet())) {
      if (read.get(tab).copies().isEmpty()) {
        continue;
      }
      int sheetId = keys.sheetId(tab, deadline);
      int removed =
          calls.call(
              "spreadsheets.batchUpdate",
              GoogleCalls.Kind.WRITE,
              deadline,
              attempt -> {
                List<Integer> copies = keys.read(List.of(tab), deadline).get(tab).copies();
                deleteBottomUp(sheetId, copies);
                return copies.size();
              });
      log.warn("Removed {} copied row(s) of a record id from tab '{}'", removed, tab.tabName());
      read.put(tab, keys.read(List.of(tab), deadline).get(tab));
    }
  }

  /** Where the record's row is now: its stored row if that still holds its id, else by key. */
  private void locate(RecordWork record, KeyIndex index) {
    int hint = record.hint();
    int row = hint > 0 && index.idAt(hint).equals(record.key()) ? hint : first(index, record);
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
      record.row = row; // also a CREATE whose append succeeded before a crash: no duplicate
      record.op = Op.UPDATE;
    }
  }

  private static int first(KeyIndex index, RecordWork record) {
    List<Integer> rows = index.rowsOf(record.key());
    return rows.isEmpty() ? 0 : rows.get(0);
  }

  /**
   * Appends a tab's new rows in one request. Formula templates need the row number, known for sure
   * only afterwards: rows are mapped for the predicted rows (below the last key) and any row that
   * landed elsewhere gets its formulas fixed in the batch's {@code values.batchUpdate}.
   */
  private void append(
      TabLayout tab,
      List<RecordWork> records,
      KeyIndex index,
      List<RecordWork> open,
      List<ValueRange> fixes,
      long deadline)
      throws GoogleCallException {
    List<RecordWork> pending = new ArrayList<>(records);
    Map<RecordWork, Integer> predicted = new HashMap<>();
    calls.call(
        "values.append",
        GoogleCalls.Kind.WRITE,
        deadline,
        attempt -> {
          KeyIndex current = index;
          if (attempt > 1) {
            // The failed attempt may have been applied before Google answered (a 503 after the
            // write): rows already there are not appended again.
            current = keys.read(List.of(tab), deadline).get(tab);
            relocate(open, tab, current);
            for (Iterator<RecordWork> it = pending.iterator(); it.hasNext(); ) {
              RecordWork r = it.next();
              int row = first(current, r);
              if (row > 0) {
                appended(r, row, predicted.get(r), fixes);
                it.remove();
              }
            }
            if (pending.isEmpty()) {
              return null;
            }
          }
          int firstRow = Math.max(current.lastRow(), tab.headerRow()) + 1;
          List<List<Object>> rows = new ArrayList<>(pending.size());
          for (int i = 0; i < pending.size(); i++) {
            predicted.put(pending.get(i), firstRow + i);
            rows.add(mapper.toRow(tab, pending.get(i).snapshot, firstRow + i, RowMode.APPEND));
          }
          AppendValuesResponse response =
              sheets
                  .spreadsheets()
                  .values()
                  .append(
                      spreadsheetId, anchor(tab, firstRow - 1), new ValueRange().setValues(rows))
                  .setValueInputOption(USER_ENTERED)
                  .setInsertDataOption("INSERT_ROWS")
                  .execute();
          int actual = RowMapper.firstRowOf(response.getUpdates().getUpdatedRange());
          shift(open, tab, actual, pending.size());
          for (int i = 0; i < pending.size(); i++) {
            appended(pending.get(i), actual + i, firstRow + i, fixes);
          }
          pending.clear();
          return null;
        });
  }

  /**
   * The append's range: column A to the last column, at the last row holding a key. Google appends
   * after the table it finds from the range's first row down; anchored at the whole tab, a blank
   * row people inserted in the middle would end that table early and the rows would land there.
   */
  private static String anchor(TabLayout tab, int lastKeyRow) {
    return RowMapper.quoteTabName(tab.tabName())
        + "!A"
        + lastKeyRow
        + ":"
        + tab.lastColumnLetter()
        + lastKeyRow;
  }

  private void appended(RecordWork record, int row, Integer predictedRow, List<ValueRange> fixes) {
    record.wrote(row);
    if (record.tab.hasFormulas() && (predictedRow == null || predictedRow != row)) {
      fixes.add(range(record.tab, row, mapper.formulaCells(record.tab, row)));
    }
  }

  /** The rewrites, marks and clears of the batch, added to {@code data}. */
  private List<RecordWork> rewrites(List<RecordWork> open, List<ValueRange> data) {
    List<RecordWork> rewrites = new ArrayList<>();
    for (RecordWork r : open) {
      if (!r.open() || r.op == null) {
        continue;
      }
      List<Object> values =
          switch (r.op) {
            case UPDATE ->
                withoutKey(r.tab, mapper.toRow(r.tab, r.snapshot, r.row, RowMode.UPDATE));
            case MARK -> mapper.markDeleted(r.tab, r.row);
            case CLEAR -> mapper.cleared(r.tab);
            default -> null;
          };
      if (values != null) {
        data.add(range(r.tab, r.row, values));
        rewrites.add(r);
      }
    }
    return rewrites;
  }

  /**
   * The key is written once, on append, and never on update: if people move rows between our read
   * and our write, the row we hit keeps its own id, so verification can tell whose row it was.
   */
  private static List<Object> withoutKey(TabLayout tab, List<Object> row) {
    List<Object> copy = new ArrayList<>(row);
    copy.set(tab.keyColumnIndex(), Data.NULL_STRING);
    return copy;
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

  /**
   * Deletes rows bottom-up in one request. Deleting by number is destructive, so the rows are read
   * right before, and again before a retry: the failed attempt may have been applied.
   *
   * @return the deleted row numbers
   */
  private List<Integer> deleteRows(
      TabLayout tab, List<RecordWork> records, Map<TabLayout, KeyIndex> lastRead, long deadline)
      throws GoogleCallException {
    int sheetId = keys.sheetId(tab, deadline);
    List<Integer> deleted = new ArrayList<>();
    calls.call(
        "spreadsheets.batchUpdate",
        GoogleCalls.Kind.WRITE,
        deadline,
        attempt -> {
          KeyIndex index = keys.read(List.of(tab), deadline).get(tab);
          lastRead.put(tab, index);
          Map<RecordWork, Integer> rows = new LinkedHashMap<>();
          for (RecordWork r : records) {
            int row = index.idAt(r.row).equals(r.key()) ? r.row : first(index, r);
            if (row > 0) {
              rows.put(r, row);
            } else if (attempt > 1 && !deleted.isEmpty()) {
              r.wrote(r.row); // gone: the previous attempt deleted it
            } else {
              r.skip("not in the sheet");
            }
          }
          deleted.clear();
          deleted.addAll(rows.values());
          deleteBottomUp(sheetId, rows.values());
          rows.forEach(RecordWork::wrote);
          return null;
        });
    return deleted;
  }

  /** Deletes the rows in one request, bottom-up so that each index still means the row read. */
  private void deleteBottomUp(int sheetId, Collection<Integer> rows) throws IOException {
    List<Request> requests =
        rows.stream()
            .distinct()
            .sorted(Comparator.reverseOrder())
            .map(row -> deleteRow(sheetId, row))
            .toList();
    if (!requests.isEmpty()) {
      sheets
          .spreadsheets()
          .batchUpdate(spreadsheetId, new BatchUpdateSpreadsheetRequest().setRequests(requests))
          .execute();
    }
  }

  private static Request deleteRow(int sheetId, int row) {
    return new Request()
        .setDeleteDimension(
            new DeleteDimensionRequest()
                .setRange(
                    new DimensionRange()
                        .setSheetId(sheetId)
                        .setDimension("ROWS")
                        .setStartIndex(row - 1)
                        .setEndIndex(row)));
  }

  /** Rows inserted at {@code from}: the tab's rows there and below moved down. */
  private static void shift(List<RecordWork> open, TabLayout tab, int from, int count) {
    for (RecordWork r : open) {
      if (r.tab.equals(tab) && r.row >= from) {
        r.row += count;
      }
    }
  }

  /** After a fresh read: the tab's located records whose row no longer holds them, by key. */
  private static void relocate(List<RecordWork> open, TabLayout tab, KeyIndex index) {
    for (RecordWork r : open) {
      if (r.tab.equals(tab) && r.row > 0 && !index.idAt(r.row).equals(r.key())) {
        int row = first(index, r);
        if (row > 0) {
          r.row = row;
        }
      }
    }
  }

  /** Rows below deleted ones moved up. */
  private static void shiftBelow(List<RecordWork> open, TabLayout tab, List<Integer> deleted) {
    for (RecordWork r : open) {
      if (r.tab.equals(tab) && r.op != Op.DELETE_ROW && r.row > 0) {
        int row = r.row;
        r.row -= (int) deleted.stream().filter(d -> d < row).count();
      }
    }
  }

  /**
   * Reads the key columns once more and checks every written row still holds its record. A row that
   * does not was moved by people between our read and our write: our record is released to be
   * written again (to its row, found anew), and the record whose row received our values is
   * rewritten from the database.
   */
  private Set<Repair> verify(
      List<RecordWork> open, Map<TabLayout, KeyIndex> before, long deadline) {
    List<RecordWork> written = open.stream().filter(RecordWork::written).toList();
    Set<TabLayout> tabs = written.stream().map(r -> r.tab).collect(Collectors.toSet());
    if (tabs.isEmpty()) {
      return Set.of();
    }
    Map<TabLayout, KeyIndex> after;
    try {
      after = keys.read(tabs, deadline);
    } catch (GoogleCallException e) {
      return Set.of(); // unverified, not wrong: the next change to these records checks again
    }
    Set<Repair> repairs = new LinkedHashSet<>();
    Set<TabLayout> lostRows = new LinkedHashSet<>();
    for (RecordWork r : written) {
      KeyIndex now = after.get(r.tab);
      String there = now.idAt(r.row);
      switch (r.op) {
        case APPEND -> {
          if (!there.equals(r.key())) {
            int moved = first(now, r);
            if (moved > 0) {
              r.row = moved; // appended rows carry their key: people moved it afterwards
            } else {
              r.release("appended row disappeared while writing; writing it again");
            }
          }
        }
        case UPDATE, MARK -> {
          if (!there.equals(r.key())) {
            r.release("row " + r.row + " held another record when written; writing it again");
            Repair.of(r.tab, there).ifPresent(repairs::add);
          }
        }
        case CLEAR, DELETE_ROW -> {
          if (!now.rowsOf(r.key()).isEmpty()) {
            r.release("row " + r.row + " held another record when cleared; doing it again");
            lostRows.add(r.tab);
          }
        }
      }
    }
    for (TabLayout tab : lostRows) {
      // Ids that vanished without being ours to remove: their rows were cleared or deleted.
      Set<String> vanished = before.get(tab).ids();
      vanished.removeAll(after.get(tab).ids());
      open.stream()
          .filter(r -> r.tab.equals(tab) && (r.op == Op.CLEAR || r.op == Op.DELETE_ROW))
          .forEach(r -> vanished.remove(r.key()));
      vanished.forEach(id -> Repair.of(tab, id).ifPresent(repairs::add));
    }
    return repairs;
  }

  private static Map<TabLayout, List<RecordWork>> byTab(List<RecordWork> open, Op op) {
    return open.stream()
        .filter(r -> r.open() && r.op == op)
        .collect(Collectors.groupingBy(r -> r.tab, LinkedHashMap::new, Collectors.toList()));
  }

  private static ValueRange range(TabLayout tab, int row, List<Object> values) {
    return new ValueRange().setRange(RowMapper.rowRange(tab, row)).setValues(List.of(values));
  }

  /**
   * Settles the records a call failed for: released when the quota or the run's time ran out,
   * failed (one attempt) otherwise. A transient failure (Google struggling beyond our retries) or
   * an unusable spreadsheet stops the run; the records not attempted yet are released.
   */
  private static BatchWrite stopOrFail(
      List<RecordWork> open, List<RecordWork> affected, GoogleCallException e) {
    if (e.outOfBudget()) {
      // Quota or run time used up: not the items' fault, so no attempt is counted against them.
      affected.stream()
          .filter(RecordWork::open)
          .forEach(
              r ->
                  r.release(
                      "not written before the run ran out of quota or time: " + e.getMessage()));
    }
    affected.stream().filter(RecordWork::open).forEach(r -> r.fail(e.getMessage(), false));
    if (!e.stopsTheRun()) {
      return BatchWrite.CLEAN;
    }
    open.stream()
        .filter(RecordWork::open)
        .forEach(r -> r.release("not attempted: the run stopped after " + e.getMessage()));
    return new BatchWrite(Set.of(), e);
  }
}
