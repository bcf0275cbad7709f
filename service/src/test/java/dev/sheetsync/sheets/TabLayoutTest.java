package dev.sheetsync.sheets;

import static dev.sheetsync.sheets.ColumnLayout.field;
import static dev.sheetsync.sheets.ColumnLayout.formula;
import static dev.sheetsync.sheets.ColumnLayout.personOwned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheetsync.records.SyncModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class TabLayoutTest {

  static TabLayout requests(DeletePolicy policy, String markerColumn, List<ColumnLayout> columns) {
    return new TabLayout(
        SyncModel.REQUEST, "Requests", 1, "ID", policy, markerColumn, null, columns);
  }

  static List<ColumnLayout> validColumns() {
    return List.of(
        field("ID", "id"),
        field("Booking Code", "bookingCode"),
        field("Total Price", "totalPrice"),
        formula("Total Paid", "=SUMIF(Revenue!B:B,A{row},Revenue!E:E)"),
        field("Status", "status"),
        personOwned("Staff Notes"),
        field("Start Date", "startDate"));
  }

  @Test
  void resolvesFormatsFromTheFieldAndDefaultsTheMarker() {
    TabLayout tab = requests(null, "Status", validColumns());

    assertThat(tab.deletePolicy()).isEqualTo(DeletePolicy.MARK);
    assertThat(tab.deleteMarker()).isEqualTo("DELETED");
    assertThat(tab.columns())
        .extracting(ColumnLayout::format)
        .containsExactly(
            ColumnFormat.TEXT,
            ColumnFormat.TEXT,
            ColumnFormat.DECIMAL,
            null,
            ColumnFormat.TEXT,
            null,
            ColumnFormat.DATE);
    assertThat(tab.headers())
        .containsExactly(
            "ID",
            "Booking Code",
            "Total Price",
            "Total Paid",
            "Status",
            "Staff Notes",
            "Start Date");
    assertThat(tab.width()).isEqualTo(7);
    assertThat(tab.lastColumnLetter()).isEqualTo("G");
    assertThat(tab.keyColumnIndex()).isZero();
    assertThat(tab.deleteMarkerColumnIndex()).isEqualTo(4);
    assertThat(tab.firstDataRow()).isEqualTo(2);
    assertThat(tab.hasFormulas()).isTrue();
  }

  @Test
  void columnLettersCountLikeSheets() {
    assertThat(TabLayout.columnLetter(0)).isEqualTo("A");
    assertThat(TabLayout.columnLetter(25)).isEqualTo("Z");
    assertThat(TabLayout.columnLetter(26)).isEqualTo("AA");
    assertThat(TabLayout.columnLetter(51)).isEqualTo("AZ");
    assertThat(TabLayout.columnLetter(52)).isEqualTo("BA");
    assertThat(TabLayout.columnLetter(701)).isEqualTo("ZZ");
    assertThat(TabLayout.columnLetter(702)).isEqualTo("AAA");
    assertThat(TabLayout.columnLetter(18_277)).isEqualTo("ZZZ");
    assertThatThrownBy(() -> TabLayout.columnLetter(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsASourceTheModelDoesNotHave() {
    assertThatThrownBy(
            () ->
                requests(
                    DeletePolicy.IGNORE,
                    null,
                    List.of(field("ID", "id"), field("Amount", "amount"))))
        .isInstanceOf(SheetLayoutException.class)
        .hasMessageContaining("Tab 'Requests' (Request)")
        .hasMessageContaining("column 'Amount' has unknown source 'amount'")
        .hasMessageContaining("bookingCode");
  }

  @Test
  void rejectsDuplicateHeaders() {
    assertThatThrownBy(
            () ->
                requests(
                    DeletePolicy.IGNORE,
                    null,
                    List.of(
                        field("ID", "id"), field("Code", "bookingCode"), field("Code", "notes"))))
        .isInstanceOf(SheetLayoutException.class)
        .hasMessageContaining("header 'Code' appears twice");
  }

  @Test
  void rejectsAKeyColumnThatIsMissingOrNotTheWritableId() {
    assertThatThrownBy(
            () ->
                new TabLayout(
                    SyncModel.REQUEST,
                    "Requests",
                    1,
                    "Key",
                    DeletePolicy.IGNORE,
                    null,
                    null,
                    List.of(field("ID", "id"))))
        .hasMessageContaining("key column 'Key' is not one of its columns");
    assertThatThrownBy(
            () ->
                new TabLayout(
                    SyncModel.REQUEST,
                    "Requests",
                    1,
                    "Code",
                    DeletePolicy.IGNORE,
                    null,
                    null,
                    List.of(field("ID", "id"), field("Code", "bookingCode"))))
        .hasMessageContaining("key column 'Code' must be writable with source 'id'");
    assertThatThrownBy(
            () ->
                new TabLayout(
                    SyncModel.REQUEST,
                    "Requests",
                    1,
                    "ID",
                    DeletePolicy.IGNORE,
                    null,
                    null,
                    List.of(new ColumnLayout("ID", "id", null, false, null))))
        .hasMessageContaining("must be writable with source 'id'");
  }

  @Test
  void rejectsWritableFormulaAndWritableColumnWithoutSource() {
    assertThatThrownBy(() -> new ColumnLayout("Total", null, null, true, "=A1"))
        .isInstanceOf(SheetLayoutException.class)
        .hasMessageContaining("Formula column 'Total' must not be writable");
    assertThatThrownBy(() -> new ColumnLayout("Total", "totalPrice", null, false, "=A1"))
        .hasMessageContaining("both a source and a formula");
    assertThatThrownBy(() -> new ColumnLayout("Total", null, null, false, "SUM(A1)"))
        .hasMessageContaining("must start with '='");
    assertThatThrownBy(() -> new ColumnLayout("Free", null, null, true, null))
        .hasMessageContaining("writable but has no source");
  }

  @Test
  void markNeedsAWritableMarkerColumnThatIsNotTheKey() {
    assertThatThrownBy(() -> requests(DeletePolicy.MARK, null, validColumns()))
        .hasMessageContaining("delete policy mark needs a delete-marker-column");
    assertThatThrownBy(() -> requests(DeletePolicy.MARK, "Staff Notes", validColumns()))
        .hasMessageContaining("delete-marker-column 'Staff Notes' must be one of its writable");
    assertThatThrownBy(() -> requests(DeletePolicy.MARK, "Total Paid", validColumns()))
        .hasMessageContaining("must be one of its writable");
    assertThatThrownBy(() -> requests(DeletePolicy.MARK, "ID", validColumns()))
        .hasMessageContaining("cannot go into the key column");
    assertThat(requests(DeletePolicy.CLEAR, null, validColumns()).deleteMarkerColumnIndex())
        .isEqualTo(-1);
  }

  @Test
  void rejectsAFormatTheFieldCannotBeShownIn() {
    assertThatThrownBy(
            () ->
                requests(
                    DeletePolicy.IGNORE,
                    null,
                    List.of(field("ID", "id"), field("Pax", "pax", ColumnFormat.DATE))))
        .hasMessageContaining("column 'Pax' cannot show pax (NUMBER) as DATE");
    // Anything can be shown as text, numbers as decimals, timestamps as dates.
    TabLayout relaxed =
        requests(
            DeletePolicy.IGNORE,
            null,
            List.of(
                field("ID", "id"),
                field("Pax", "pax", ColumnFormat.TEXT),
                field("Price", "totalPrice", ColumnFormat.NUMBER),
                field("Created", "createdAt", ColumnFormat.DATE)));
    assertThat(relaxed.columns()).extracting(ColumnLayout::format).contains(ColumnFormat.DATE);
  }

  @Test
  void layoutsNeedExactlyOneTabPerModelWithDistinctNames() {
    TabLayout requests = requests(DeletePolicy.IGNORE, null, List.of(field("ID", "id")));
    TabLayout operators =
        new TabLayout(
            SyncModel.OPERATOR,
            "Operators",
            1,
            "ID",
            DeletePolicy.IGNORE,
            null,
            null,
            List.of(field("ID", "id")));
    TabLayout revenue =
        new TabLayout(
            SyncModel.REVENUE,
            "Revenue",
            1,
            "ID",
            DeletePolicy.IGNORE,
            null,
            null,
            List.of(field("ID", "id")));

    SheetLayouts layouts = new SheetLayouts(List.of(requests, operators, revenue));
    assertThat(layouts.forModel(SyncModel.OPERATOR)).isSameAs(operators);

    assertThatThrownBy(() -> new SheetLayouts(List.of(requests, operators)))
        .hasMessageContaining("No tab is configured for Revenue");
    assertThatThrownBy(() -> new SheetLayouts(List.of(requests, requests, revenue)))
        .hasMessageContaining("Two tabs are configured for Request");
    TabLayout revenueNamedLikeRequests =
        new TabLayout(
            SyncModel.REVENUE,
            "Requests",
            1,
            "ID",
            DeletePolicy.IGNORE,
            null,
            null,
            List.of(field("ID", "id")));
    assertThatThrownBy(
            () -> new SheetLayouts(List.of(requests, operators, revenueNamedLikeRequests)))
        .hasMessageContaining("Tab name 'Requests' is used twice");
  }
}
