package dev.sheetsync.sheets;

import static dev.sheetsync.sheets.ColumnLayout.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Layout rules for {@code direction} and {@code on-conflict}. */
class DirectionLayoutTest {

  @Test
  void aTwoWayColumnIsWritableAndHoldsConflictsByDefault() {
    ColumnLayout status = ColumnLayout.readIn("Status", "status", Direction.TWO_WAY, null);

    assertThat(status.writable()).isTrue();
    assertThat(status.owned()).isTrue();
    assertThat(status.readsIn()).isTrue();
    assertThat(status.onConflict()).isEqualTo(OnConflict.HOLD);
  }

  @Test
  void aSheetToDbColumnIsNeverRewrittenByUpdates() {
    ColumnLayout notes =
        ColumnLayout.readIn("Staff Notes", "staffNotes", Direction.SHEET_TO_DB, null);

    assertThat(notes.writable()).isFalse();
    assertThat(notes.owned()).isFalse();
    assertThat(notes.readsIn()).isTrue();
    assertThat(notes.onConflict()).isNull();
  }

  @Test
  void refusesADirectionOnAFormulaColumn() {
    assertThatThrownBy(
            () ->
                new ColumnLayout("Total", null, null, false, "=A1", null, Direction.TWO_WAY, null))
        .isInstanceOf(SheetLayoutException.class)
        .hasMessageContaining("Formula column 'Total' cannot be two-way");
  }

  @Test
  void refusesASheetToDbColumnWithoutARecordField() {
    assertThatThrownBy(
            () ->
                new ColumnLayout(
                    "Notes", null, null, false, null, null, Direction.SHEET_TO_DB, null))
        .isInstanceOf(SheetLayoutException.class)
        .hasMessageContaining("'Notes' is sheet-to-db but has no record field");
  }

  @Test
  void refusesOnConflictOutsideTwoWayColumns() {
    assertThatThrownBy(
            () ->
                new ColumnLayout("Notes", "notes", null, true, null, null, null, OnConflict.SHEET))
        .isInstanceOf(SheetLayoutException.class)
        .hasMessageContaining("on-conflict is for two-way");
  }

  @Test
  void refusesAKeyColumnThatIsNotDbToSheet() {
    assertThatThrownBy(
            () ->
                TabLayoutTest.requests(
                    DeletePolicy.IGNORE,
                    null,
                    List.of(
                        ColumnLayout.readIn("ID", "id", Direction.TWO_WAY, null),
                        field("Code", "bookingCode"))))
        .isInstanceOf(SheetLayoutException.class)
        .hasMessageContaining("key column 'ID' must be db-to-sheet");
  }

  @Test
  void refusesReadingIntoARelatedRecordsField() {
    assertThatThrownBy(
            () ->
                TabLayoutTest.requests(
                    DeletePolicy.IGNORE,
                    null,
                    List.of(
                        field("ID", "id"),
                        ColumnLayout.readIn("Seller", "seller.name", Direction.SHEET_TO_DB, null))))
        .isInstanceOf(SheetLayoutException.class)
        .hasMessageContaining("reads people's values into seller.name");
  }

  @Test
  void importNewRowsIsRefusedOnATabWithoutARequiredColumn() {
    List<ColumnLayout> withoutAmountAndRequest =
        List.of(
            field("ID", "id"),
            field("Payment Date", "paymentDate"),
            field("Method", "method"),
            field("Notes", "notes"));

    assertThatThrownBy(
            () ->
                new TabLayout(
                    dev.sheetsync.records.SyncModel.REVENUE,
                    "Revenue",
                    1,
                    "ID",
                    DeletePolicy.CLEAR,
                    null,
                    null,
                    withoutAmountAndRequest,
                    true))
        .isInstanceOf(SheetLayoutException.class)
        .hasMessageContaining(
            "import-new-rows needs a column with source requestId or request.bookingCode")
        .hasMessageContaining("import-new-rows needs a column with source amount");
  }

  @Test
  void importNewRowsIsRefusedOnATabWhoseRecordsCannotBeImported() {
    assertThatThrownBy(
            () ->
                new TabLayout(
                    dev.sheetsync.records.SyncModel.OPERATOR,
                    "Operators",
                    1,
                    "ID",
                    DeletePolicy.CLEAR,
                    null,
                    null,
                    List.of(field("ID", "id"), field("Supplier", "supplierName")),
                    true))
        .isInstanceOf(SheetLayoutException.class)
        .hasMessageContaining("import-new-rows is not supported for Operator records");
  }

  @Test
  void revenueImportsItsOwnFieldsAndTheBookingCodeButNotTheCustomer() {
    TabLayout revenue =
        new TabLayout(
            dev.sheetsync.records.SyncModel.REVENUE,
            "Revenue",
            1,
            "ID",
            DeletePolicy.CLEAR,
            null,
            null,
            List.of(
                field("ID", "id"),
                field("Booking Code", "request.bookingCode"),
                field("Customer", "request.customerName"),
                field("Payment Date", "paymentDate"),
                field("Amount", "amount"),
                field("Method", "method"),
                field("Updated", "updatedAt")),
            true);

    assertThat(revenue.importColumns())
        .extracting(ColumnLayout::header)
        .containsExactly("Booking Code", "Payment Date", "Amount", "Method");
  }
}
