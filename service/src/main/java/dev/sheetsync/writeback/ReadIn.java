package dev.sheetsync.writeback;

import dev.sheetsync.conflicts.ConflictDraft;
import dev.sheetsync.conflicts.ConflictResolution;
import dev.sheetsync.conflicts.ConflictResolution.Keep;
import dev.sheetsync.conflicts.Conflicts;
import dev.sheetsync.conflicts.WrittenCells;
import dev.sheetsync.conflicts.WrittenRow;
import dev.sheetsync.records.Attribution;
import dev.sheetsync.records.RecordSnapshot;
import dev.sheetsync.records.RecordSnapshots;
import dev.sheetsync.records.SheetEdits;
import dev.sheetsync.records.SyncModel;
import dev.sheetsync.sheets.CellDisplay;
import dev.sheetsync.sheets.ColumnLayout;
import dev.sheetsync.sheets.Direction;
import dev.sheetsync.sheets.OnConflict;
import dev.sheetsync.sheets.RowMapper;
import dev.sheetsync.sheets.RowMode;
import dev.sheetsync.sheets.SheetLayouts;
import dev.sheetsync.sheets.SheetText;
import dev.sheetsync.sheets.TabLayout;
import dev.sheetsync.system.ApiException;
import dev.sheetsync.writeback.SheetReader.TabColumns;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sheet → database half of a run, before anything is claimed: reads the {@code two-way} and
 * {@code sheet-to-db} columns of every tab (with the key column, in one {@code values.batchGet})
 * and compares each cell with what sheetsync last wrote there (the written base). A cell people
 * changed is:
 *
 * <ul>
 *   <li><b>applied</b> to the record through the API's write path ({@link SheetEdits}: same
 *       validation, one transaction, one outbox row) when the database field is unchanged since the
 *       base, or the column is {@code sheet-to-db} (people own it); the person's value becomes the
 *       cell's base in the same transaction, so the write-back does not see it as an edit, and
 *       writes the cell again only if the record normalised it ({@code paid} → {@code PAID});
 *   <li>a <b>conflict</b> with base, sheet and database values when the field changed on both sides
 *       (the column's {@code on-conflict} may settle it at once: {@code database} or {@code
 *       sheet});
 *   <li>a <b>conflict with the validation message</b> when the record refuses the value ({@code
 *       MAYBE} as a status, a negative amount): nothing is applied, the cell is left as typed.
 * </ul>
 *
 * A person who typed what the database holds already changes only the base. Idempotent: applying
 * moves the base, so a second run (or another instance, after the cluster lock) finds nothing.
 */
@Component
class ReadIn {

  private static final Logger log = LoggerFactory.getLogger(ReadIn.class);

  /** Who resolves conflicts settled by an {@code on-conflict} setting. */
  static final String AUTOMATIC = "sheetsync (on-conflict)";

  /** Who resolves a conflict people settled by typing an acceptable value since. */
  static final String READ_IN = "sheetsync (read-in)";

  private final SheetReader reader;
  private final SheetLayouts layouts;
  private final WrittenCells base;
  private final Conflicts conflicts;
  private final ConflictResolution resolution;
  private final RecordSnapshots snapshots;
  private final SheetEdits edits;
  private final RowMapper mapper;
  private final TransactionTemplate transactions;
  private final RowImports imports;
  private final Attribution attribution;
  private final Counter applied;

  ReadIn(
      SheetReader reader,
      SheetLayouts layouts,
      WrittenCells base,
      Conflicts conflicts,
      ConflictResolution resolution,
      RecordSnapshots snapshots,
      SheetEdits edits,
      RowMapper mapper,
      TransactionTemplate transactions,
      RowImports imports,
      Attribution attribution,
      MeterRegistry meters) {
    this.reader = reader;
    this.layouts = layouts;
    this.base = base;
    this.conflicts = conflicts;
    this.resolution = resolution;
    this.snapshots = snapshots;
    this.edits = edits;
    this.mapper = mapper;
    this.transactions = transactions;
    this.imports = imports;
    this.attribution = attribution;
    this.applied =
        Counter.builder("sheetsync.readin.applied")
            .description("Cells people changed in the sheet that were applied to records")
            .register(meters);
  }

