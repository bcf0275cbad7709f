package dev.sheetsync.writeback;

import java.util.Set;

/**
 * What writing a batch found out besides the records' own outcomes.
 *
 * @param repairs other records whose rows may hold wrong values now
 * @param stop the error that should end the run, or null; one that {@link
 *     GoogleCallException#pausesSpreadsheet() pauses the spreadsheet} released every record
 * @param sheet the sheet as the batch read it (tabs with problems to pause, tabs fine to resume),
 *     or null when it could not be read
 */
record BatchWrite(Set<Repair> repairs, GoogleCallException stop, SheetSnapshot sheet) {

  static BatchWrite stopped(GoogleCallException stop, SheetSnapshot sheet) {
    return new BatchWrite(Set.of(), stop, sheet);
  }
}
