package dev.sheetsync.reconcile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What a reconcile found, as {@code POST /api/sync/reconcile} answers it. Counts are of rows
 * (records); lists name per row the cells concerned, with values as the sheet displays them. Each
 * list holds at most {@link Reconciler#LISTED} entries (the summary counts all).
 *
 * @param summary the counts
 * @param missing live records with no row (and no change queued)
 * @param duplicates records whose id is in several rows; {@code rows} lists them, the first kept
 * @param stale records with cells that still show what sheetsync last wrote while the record's
 *     value differs and no change of it is queued: lost writes
 * @param orphans rows whose id matches no live record and that no longer show the tab's delete
 *     policy; {@code origin} tells a record sheetsync wrote ({@code deletedRecord}) from an id it
 *     never wrote ({@code unknownId}, never touched)
 * @param edited records with sheetsync-owned cells that differ from what sheetsync last wrote
 * @param paused tabs not compared (a pause is open, or their headers cannot be found), untouched
 * @param dryRun true when nothing was changed
 * @param repaired what the repair queued, null for a dry run
 * @param trigger {@code manual}, {@code cron} or {@code schedule}
 * @param sheetsReads Sheets read requests made, {@code spreadsheets.get} included
 */
public record ReconcileReport(
    Summary summary,
    List<Finding> missing,
    List<Finding> duplicates,
    List<Finding> stale,
    List<Finding> orphans,
    List<Finding> edited,
    List<PausedTab> paused,
    boolean dryRun,
    Repaired repaired,
    String trigger,
    OffsetDateTime startedAt,
    long durationMillis,
    int sheetsReads) {

  /**
   * @param rows rows below the header with any content, in the tabs compared
   * @param foreignRows rows without a record id (people's own rows): counted, never touched
   */
  public record Summary(
      int rows, int missing, int duplicates, int stale, int orphans, int edited, int foreignRows) {

    /** Whether a repair has anything to do (edited cells become conflicts). */
    public boolean repairable() {
      return missing + duplicates + stale + orphans + edited > 0;
    }
  }

  /**
   * One row (or record) concerned.
   *
   * @param model {@code Request}, {@code Operator} or {@code Revenue}
   * @param rows 1-based sheet rows; empty for a missing record
   * @param origin for orphans only: {@code deletedRecord} or {@code unknownId}
   * @param cells the cells concerned; empty where the row as a whole is the finding
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Finding(
      String tab,
      String model,
      UUID recordId,
      List<Integer> rows,
      String bookingCode,
      String customer,
      String origin,
      List<Cell> cells) {}

  /** A cell of a finding; values as displayed, null where not relevant. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Cell(String column, String sheetValue, String writtenValue, String databaseValue) {}

  /** A tab left alone, and why. */
  public record PausedTab(String tab, String reason) {}

  /**
   * @param updates UPDATE changes queued (missing, stale and copied records)
   * @param deletes DELETE changes queued (orphans of deleted records)
   * @param conflicts edited cells recorded as conflicts (new or refreshed)
   */
  public record Repaired(int updates, int deletes, int conflicts) {}
}