  /**
   * What one read-in did.
   *
   * @param applied cells applied to records
   * @param conflicts conflicts found (refused typed rows included)
   * @param unchanged cells people set to what the record holds already
   * @param imported records created from rows people typed ({@code import-new-rows})
   */
  record Result(int applied, int conflicts, int unchanged, int imported) {
    static final Result NONE = new Result(0, 0, 0, 0);
  }

  /** A cell held by an open conflict where people typed back what sheetsync last wrote. */
  private record Withdrawn(TabLayout tab, UUID id, String header, String shown) {}

  /** One cell people changed: where, what sheetsync last wrote, what it shows now. */
  private record Edit(
      TabLayout tab, ColumnLayout column, UUID id, int row, String written, String shown) {}

  /**
   * Reads in every tab's people-written columns.
   *
   * @param paused models whose tab is paused: left alone
   * @throws GoogleCallException when the sheet cannot be read; nothing is applied then
   */
  Result run(Tabs tabs, Set<SyncModel> paused, long deadline) throws GoogleCallException {
    Map<TabLayout, List<String>> wanted = new LinkedHashMap<>();
    for (TabLayout tab : layouts.tabs()) {
      List<String> headers = new ArrayList<>();
      tab.columns().stream().filter(ColumnLayout::readsIn).forEach(c -> headers.add(c.header()));
      if (tab.importNewRows()) {
        RowImports.headers(tab).stream().filter(h -> !headers.contains(h)).forEach(headers::add);
      }
      if (!headers.isEmpty() && !paused.contains(tab.model())) {
        headers.add(0, tab.keyColumn());
        wanted.put(tab, headers);
      }
    }
    if (wanted.isEmpty()) {
      return Result.NONE;
    }
    Map<TabLayout, TabColumns> read = reader.columns(tabs, wanted, deadline);
    int applied = 0;
    int conflicted = 0;
    int unchanged = 0;
    for (Map.Entry<TabLayout, TabColumns> e : read.entrySet()) {
      List<Withdrawn> withdrawn = new ArrayList<>();
      List<Edit> found = edits(e.getKey(), e.getValue(), withdrawn);
      withdraw(withdrawn);
      Result result = settle(e.getKey(), found);
      applied += result.applied();
      conflicted += result.conflicts();
      unchanged += result.unchanged();
    }
    int imported = 0;
    for (Map.Entry<TabLayout, TabColumns> e : read.entrySet()) {
      if (e.getKey().importNewRows()) {
        RowImports.Result result = imports.run(tabs, e.getKey(), e.getValue(), deadline);
        imported += result.created();
        conflicted += result.refused();
      }
    }
    if (applied + conflicted > 0) {
      log.info(
          "Read in from the sheet: {} cell(s) applied to records, {} conflict(s)",
          applied,
          conflicted);
    }
    return new Result(applied, conflicted, unchanged, imported);
  }

  /**
   * Models whose queue must wait this run: a record imported from a typed row whose id is not yet
   * in that row (its CREATE would otherwise append a second row for it).
   */
  Set<SyncModel> waitingForImports() {
    return imports.pendingModels();
  }

