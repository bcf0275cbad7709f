package dev.sheetsync.onboarding;

import dev.sheetsync.conflicts.Written;
import dev.sheetsync.conflicts.WrittenCells;
import dev.sheetsync.onboarding.AdoptReport.Matched;
import dev.sheetsync.onboarding.AdoptReport.Unmatched;
import dev.sheetsync.records.RecordRows;
import dev.sheetsync.sheets.CellDisplay;
import dev.sheetsync.sheets.ColumnLayout;
import dev.sheetsync.sheets.SheetLayouts;
import dev.sheetsync.sheets.TabLayout;
import dev.sheetsync.system.ApiException;
import dev.sheetsync.system.ClusterLock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adopts the rows of a sheet a team already keeps: key-less rows are matched to records by a column
 * whose values are unique among the records ({@link MatchPlan}), and with {@code dryRun:false} each
 * matched row gets its record's id in the key cell, nothing else. From then on the write-back finds
 * those rows by key like its own.
 *
 * <p>The write holds the write-back's cluster lock: a run inserts rows, and an id written by row
 * number into a tab that just moved down would land in another row. People can still move rows, so
 * the key and match columns are read again afterwards and an id that does not sit beside its value
 * is taken out again. Each adopted record then gets its row number and, as its written-values base,
 * what its row shows now: its next update rewrites the owned cells without taking people's values
 * for edits. Thread-safe.
 */
@Service
class Adoption {

  private static final Logger log = LoggerFactory.getLogger(Adoption.class);

  private final SheetLayouts layouts;
  private final MatchValues matchValues;
  private final AdoptSheet sheet;
  private final ClusterLock lock;
  private final RecordRows recordRows;
  private final WrittenCells writtenCells;
  private final TransactionTemplate transactions;

  Adoption(
      SheetLayouts layouts,
      MatchValues matchValues,
      AdoptSheet sheet,
      ClusterLock lock,
      RecordRows recordRows,
      WrittenCells writtenCells,
      TransactionTemplate transactions) {
    this.layouts = layouts;
    this.matchValues = matchValues;
    this.sheet = sheet;
    this.lock = lock;
    this.recordRows = recordRows;
    this.writtenCells = writtenCells;
    this.transactions = transactions;
  }

  /**
   * @throws ApiException 400 for an unknown tab or match column, or one whose values repeat among
   *     the records; 409 while a write-back run holds the lock ({@code dryRun:false} only); 502
   *     when Google fails
   */
  AdoptReport adopt(String tabName, String matchHeader, boolean dryRun) {
    TabLayout tab = layout(tabName);
    ColumnLayout column = matchColumn(tab, matchHeader);
    Map<UUID, String> values = matchValues.of(tab, column);
    if (dryRun) {
      return read(tab, column, values).report();
    }
    try (ClusterLock.Held held =
        lock.tryAcquire(ClusterLock.Name.WRITE_BACK)
            .orElseThrow(
                () ->
                    ApiException.conflict(
                        "A write-back run is going; adopt again when it has ended"))) {
      Snapshot read = read(tab, column, values);
      AdoptReport adopted = write(read);
      log.info(
          "Adopted {} rows of tab '{}' by '{}' ({} unmatched, {} ambiguous)",
          adopted.matched().size(),
          tab.tabName(),
          column.header(),
          adopted.unmatchedRows().size(),
          adopted.ambiguousRows().size());
      return adopted;
    }
  }

  /** The tab as read, where its key and match columns are, and the plan. */
  private record Snapshot(
      TabLayout tab,
      String title,
      List<List<Object>> rows,
      int keyColumn,
      int matchColumn,
      AdoptReport report) {}

  private Snapshot read(TabLayout tab, ColumnLayout column, Map<UUID, String> values) {
    String title = sheet.title(tab);
    List<List<Object>> rows = sheet.rows(title);
    List<Object> headers = rows.size() >= tab.headerRow() ? rows.get(tab.headerRow() - 1) : null;
    int key = header(tab, headers, tab.keyColumn(), "tab");
    int match = header(tab, headers, column.header(), "matchColumn");
    AdoptReport report = MatchPlan.plan(rows, tab.firstDataRow(), key, match, values);
    return new Snapshot(tab, title, rows, key, match, report);
  }

