package dev.sheetsync.sheets;

import static dev.sheetsync.sheets.ColumnLayout.field;
import static dev.sheetsync.sheets.ColumnLayout.formula;
import static dev.sheetsync.sheets.ColumnLayout.personOwned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.util.Data;
import dev.sheetsync.records.SyncModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The row algorithm's column half, pure: where each layout column is, what a row looks like. */
class LiveTabTest {

  private static final TabLayout REQUESTS =
      new TabLayout(
          SyncModel.REQUEST,
          "Requests",
          1,
          "ID",
          DeletePolicy.MARK,
          "Status",
          null,
          List.of(
              field("ID", "id"),
              field("Total Price", "totalPrice"),
              formula("Total Paid", "=SUMIF(Revenue!B:B,A{row},Revenue!E:E)"),
              formula("Balance", "=B{row}-C{row}"),
              field("Status", "status"),
              personOwned("Staff Notes")));

  private static final TabLayout REVENUE =
      new TabLayout(
          SyncModel.REVENUE,
          "Revenue",
          1,
          "ID",
          DeletePolicy.CLEAR,
          null,
          null,
          List.of(field("ID", "id"), field("Request ID", "requestId"), field("Amount", "amount")));

  private static final Object SKIP = Data.NULL_STRING;

  /** The Requests tab with this header row, as people left it. */
  private static LiveTab requestsWith(Object... headers) {
    return LiveTab.locate(REQUESTS, 7, "Requests", List.of(headers));
  }

  @Test
  void columnsAreFoundByHeaderWhereverPeoplePutThem() {
    LiveTab tab =
        requestsWith(
            "ID", "Agent", " Status ", "Total Price", "Total Paid", "Balance", "Staff Notes");

    assertThat(tab.keyColumn()).isZero();
    assertThat(tab.column(1)).isEqualTo(3);
    assertThat(tab.column(4)).as("trimmed header").isEqualTo(2);
    assertThat(tab.rowRange(5)).isEqualTo("'Requests'!A5:G5");
  }

  @Test
  void placedRowsWriteOnlyLayoutColumnsAndLeavePeoplesColumnsAsTheyAre() {
    LiveTab tab =
        requestsWith(
            "ID", "Agent", "Status", "Total Price", "Total Paid", "Balance", "Staff Notes");

    List<Object> placed = tab.place(List.of("id-1", "10", SKIP, SKIP, "NEW", SKIP), name -> null);

    assertThat(placed).containsExactly("id-1", SKIP, "NEW", "10", SKIP, SKIP, SKIP);
    assertThat(placed.get(1)).isSameAs(Data.NULL_STRING);
  }

  @Test
  void formulaTemplatesFollowTheirColumnsInThisTabAndInOthers() {
    LiveTab revenue =
        LiveTab.locate(REVENUE, 3, "Payments 2026", List.of("Note", "ID", "Amount", "Request ID"));
    LiveTab requests =
        requestsWith(
            "ID", "Agent", "Status", "Total Price", "Total Paid", "Balance", "Staff Notes");
    Map<String, LiveTab> tabs = Map.of("Revenue", revenue, "Requests", requests);

    List<Object> placed =
        requests.place(
            List.of("id", "10", "=SUMIF(Revenue!B:B,A5,Revenue!E:E)", "=B5-C5", "NEW", SKIP),
            tabs::get);

    assertThat(placed.get(4)).isEqualTo("=SUMIF('Payments 2026'!D:D,A5,'Payments 2026'!E:E)");
    assertThat(placed.get(5)).isEqualTo("=D5-E5");
  }

  @Test
  void retargetingLeavesNamesStringsAbsoluteMarksAndForeignReferencesAlone() {
    LiveTab requests =
        requestsWith(
            "Agent", "ID", "Total Price", "Total Paid", "Balance", "Status", "Staff Notes");

    assertThat(
            FormulaReferences.retarget(
                "=IF(SUM($B$5:C5)>0,\"B5 ok\",LOG10(A5)&Other!A1&Z9)", requests, n -> null))
        .isEqualTo("=IF(SUM($C$5:D5)>0,\"B5 ok\",LOG10(B5)&Other!A1&Z9)");
  }

  @Test
  void missingAndRepeatedHeadersAreNamedTogetherWithWhatToDo() {
    assertThatThrownBy(
            () ->
                LiveTab.locate(
                    REQUESTS,
                    7,
                    "Bookings",
                    List.of("ID", "Total Price", "Total Paid", "Status", "Status", "Staff Notes")))
        .isInstanceOf(TabStructureException.class)
        .hasMessageContaining("column \"Balance\" is missing from tab 'Bookings'")
        .hasMessageContaining("column 'Status' appears 2 times in tab 'Bookings' (D, E)")
        .satisfies(e -> assertThat(((TabStructureException) e).hint()).contains("restore"));
  }
}