  /** The cells whose display differs from the base (pure comparison, no database per row). */
  private List<Edit> edits(TabLayout tab, TabColumns read, List<Withdrawn> withdrawn) {
    Set<String> disputed = conflicts.openCells(tab.model());
    List<ColumnLayout> columns = tab.columns().stream().filter(ColumnLayout::readsIn).toList();
    Map<UUID, WrittenRow> written =
        base.cellsOf(tab.model(), columns.stream().map(ColumnLayout::header).toList());
    List<Object> keys = read.columns().get(tab.keyColumn());
    List<Edit> found = new ArrayList<>();
    Set<UUID> seen = new HashSet<>();
    Set<UUID> copied = new HashSet<>();
    for (int i = tab.headerRow(); keys != null && i < keys.size(); i++) {
      UUID id = uuid(CellDisplay.ofRead(keys.get(i)));
      if (id != null && !seen.add(id)) {
        copied.add(id);
      }
    }
    for (int i = tab.headerRow(); keys != null && i < keys.size(); i++) {
      UUID id = uuid(CellDisplay.ofRead(keys.get(i)));
      if (id == null || copied.contains(id)) {
        // People's own row; or an id in several rows (pasted): which row speaks for the record is
        // not known, so nothing is read in from any of them until the copies are gone.
        continue;
      }
      WrittenRow row = written.get(id);
      for (ColumnLayout column : columns) {
        String before = row == null ? null : row.cell(column.header());
        List<Object> column0 = read.columns().get(column.header());
        String shown = CellDisplay.ofRead(i < column0.size() ? column0.get(i) : null);
        if (row != null && row.ours(column.header(), column.format(), shown)) {
          // What sheetsync wrote (or staged and may have written before a crash). Typed back
          // into a cell a conflict holds, it is the person's latest value in that dispute.
          if (disputed.contains(Conflicts.cell(id, column.header()))) {
            withdrawn.add(new Withdrawn(tab, id, column.header(), shown));
          }
          continue;
        }
        if (before == null && column.direction() == Direction.TWO_WAY) {
          continue; // sheetsync never wrote it: nothing to tell a person's change from ours
        }
        if (before == null && shown.isEmpty()) {
          continue;
        }
        found.add(new Edit(tab, column, id, i + 1, before, shown));
      }
    }
    return found;
  }

  /** Applies, acknowledges or records each edit against the record's current value. */
  private Result settle(TabLayout tab, List<Edit> found) {
    if (found.isEmpty()) {
      return Result.NONE;
    }
    Map<UUID, RecordSnapshot> records =
        snapshots.load(tab.model(), found.stream().map(Edit::id).distinct().toList());
    int applied = 0;
    int conflicted = 0;
    int unchanged = 0;
    for (Edit edit : found) {
      RecordSnapshot record = records.get(edit.id());
      if (record == null) {
        continue; // deleted: its row is the write-back's (delete policy) and reconcile's business
      }
      String database = display(tab, record, edit.column());
      String field = edit.column().source();
      if (CellDisplay.same(edit.column().format(), database, edit.shown())) {
        acknowledge(edit);
        unchanged++;
      } else if (edit.column().direction() == Direction.SHEET_TO_DB
          || edit.written() == null
          || CellDisplay.same(edit.column().format(), edit.written(), database)) {
        // Two-way: only if the field still holds what was just read (an API change committed
        // meanwhile makes it a both-sides conflict instead of being overwritten).
        Object seen = edit.column().direction() == Direction.TWO_WAY ? record.get(field) : null;
        String refused;
        try {
          refused = apply(edit, field, edit.column().direction() == Direction.TWO_WAY, seen);
        } catch (SheetEdits.ChangedMeanwhile e) {
          RecordSnapshot now = snapshots.load(tab.model(), List.of(edit.id())).get(edit.id());
          if (now != null) {
            conflicted += bothChanged(edit, now, display(tab, now, edit.column()));
          }
          continue;
        }
        if (refused == null) {
          applied++;
          this.applied.increment();
        } else {
          conflicts.record(List.of(draft(edit, record, database, refused)));
          conflicted++;
        }
      } else {
        conflicted += bothChanged(edit, record, database);
      }
    }
    return new Result(applied, conflicted, unchanged, 0);
  }

