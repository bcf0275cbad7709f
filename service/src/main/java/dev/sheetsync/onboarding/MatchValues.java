package dev.sheetsync.onboarding;

import dev.sheetsync.records.RecordRows;
import dev.sheetsync.records.RecordSnapshot;
import dev.sheetsync.records.RecordSnapshots;
import dev.sheetsync.sheets.CellDisplay;
import dev.sheetsync.sheets.ColumnLayout;
import dev.sheetsync.sheets.RowMapper;
import dev.sheetsync.sheets.RowMappingException;
import dev.sheetsync.sheets.RowMode;
import dev.sheetsync.sheets.TabLayout;
import dev.sheetsync.system.ApiException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What each record shows in one column, computed as the write-back would write it ({@link
 * RowMapper}), so that it compares with what the sheet displays. Thread-safe.
 */
@Component
class MatchValues {

  /** Records loaded per query (one bind parameter each, far below PostgreSQL's 65,535). */
  private static final int CHUNK = 5_000;

  private final RecordRows records;
  private final RecordSnapshots snapshots;
  private final RowMapper mapper;

  MatchValues(RecordRows records, RecordSnapshots snapshots, RowMapper mapper) {
    this.records = records;
    this.snapshots = snapshots;
    this.mapper = mapper;
  }

  /**
   * Every record's value in {@code column} ("" when it shows nothing), oldest record first.
   *
   * @throws ApiException 400 naming the column when a value repeats among the records: such a
   *     column cannot tell records apart
   */
  Map<UUID, String> of(TabLayout tab, ColumnLayout column) {
    int index = tab.columnIndex(column.header());
    List<UUID> ids = records.idsInCreationOrder(tab.model());
    Map<UUID, String> values = new LinkedHashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      Map<UUID, RecordSnapshot> loaded = snapshots.load(tab.model(), chunk);
      for (UUID id : chunk) {
        RecordSnapshot record = loaded.get(id);
        if (record == null) {
          continue; // deleted since the ids were read
        }
        String value = value(tab, record, index);
        values.put(id, value);
        if (!value.isEmpty() && seen.merge(value, 1, Integer::sum) == 2) {
          throw notUnique(tab, column, value);
        }
      }
    }
    return values;
  }

  private String value(TabLayout tab, RecordSnapshot record, int index) {
    try {
      String shown =
          CellDisplay.ofSent(
              mapper.toRow(tab, record, RowMapper.UNKNOWN_ROW, RowMode.APPEND).get(index));
      return shown == null ? "" : shown.strip();
    } catch (RowMappingException e) {
      return ""; // a record the write-back cannot write either: it fails there, visibly
    }
  }

  private static ApiException notUnique(TabLayout tab, ColumnLayout column, String value) {
    String message =
        "Column '%s' of tab '%s' cannot match rows to records: its value '%s' belongs to several %s records"
            .formatted(column.header(), tab.tabName(), value, tab.model().dbName());
    return new ApiException(
        org.springframework.http.HttpStatus.BAD_REQUEST,
        message,
        Map.of("matchColumn", "values repeat among " + tab.model().dbName() + " records"));
  }
}
