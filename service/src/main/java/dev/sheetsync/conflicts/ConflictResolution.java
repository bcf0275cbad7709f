package dev.sheetsync.conflicts;

import dev.sheetsync.queue.Outbox;
import dev.sheetsync.records.Change;
import dev.sheetsync.records.RecordSnapshots;
import dev.sheetsync.records.SheetEdits;
import dev.sheetsync.records.SyncAction;
import dev.sheetsync.records.SyncModel;
import dev.sheetsync.sheets.ColumnLayout;
import dev.sheetsync.sheets.SheetLayouts;
import dev.sheetsync.sheets.SheetText;
import dev.sheetsync.sheets.TabLayout;
import dev.sheetsync.system.ApiException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Settles a conflict with the value an admin keeps, in one transaction:
 *
 * <ul>
 *   <li>{@code database}: the record's value is written again (an UPDATE is queued);
 *   <li>{@code sheet}: the sheet's value goes into the record through {@link SheetEdits} (the API's
 *       validation; a 400 naming the field leaves the conflict OPEN), which queues the UPDATE.
 * </ul>
 *
 * Either way the conflict is never found again: where the sheet still shows the person's value, it
 * becomes the base of that cell ({@link WrittenCells#acknowledge}), so the next run sees no edit
 * there; where sheetsync already overwrote it ({@link Conflict#overwritten()}), the base already
 * holds what the sheet shows. The queued UPDATE then writes the kept value (for {@code sheet},
 * normalised: {@code paid} → {@code PAID}).
 */
@Service
public class ConflictResolution {

  /** Which value stays. */
  public enum Keep {
    DATABASE,
    SHEET
  }

  private final Conflicts conflicts;
  private final WrittenCells written;
  private final SheetEdits edits;
  private final Outbox outbox;
  private final SheetLayouts layouts;
  private final RecordSnapshots snapshots;

  ConflictResolution(
      Conflicts conflicts,
      WrittenCells written,
      SheetEdits edits,
      Outbox outbox,
      SheetLayouts layouts,
      RecordSnapshots snapshots) {
    this.conflicts = conflicts;
    this.written = written;
    this.edits = edits;
    this.outbox = outbox;
    this.layouts = layouts;
    this.snapshots = snapshots;
  }

  /**
   * @return the resolved conflict
   * @throws ApiException 404 unknown conflict; 409 already resolved, or the record is gone and
   *     {@code sheet} was chosen; 400 the sheet's value is invalid for the field (conflict stays
   *     OPEN)
   */
  @Transactional
  public Conflict resolve(long id, Keep keep, String by) {
    Conflict conflict =
        conflicts.lock(id).orElseThrow(() -> ApiException.notFound("Conflict not found"));
    if (!conflict.open()) {
      throw ApiException.conflict(
          "Conflict " + id + " is already resolved (" + conflict.resolution() + ")");
    }
    SyncModel model = SyncModel.fromDbName(conflict.model());
    boolean live =
        conflict.recordId() != null
            && !snapshots.load(model, List.of(conflict.recordId())).isEmpty();
    if (conflict.recordId() == null && keep == Keep.SHEET) {
      throw ApiException.conflict(
          "A row typed in the sheet that was refused has no record: fix the row (it is imported on"
              + " the next run) or resolve with {\"keep\":\"database\"} to leave it as it is");
    }
    if (!live && keep == Keep.SHEET) {
      throw ApiException.conflict(
          "The record was deleted; only {\"keep\":\"database\"} can resolve this conflict");
    }
    if (live) {
      if (keep == Keep.SHEET) {
        ColumnLayout column = column(model, conflict.column());
        String field = column.source();
        Object value;
        try {
          value = SheetText.value(column.format(), conflict.sheetValue());
        } catch (IllegalArgumentException e) {
          throw ApiException.invalid(Map.of(field, e.getMessage()));
        }
        edits.apply(model, conflict.recordId(), field, value);
      } else {
        outbox.record(new Change(SyncAction.UPDATE, model, conflict.recordId(), null, Map.of()));
      }
      if (!conflict.overwritten()) {
        written.acknowledge(model, conflict.recordId(), conflict.column(), conflict.sheetValue());
      }
    }
    conflicts.resolve(id, keep.name(), by);
    return conflicts.find(id).orElseThrow();
  }

  private ColumnLayout column(SyncModel model, String header) {
    TabLayout tab = layouts.forModel(model);
    int index = tab == null ? -1 : tab.columnIndex(header);
    if (index < 0) {
      throw ApiException.conflict(
          "Column '" + header + "' is no longer in the layout; only 'database' can resolve this");
    }
    return tab.columns().get(index);
  }
}
