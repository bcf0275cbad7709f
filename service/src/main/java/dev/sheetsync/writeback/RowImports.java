package dev.sheetsync.writeback;

import dev.sheetsync.conflicts.ConflictDraft;
import dev.sheetsync.conflicts.Conflicts;
import dev.sheetsync.conflicts.WrittenCells;
import dev.sheetsync.conflicts.WrittenRow;
import dev.sheetsync.records.Attribution;
import dev.sheetsync.records.SheetEdits;
import dev.sheetsync.records.SyncModel;
import dev.sheetsync.sheets.ColumnLayout;
import dev.sheetsync.sheets.SheetText;
import dev.sheetsync.sheets.TabLayout;
import dev.sheetsync.system.ApiException;
import dev.sheetsync.writeback.SheetImports.Import;
import dev.sheetsync.writeback.SheetImports.Status;
import dev.sheetsync.writeback.SheetReader.TabColumns;
import dev.sheetsync.writeback.TypedRows.TypedRow;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code import-new-rows}: rows people typed with an empty key cell become records. Runs inside the
 * read-in (the run's cluster lock held, before anything is claimed), on the columns it read:
 *
 * <ol>
 *   <li>a typed row showing exactly what sheetsync last wrote to a record whose id is missing from
 *       the tab is that record's row with its key cell emptied: it gets the id back (a PENDING
 *       import of the existing record), no record is created;
 *   <li>each other typed row ({@link TypedRows}) not imported before is created through the API's
 *       create path ({@link SheetEdits#create}: same validation, one outbox row) together with its
 *       import record ({@link SheetImports}, PENDING), in one transaction; a row the record refuses
 *       (or with a required cell empty) is left as it is and becomes a conflict with no record, its
 *       row and first refused column, once (the REFUSED import keeps it from being found again);
 *   <li>the PENDING imports' ids go into their rows' key cells ({@link ImportKeys}: found again by
 *       fingerprint right before the write, checked after it);
 *   <li>an import whose row people changed or removed before its id landed is GONE: its record's
 *       row is appended by the write-back (the record exists); a refused row people changed settles
 *       its conflict (the changed row is a new typed row).
 * </ol>
 *
 * A crash after the record's commit leaves a PENDING import: the next run writes its id instead of
 * creating a second record. While an import is PENDING its model's queue waits ({@link
 * #pendingModels}), so the new record's CREATE finds its id in the typed row and rewrites that row
 * (storing its base and row number) instead of appending a copy.
 */
@Component
class RowImports {

  private static final Logger log = LoggerFactory.getLogger(RowImports.class);

  private final SheetImports imports;
  private final ImportKeys keys;
  private final SheetEdits edits;
  private final Conflicts conflicts;
  private final TransactionTemplate transactions;
  private final Attribution attribution;
  private final WrittenCells written;

  RowImports(
      SheetImports imports,
      ImportKeys keys,
      SheetEdits edits,
      Conflicts conflicts,
      TransactionTemplate transactions,
      Attribution attribution,
      WrittenCells written) {
    this.written = written;
    this.imports = imports;
    this.keys = keys;
    this.edits = edits;
    this.conflicts = conflicts;
    this.transactions = transactions;
    this.attribution = attribution;
  }

  /** What one tab's import did: records created, rows refused, ids verified in their rows. */
  record Result(int created, int refused, int written) {
    static final Result NONE = new Result(0, 0, 0);
  }

  /** The headers an import tab's read-in reads: the key and the import columns. */
  static List<String> headers(TabLayout tab) {
    return tab.importColumns().stream().map(ColumnLayout::header).toList();
  }

  /** Models whose queue waits: an imported record's id is not yet in its typed row. */
  Set<SyncModel> pendingModels() {
    return imports.pendingModels();
  }

  /**
   * Imports the typed rows of one tab as read by this run's read-in, then writes the ids.
   *
   * @throws GoogleCallException when writing or checking the ids fails; created records stay
   *     PENDING and the next run writes their ids
   */
  Result run(Tabs tabs, TabLayout tab, TabColumns read, long deadline) throws GoogleCallException {
    Result found = importRows(tab, read);
    List<Import> pending =
        found == Result.NONE
            ? List.of()
            : imports.live(read.tab().sheetId()).stream()
                .filter(i -> i.status() == Status.PENDING)
                .toList();
    int written = pending.isEmpty() ? 0 : keys.write(tabs, tab, pending, deadline);
    if (found.created() + found.refused() + written > 0) {
      log.info(
          "Imported rows typed into '{}': {} record(s) created, {} refused, {} id(s) written",
          tab.tabName(),
          found.created(),
          found.refused(),
          written);
    }
    return new Result(found.created(), found.refused(), written);
  }

  /**
   * The database half: creates or refuses each typed row not imported before, and settles the
   * imports whose rows are gone. Writes nothing to the sheet (a run that dies right after it leaves
   * PENDING imports for the next run).
   *
   * @return {@link Result#NONE} when the tab has neither typed rows nor live imports
   */
  Result importRows(TabLayout tab, TabColumns read) {
    int sheetId = read.tab().sheetId();
    List<TypedRow> typed = TypedRows.of(tab, read.columns());
    Map<String, Import> live =
        imports.live(sheetId).stream()
            .collect(Collectors.toMap(Import::fingerprint, Function.identity()));
    if (typed.isEmpty() && live.isEmpty()) {
      return Result.NONE;
    }
    Set<String> seen = typed.stream().map(TypedRow::fingerprint).collect(Collectors.toSet());
    Set<String> ids = new HashSet<>();
    read.columns().getOrDefault(tab.keyColumn(), List.of()).forEach(k -> ids.add(k.toString()));
    for (Import gone : live.values()) {
      if (!seen.contains(gone.fingerprint())) {
        vanished(gone, ids.contains(String.valueOf(gone.recordId())));
      }
    }
    int created = 0;
    int refused = 0;
    Map<UUID, WrittenRow> idless = null;
    for (TypedRow row : typed) {
      if (live.containsKey(row.fingerprint())) {
        continue; // imported (id not written yet) or refused before: never twice
      }
      if (idless == null) {
        idless = idless(tab, ids);
      }
      UUID owner = owner(tab, row, idless);
      if (owner != null) {
        reclaim(tab, sheetId, row, owner);
        idless.remove(owner);
        continue;
      }
      if (create(tab, sheetId, row)) {
        created++;
      } else {
        refused++;
      }
    }
    return new Result(created, refused, 0);
  }

  /**
   * Records sheetsync wrote to this tab whose id is nowhere in its key column: people emptied (or
   * deleted) their key cell. Their base rows, by record.
   */
  private Map<UUID, WrittenRow> idless(TabLayout tab, Set<String> ids) {
    Map<UUID, WrittenRow> rows = new HashMap<>(written.cellsOf(tab.model(), headers(tab)));
    rows.keySet().removeIf(id -> ids.contains(id.toString()));
    return rows;
  }

  /**
   * The record whose row this is, when it shows exactly what sheetsync last wrote to a record whose
   * id is missing from the tab (people emptied the key cell of a synced row): that row is the
   * record's, not a new payment, and importing it would make a second record. Null when no record,
   * or more than one, matches every import column.
   */
  private static UUID owner(TabLayout tab, TypedRow row, Map<UUID, WrittenRow> idless) {
    UUID owner = null;
    for (Map.Entry<UUID, WrittenRow> candidate : idless.entrySet()) {
      boolean same =
          tab.importColumns().stream()
              .allMatch(
                  c ->
                      candidate
                          .getValue()
                          .ours(c.header(), c.format(), row.cells().get(c.header())));
      if (same) {
        if (owner != null) {
          return null; // two identical rows lost their ids: which is which cannot be told
        }
        owner = candidate.getKey();
      }
    }
    return owner;
  }

  /**
   * Gives a synced row whose key cell people emptied its record's id back: a PENDING import of the
   * existing record, whose id {@link ImportKeys} writes like a new record's. No record is created.
   */
  private void reclaim(TabLayout tab, int sheetId, TypedRow row, UUID owner) {
    boolean stored =
        Boolean.TRUE.equals(
            transactions.execute(
                tx ->
                    imports.insert(
                        tab.model(),
                        sheetId,
                        row.fingerprint(),
                        Status.PENDING,
                        owner,
                        null,
                        row.row())));
    if (stored) {
      log.info(
          "Row {} of '{}' is record {} with its id emptied: the id is written back, no record"
              + " created",
          row.row(),
          tab.tabName(),
          owner);
    }
  }

  /** A live import whose typed row is no longer there as it was. */
  private void vanished(Import gone, boolean idInSheet) {
    transactions.executeWithoutResult(
        tx -> {
          if (gone.status() == Status.PENDING && idInSheet) {
            // Its id landed (a run died before recording that): the CREATE rewrites that row.
            imports.move(gone.id(), Status.WRITTEN, gone.rowIndex());
            return;
          }
          imports.move(gone.id(), Status.GONE, gone.rowIndex());
          if (gone.conflictId() != null) {
            conflicts.settled(gone.conflictId(), "SHEET", ReadIn.READ_IN);
          }
        });
  }

  /** Creates the row's record (true) or records why it is refused (false); one transaction. */
  private boolean create(TabLayout tab, int sheetId, TypedRow row) {
    Refusal refusal = required(tab, row);
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, String> headerOf = new HashMap<>();
    for (ColumnLayout column : tab.importColumns()) {
      if (refusal != null) {
        break;
      }
      String shown = row.cells().get(column.header());
      headerOf.put(column.source(), column.header());
      try {
        values.put(column.source(), SheetText.value(column.format(), shown.strip()));
      } catch (IllegalArgumentException e) {
        refusal = new Refusal(column.header(), shown, e.getMessage());
      }
    }
    if (refusal == null) {
      try {
        transactions.executeWithoutResult(
            tx -> {
              UUID id = attribution.fromSheet(() -> edits.create(tab.model(), values));
              if (!imports.insert(
                  tab.model(), sheetId, row.fingerprint(), Status.PENDING, id, null, row.row())) {
                throw new AlreadyImported();
              }
            });
        return true;
      } catch (AlreadyImported e) {
        return true; // another run imported it first; its record stands, ours rolled back
      } catch (ApiException e) {
        refusal = refusal(tab, row, headerOf, e);
      }
    }
    refuse(tab, sheetId, row, refusal);
    return false;
  }

  private void refuse(TabLayout tab, int sheetId, TypedRow row, Refusal refusal) {
    String bookingCode =
        tab.importColumns().stream()
            .filter(c -> SheetEdits.BOOKING_CODE.equals(c.source()))
            .map(c -> row.cells().get(c.header()))
            .filter(v -> !v.isBlank())
            .findFirst()
            .orElse(null);
    try {
      transactions.executeWithoutResult(
          tx -> {
            long conflict =
                conflicts.openForRow(
                    new ConflictDraft(
                        tab.model(),
                        null,
                        tab.tabName(),
                        refusal.header(),
                        row.row(),
                        null,
                        refusal.shown(),
                        null,
                        refusal.message(),
                        bookingCode,
                        null));
            if (!imports.insert(
                tab.model(),
                sheetId,
                row.fingerprint(),
                Status.REFUSED,
                null,
                conflict,
                row.row())) {
              throw new AlreadyImported();
            }
          });
    } catch (AlreadyImported e) {
      // another run refused it first: one conflict
    }
  }

  /** The first required group (layout order) whose cells are all empty. */
  private static Refusal required(TabLayout tab, TypedRow row) {
    for (ColumnLayout column : tab.importColumns()) {
      List<String> oneOf = TabLayout.requiredGroup(tab.model(), column.source());
      if (oneOf.isEmpty()) {
        continue;
      }
      boolean filled =
          tab.importColumns().stream()
              .filter(c -> oneOf.contains(c.source()))
              .anyMatch(c -> !row.cells().get(c.header()).isBlank());
      if (!filled) {
        return new Refusal(
            column.header(),
            "",
            oneOf.size() == 1
                ? "required: the cell is empty"
                : "required: fill one of "
                    + tab.importColumns().stream()
                        .filter(c -> oneOf.contains(c.source()))
                        .map(ColumnLayout::header)
                        .collect(Collectors.joining(", ")));
      }
    }
    return null;
  }

  /** The record's refusal, named by the first refused column in layout order. */
  private static Refusal refusal(
      TabLayout tab, TypedRow row, Map<String, String> headerOf, ApiException e) {
    for (ColumnLayout column : tab.importColumns()) {
      String message = e.fields().get(column.source());
      if (message != null) {
        return new Refusal(column.header(), row.cells().get(column.header()), message);
      }
    }
    String first = e.fields().isEmpty() ? null : e.fields().keySet().iterator().next();
    String header = first == null ? null : headerOf.get(first);
    if (header == null) {
      header = tab.importColumns().get(0).header();
    }
    String message = e.fields().isEmpty() ? e.getMessage() : first + " " + e.fields().get(first);
    return new Refusal(header, row.cells().get(header), message);
  }

  /** Why a typed row is not imported: the first refused column, what it shows, the message. */
  private record Refusal(String header, String shown, String message) {}

  /** Rolls back a record whose row another run imported first (the unique index said so). */
  private static final class AlreadyImported extends RuntimeException {
    AlreadyImported() {
      super(null, null, false, false);
    }
  }
}