  private AdoptReport write(Snapshot read) {
    Map<Integer, String> ids = new LinkedHashMap<>();
    read.report().matched().forEach(m -> ids.put(m.row(), m.recordId().toString()));
    sheet.writeKeys(read.title(), read.keyColumn(), ids);
    List<List<Object>> now = sheet.columns(read.title(), read.keyColumn(), read.matchColumn());
    Verified verified =
        Verified.check(
            read.report().matched(),
            now.get(0),
            now.get(1),
            read.rows(),
            read.keyColumn(),
            read.matchColumn());
    if (!verified.fixes().isEmpty()) {
      log.warn(
          "Adopt: {} ids did not land beside their value (rows moved meanwhile); taken out again",
          verified.fixes().size());
      sheet.setKeys(read.title(), read.keyColumn(), verified.fixes());
    }
    store(read, verified);
    List<Unmatched> unmatched = new ArrayList<>(read.report().unmatchedRows());
    unmatched.addAll(verified.lost());
    return new AdoptReport(
        verified.adopted(),
        unmatched,
        read.report().ambiguousRows(),
        read.report().recordsWithoutRow());
  }

  /** Row numbers and bases of the adopted records, in one transaction. */
  private void store(Snapshot read, Verified verified) {
    Map<UUID, Integer> rows = new LinkedHashMap<>();
    List<Written> bases = new ArrayList<>();
    List<Object> headers = read.rows().get(read.tab().headerRow() - 1);
    for (Matched m : verified.adopted()) {
      rows.put(m.recordId(), m.row());
      List<Object> row = read.rows().get(verified.readRows().get(m.recordId()) - 1);
      bases.add(
          new Written(read.tab().model(), m.recordId(), ownedCells(read, headers, row), false));
    }
    transactions.executeWithoutResult(
        tx -> {
          recordRows.storeRows(read.tab().model(), rows);
          writtenCells.store(bases);
        });
  }

  /** What the adopted row shows in every owned column the sheet has, by header. */
  private static Map<String, String> ownedCells(
      Snapshot read, List<Object> headers, List<Object> row) {
    Map<String, String> cells = new LinkedHashMap<>();
    for (ColumnLayout c : read.tab().columns()) {
      int at = indexOf(headers, c.header());
      if (c.owned() && at >= 0) {
        cells.put(c.header(), CellDisplay.at(row, at));
      }
    }
    return cells;
  }

  private TabLayout layout(String name) {
    String wanted = name == null ? "" : name.strip();
    return layouts.tabs().stream()
        .filter(t -> t.tabName().equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "Unknown tab '"
                        + wanted
                        + "'; the layout's tabs are "
                        + layouts.tabs().stream().map(TabLayout::tabName).toList(),
                    Map.of("tab", "unknown tab")));
  }

  private static ColumnLayout matchColumn(TabLayout tab, String header) {
    String wanted = header == null ? "" : header.strip();
    int index = tab.columnIndex(wanted);
    if (index < 0) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "Column '" + wanted + "' is not in the layout of tab '" + tab.tabName() + "'",
          Map.of("matchColumn", "not in the layout"));
    }
    ColumnLayout column = tab.columns().get(index);
    if (column.source() == null || index == tab.keyColumnIndex()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "Column '"
              + wanted
              + "' of tab '"
              + tab.tabName()
              + "' shows no record field to match by",
          Map.of("matchColumn", "no record field"));
    }
    return column;
  }

  private static int header(TabLayout tab, List<Object> headers, String header, String field) {
    int at = indexOf(headers, header);
    if (at < 0) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "Column '"
              + header
              + "' is not in row "
              + tab.headerRow()
              + " of tab '"
              + tab.tabName()
              + "' in the spreadsheet",
          Map.of(field, "column '" + header + "' not in the sheet"));
    }
    return at;
  }

  private static int indexOf(List<Object> headers, String header) {
    for (int i = 0; headers != null && i < headers.size(); i++) {
      if (CellDisplay.ofRead(headers.get(i)).strip().equals(header)) {
        return i;
      }
    }
    return -1;
  }
}
