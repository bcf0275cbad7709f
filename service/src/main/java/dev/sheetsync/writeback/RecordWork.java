package dev.sheetsync.writeback;

import dev.sheetsync.conflicts.Written;
import dev.sheetsync.conflicts.WrittenRow;
import dev.sheetsync.queue.Outcome;
import dev.sheetsync.queue.QueueItem;
import dev.sheetsync.records.RecordSnapshot;
import dev.sheetsync.records.SyncAction;
import dev.sheetsync.sheets.TabLayout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The claimed items of one record in one batch, coalesced: the record's latest state is written
 * once (or its row deleted once), and every item gets the outcome of that one write. Items followed
 * by a DELETE of the same record are moot and complete as skipped. Not thread-safe; lives for one
 * batch.
 */
final class RecordWork {

  /** What the batch does to the record's row. */
  enum Op {
    UPDATE,
    APPEND,
    MARK,
    CLEAR,
    DELETE_ROW
  }

  final TabLayout tab;
  final UUID id;
  final List<QueueItem> items;
  RecordSnapshot snapshot;
  Op op;
  int row;

  /** What sheetsync last wrote into the record's row; null when it never wrote it. */
  WrittenRow base;

  /**
   * Headers of cells this batch must leave as they are: an OPEN conflict in an on-edit keep column.
   */
  final Set<String> held = new HashSet<>();

  /** The row as the batch read it before writing (cells from column A), or null if not read. */
  List<Object> shown;

  /** The range the batch's value write sends for this row, or null when it sends nothing. */
  String range;

  /** Header → displayed value of every cell the batch's write puts into the row. */
  final Map<String, String> cells = new LinkedHashMap<>();

  private Outcome.Kind result;
  private String message;

  RecordWork(TabLayout tab, UUID id, List<QueueItem> items) {
    this.tab = tab;
    this.id = id;
    this.items = List.copyOf(items);
  }

  String key() {
    return id.toString();
  }

  /**
   * Set when the record is gone and one of this batch's items is its DELETE, though a later item (a
   * rewrite queued by a repair or a resolved conflict) follows it: the deletion is what to do.
   */
  boolean deletedInBatch;

  /** True when the record's last change is its deletion (or it is gone, deleted in this batch). */
  boolean deletes() {
    return deletedInBatch || last().action() == SyncAction.DELETE;
  }

  /** The latest row hint: the record's stored row, else the newest item's. Only a hint. */
  int hint() {
    if (snapshot != null && snapshot.sheetRowIndex() != null) {
      return snapshot.sheetRowIndex();
    }
    for (int i = items.size() - 1; i >= 0; i--) {
      if (items.get(i).sheetRowIndex() != null) {
        return items.get(i).sheetRowIndex();
      }
    }
    return 0;
  }

  /**
   * True when the batch writes the row whole (formulas and seeded cells included): a new row, or a
   * row found by key that may lack what sheetsync writes ({@link #rowMayBeBare()}).
   */
  boolean rewritesWhole() {
    return op == Op.APPEND || (op == Op.UPDATE && rowMayBeBare());
  }

  /**
   * True when the row found by key may hold only the key: sheetsync never confirmed writing it (no
   * stored row: a crash after its row was made), or it is the row kept of copies (a late-applied
   * insert's key-only copy may be the one kept). Such a row gets its formulas with whatever the
   * batch writes, a deletion marker included.
   */
  boolean rowMayBeBare() {
    return hint() == 0 || forceWhole;
  }

  /** Set when the record's row had copies this batch removed: the kept row is written whole. */
  boolean forceWhole;

  boolean open() {
    return result == null;
  }

  boolean written() {
    return result == Outcome.Kind.WRITTEN;
  }

  void wrote(int row) {
    this.row = row;
    settle(Outcome.Kind.WRITTEN, null);
  }

  void skip(String why) {
    settle(Outcome.Kind.SKIPPED, why);
  }

  void fail(String error, boolean permanent) {
    settle(permanent ? Outcome.Kind.FAILED_PERMANENTLY : Outcome.Kind.FAILED, error);
  }

  /** Undoes a write that verification could not confirm: the item comes back, unharmed. */
  void release(String why) {
    result = Outcome.Kind.RELEASED;
    message = why;
  }

  private void settle(Outcome.Kind kind, String why) {
    if (result == null) {
      result = kind;
      message = why;
    }
  }

  /** The base to store once the write is confirmed: the cells written, merged into the old ones. */
  Written newBase() {
    return new Written(tab.model(), id, cells, deletes());
  }

  /** One outcome per item; an open record (the run stopped before it) is released. */
  List<Outcome> outcomes() {
    List<Outcome> outcomes = new ArrayList<>(items.size());
    boolean laterDelete = false;
    for (int i = items.size() - 1; i >= 0; i--) {
      QueueItem item = items.get(i);
      if (laterDelete) {
        outcomes.add(
            Outcome.skipped(
                item, tab.tabName(), null, "superseded by a later DELETE of the record"));
      } else {
        outcomes.add(outcome(item));
      }
      laterDelete |= item.action() == SyncAction.DELETE;
    }
    return outcomes;
  }

  private Outcome outcome(QueueItem item) {
    Outcome.Kind kind = result == null ? Outcome.Kind.RELEASED : result;
    String why = result == null ? "run stopped before this item was written" : message;
    return new Outcome(item, kind, tab.tabName(), row > 0 ? row : null, why);
  }

  private QueueItem last() {
    return items.get(items.size() - 1);
  }
}
