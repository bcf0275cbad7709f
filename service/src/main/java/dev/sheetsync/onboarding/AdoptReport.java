package dev.sheetsync.onboarding;

import java.util.List;
import java.util.UUID;

/**
 * What adopting a tab found (dry run) or did. Rows are 1-based sheet rows; values are the match
 * column's text as the sheet displays it.
 *
 * @param matched key-less rows whose value belongs to exactly one record that has no row yet (with
 *     {@code dryRun:false}: the rows that now hold the record's id, verified)
 * @param unmatchedRows key-less rows whose value belongs to no record (or, after a write, rows that
 *     people moved while the id was written; the id was taken out again)
 * @param ambiguousRows key-less rows left alone because their value does not name one row for one
 *     record: several rows share it, several records share it, or its record has a row already
 * @param recordsWithoutRow records with neither a row holding their id nor a matched row, oldest
 *     first: resync writes them
 */
record AdoptReport(
    List<Matched> matched,
    List<Unmatched> unmatchedRows,
    List<Ambiguous> ambiguousRows,
    List<WithoutRow> recordsWithoutRow) {

  AdoptReport {
    matched = List.copyOf(matched);
    unmatchedRows = List.copyOf(unmatchedRows);
    ambiguousRows = List.copyOf(ambiguousRows);
    recordsWithoutRow = List.copyOf(recordsWithoutRow);
  }

  record Matched(int row, UUID recordId, String value) {}

  record Unmatched(int row, String value) {}

  record Ambiguous(int row, String value, List<UUID> recordIds) {}

  record WithoutRow(UUID recordId, String value) {}
}