  /** Both sides changed since the base: a conflict, settled at once when the column says so. */
  private int bothChanged(Edit edit, RecordSnapshot record, String database) {
    // The person's value is also checked, so that the conflict says when it could not be kept.
    conflicts.record(List.of(draft(edit, record, database, refusal(edit))));
    OnConflict rule = edit.column().onConflict();
    if (rule == OnConflict.HOLD) {
      return 1;
    }
    long id = conflicts.openId(edit.tab().model(), edit.id(), edit.column().header());
    try {
      attribution.fromSheet(
          () ->
              resolution.resolve(
                  id, rule == OnConflict.SHEET ? Keep.SHEET : Keep.DATABASE, AUTOMATIC));
    } catch (ApiException e) {
      log.info("Conflict {} stays open: {}", id, e.getMessage());
    }
    return 1;
  }

  /**
   * People typed back what sheetsync last wrote into a cell a conflict holds: that is their latest
   * value in the dispute, so the conflict shows it (the cell stays held until it is resolved).
   */
  private void withdraw(List<Withdrawn> withdrawn) {
    for (Withdrawn w : withdrawn) {
      conflicts.retyped(w.tab().model(), w.id(), w.header(), w.shown());
    }
  }

  /** The value into the record and the base, together; the record's refusal, or null. */
  private String apply(Edit edit, String field, boolean ifUnchanged, Object seen) {
    Object value;
    try {
      value = SheetText.value(edit.column().format(), edit.shown());
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    try {
      transactions.executeWithoutResult(
          tx -> {
            attribution.fromSheet(
                () -> {
                  if (ifUnchanged) {
                    edits.applyIfUnchanged(edit.tab().model(), edit.id(), field, value, seen);
                  } else {
                    edits.apply(edit.tab().model(), edit.id(), field, value);
                  }
                });
            base.acknowledge(edit.tab().model(), edit.id(), edit.column().header(), edit.shown());
            // A refused value typed earlier in this cell is settled by the one applied now.
            conflicts.settled(
                edit.tab().model(), edit.id(), edit.column().header(), "SHEET", READ_IN);
          });
      return null;
    } catch (ApiException e) {
      return message(e);
    }
  }

  /**
   * Why the record would refuse the person's value: the write path's own validation, run in a
   * transaction that is rolled back (nothing saved, no outbox row); null when it would take it.
   */
  private String refusal(Edit edit) {
    Object value;
    try {
      value = SheetText.value(edit.column().format(), edit.shown());
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    try {
      transactions.executeWithoutResult(
          tx -> {
            tx.setRollbackOnly();
            edits.apply(edit.tab().model(), edit.id(), edit.column().source(), value);
          });
      return null;
    } catch (ApiException e) {
      return message(e);
    }
  }

  private static String message(ApiException e) {
    return e.fields().isEmpty()
        ? e.getMessage()
        : e.fields().entrySet().iterator().next().getKey()
            + " "
            + e.fields().entrySet().iterator().next().getValue();
  }

  private void acknowledge(Edit edit) {
    transactions.executeWithoutResult(
        tx ->
            base.acknowledge(edit.tab().model(), edit.id(), edit.column().header(), edit.shown()));
  }

  private String display(TabLayout tab, RecordSnapshot record, ColumnLayout column) {
    int index = tab.columns().indexOf(column);
    // APPEND mode maps every sourced column, sheet-to-db ones included.
    return CellDisplay.ofSent(
        mapper.toRow(tab, record, RowMapper.UNKNOWN_ROW, RowMode.APPEND).get(index));
  }

  private static ConflictDraft draft(
      Edit edit, RecordSnapshot record, String database, String message) {
    return new ConflictDraft(
        edit.tab().model(),
        edit.id(),
        edit.tab().tabName(),
        edit.column().header(),
        edit.row(),
        edit.written(),
        edit.shown(),
        database,
        message,
        ConflictDraft.bookingCode(record.fields()),
        ConflictDraft.customer(record.fields()),
        false);
  }

  private static UUID uuid(String text) {
    if (text.length() != 36) {
      return null;
    }
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
