package dev.sheetsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.conflicts.WrittenRow;
import dev.sheetsync.reconcile.ReconcileReport.Cell;
import dev.sheetsync.reconcile.ReconcileReport.Finding;
import dev.sheetsync.records.RecordSnapshot;
import dev.sheetsync.records.SyncModel;
import dev.sheetsync.sheets.ColumnLayout;
import dev.sheetsync.sheets.DeletePolicy;
import dev.sheetsync.sheets.LiveTab;
import dev.sheetsync.sheets.RowMapper;
import dev.sheetsync.sheets.TabLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The comparison of one tab, without Spring, a database or a sheet. */
class TabCheckTest {

  static final UUID ANN = UUID.fromString("00000000-0000-4000-8000-000000000001");
  static final UUID GONE = UUID.fromString("00000000-0000-4000-8000-000000000002");

  static TabLayout layout(DeletePolicy policy) {
    return new TabLayout(
        SyncModel.REQUEST,
        "Requests",
        1,
        "ID",
        policy,
        policy == DeletePolicy.MARK ? "Status" : null,
        null,
        List.of(
            ColumnLayout.field("ID", "id"),
            ColumnLayout.field("Customer", "customerName"),
            ColumnLayout.field("Status", "status"),
            ColumnLayout.personOwned("Notes")));
  }

  static RecordSnapshot ann(String customer) {
    return new RecordSnapshot(
        SyncModel.REQUEST,
        ANN,
        2,
        Map.of(
            "id",
            ANN.toString(),
            "customerName",
            customer,
            "status",
            "NEW",
            "bookingCode",
            "BK-1"));
  }

  static WrittenRow wrote(String customer, String status, boolean deleted) {
    return new WrittenRow(Map.of("Customer", customer, "Status", status), deleted);
  }

  static Findings run(
      TabLayout layout,
      List<List<Object>> sheet,
      Map<UUID, WrittenRow> base,
      List<RecordSnapshot> records) {
    Findings found = new Findings();
    LiveTab tab = LiveTab.locate(layout, 0, layout.tabName(), sheet.get(0));
    TabCheck check = new TabCheck(tab, sheet, Set.of(), new RowMapper(), found);
    base.forEach(check::base);
    records.forEach(check::record);
    check.finish();
    return found;
  }

  @SafeVarargs
  static List<List<Object>> sheet(List<Object>... rows) {
    List<List<Object>> all = new ArrayList<>();
    all.add(List.of("ID", "Customer", "Status", "Notes"));
    all.addAll(List.of(rows));
    return all;
  }

  @Test
  void rowsWithoutARecordIdAreForeignAndNeverOrphans() {
    Findings found =
        run(
            layout(DeletePolicy.MARK),
            sheet(
                List.of("", "Walk-in"),
                List.of("n/a", "Someone"),
                List.of(),
                List.of(ANN.toString(), "Ann", "NEW")),
            Map.of(ANN, wrote("Ann", "NEW", false)),
            List.of(ann("Ann")));

    assertThat(found.rows).as("the empty row is no row").isEqualTo(3);
    assertThat(found.foreignRows).isEqualTo(2);
    assertThat(found.summary().repairable()).isFalse();
  }

  @Test
  void markedRowOfADeletedRecordIsFineAndUnmarkedOneIsAnOrphan() {
    Findings marked =
        run(
            layout(DeletePolicy.MARK),
            sheet(List.of(GONE.toString(), "Gus", "DELETED")),
            Map.of(GONE, wrote("Gus", "DELETED", true)),
            List.of());
    Findings unmarked =
        run(
            layout(DeletePolicy.MARK),
            sheet(List.of(GONE.toString(), "Gus", "NEW")),
            Map.of(GONE, wrote("Gus", "DELETED", true)),
            List.of());

    assertThat(marked.orphans).isEmpty();
    assertThat(unmarked.orphans)
        .singleElement()
        .extracting(Finding::origin, Finding::rows)
        .containsExactly(TabCheck.DELETED_RECORD, List.of(2));
  }

  @Test
  void aClearedTabsRowStillHoldingADeletedId() {
    Findings found =
        run(
            layout(DeletePolicy.CLEAR),
            sheet(List.of(GONE.toString(), "Gus", "NEW"), List.of(UUID.randomUUID().toString())),
            Map.of(GONE, wrote("Gus", "NEW", true)),
            List.of());

    assertThat(found.orphans)
        .extracting(Finding::origin)
        .containsExactlyInAnyOrder(TabCheck.DELETED_RECORD, TabCheck.UNKNOWN_ID);
  }

  @Test
  void staleCellShowsWhatWasWrittenAndEditedCellDiffersFromIt() {
    Findings stale =
        run(
            layout(DeletePolicy.MARK),
            sheet(List.of(ANN.toString(), "Ann", "NEW")),
            Map.of(ANN, wrote("Ann", "NEW", false)),
            List.of(ann("Ann Lee")));
    Findings edited =
        run(
            layout(DeletePolicy.MARK),
            sheet(List.of(ANN.toString(), "Anne", "NEW")),
            Map.of(ANN, wrote("Ann", "NEW", false)),
            List.of(ann("Ann")));
    Findings typedTheDatabaseValue =
        run(
            layout(DeletePolicy.MARK),
            sheet(List.of(ANN.toString(), "Ann Lee", "NEW")),
            Map.of(ANN, wrote("Ann", "NEW", false)),
            List.of(ann("Ann Lee")));

    assertThat(stale.stale)
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.cells())
                    .containsExactly(new Cell("Customer", "Ann", null, "Ann Lee")));
    assertThat(stale.edited).isEmpty();
    assertThat(edited.edited)
        .singleElement()
        .satisfies(
            f -> assertThat(f.cells()).containsExactly(new Cell("Customer", "Anne", "Ann", "Ann")));
    assertThat(edited.stale).isEmpty();
    assertThat(typedTheDatabaseValue.summary().repairable()).isFalse();
  }

  @Test
  void recordIdsAreCanonicalUuidsOnly() {
    assertThat(TabCheck.recordId(ANN.toString())).isEqualTo(ANN);
    assertThat(TabCheck.recordId(ANN.toString().toUpperCase())).isEqualTo(ANN);
    assertThat(TabCheck.recordId("1-1-1-1-1")).isNull();
    assertThat(TabCheck.recordId("BK-1")).isNull();
  }
}
