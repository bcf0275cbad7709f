package dev.sheetsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheetsync.reliability.TabShape.Column;
import dev.sheetsync.reliability.TabShape.DeletePolicy;
import dev.sheetsync.reliability.TabShape.Marker;
import dev.sheetsync.reliability.TabShape.Owner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsistencyCheckTest {

  /** ID | Name | Total paid (formula) | Amount | Notes (people) | Status (delete marker). */
  private static final TabShape LAYOUT =
      new TabShape(
          "Request",
          "Requests",
          List.of(
              new Column("ID", Owner.KEY, null),
              new Column("Name", Owner.WRITABLE, null),
              new Column("Total paid", Owner.FORMULA, "=SUM(D{row})"),
              new Column("Amount", Owner.WRITABLE, null),
              new Column("Notes", Owner.PEOPLE, null),
              new Column("Status", Owner.WRITABLE, null)),
          DeletePolicy.MARK,
          new Marker(5, "DELETED"));

  private static final List<String> HEADER =
      List.of("ID", "Name", "Total paid", "Amount", "Notes", "Status");

  private final ConsistencyCheck check = new ConsistencyCheck(List.of(LAYOUT));
  private final List<List<String>> values = new ArrayList<>(List.of(HEADER));
  private final List<List<String>> formulas = new ArrayList<>(List.of(HEADER));
  private final Expectations expected = new Expectations();

  @Test
  void acceptsASheetThatShowsEveryRecordOnceInItsOwnRow() {
    liveRecord("a", "Alice", "10.5", "NEW");
    liveRecord("b", "Bob", "20", "CONFIRMED");
    row("a", "Alice", "10.5", "NEW");
    row("b", "Bob", "20.00", "CONFIRMED");
    expected.deleted("Requests", "c");
    row("c", "Carol", "5", "DELETED");

    ConsistencyReport report = check.check(sheet(), expected, drainedQueue(1, 2, 3));

    assertThat(report.violations()).isEmpty();
    assertThat(report.checkedRecords()).isEqualTo(2);
    assertThat(report.checkedItems()).isEqualTo(3);
  }

  @Test
  void reportsARowThatHoldsAnotherRecordsValuesAsAWrongRowWrite() {
    liveRecord("a", "Alice", "10.5", "NEW");
    liveRecord("b", "Bob", "20", "CONFIRMED");
    row("a", "Bob", "20", "NEW");
    row("b", "Bob", "20", "CONFIRMED");

    ConsistencyReport report = check.check(sheet(), expected, drainedQueue());

    assertThat(report.wrongRowWrites()).isEqualTo(1);
    assertThat(report.lostChanges()).isZero();
    assertThat(report.violations()).singleElement().asString().contains("row 2 of a", "[b]");
  }

  @Test
  void reportsADuplicateRowAndAMissingRowAndAStaleValue() {
    liveRecord("a", "Alice", "10.5", "NEW");
    liveRecord("b", "Bob", "20", "CONFIRMED");
    liveRecord("c", "Carol", "7", "COMPLETED");
    row("a", "Alice", "10.5", "NEW");
    row("a", "Alice", "10.5", "NEW");
    row("b", "Bob", "19", "CONFIRMED");

    ConsistencyReport report = check.check(sheet(), expected, drainedQueue());

    assertThat(report.duplicates()).isEqualTo(1);
    assertThat(report.lostChanges()).isEqualTo(2);
    assertThat(report.violations())
        .anySatisfy(v -> assertThat(v).contains("record a is in rows [2, 3]"))
        .anySatisfy(v -> assertThat(v).contains("no row holds live record c"))
        .anySatisfy(v -> assertThat(v).contains("Amount='19' (expected '20')"));
  }

  @Test
  void reportsOverwrittenFormulaAndPeopleCellsAndRowsWithoutAKnownId() {
    liveRecord("a", "Alice", "10.5", "NEW");
    expected.kept("Requests", "a", 4, "call back");
    values.add(List.of("a", "Alice", "10.5", "10.5", "", "NEW"));
    formulas.add(List.of("a", "Alice", "10.5", "10.5", "", "NEW"));
    row("ghost", "Gus", "1", "NEW");
    row("", "Nobody", "", "");

    ConsistencyReport report = check.check(sheet(), expected, drainedQueue());

    assertThat(report.overwrittenCells()).isEqualTo(2);
    assertThat(report.wrongRowWrites()).isEqualTo(2);
    assertThat(report.violations())
        .anySatisfy(v -> assertThat(v).contains("C2 of a is '10.5', expected '=SUM(D2)'"))
        .anySatisfy(v -> assertThat(v).contains("E2 of a is '', expected 'call back'"))
        .anySatisfy(v -> assertThat(v).contains("unknown id 'ghost'"))
        .anySatisfy(v -> assertThat(v).contains("row 4 has no id"));
  }

  @Test
  void reportsADeletedRecordWhoseRowIsNotMarked() {
    expected.deleted("Requests", "c");
    row("c", "Carol", "5", "NEW");

    ConsistencyReport report = check.check(sheet(), expected, drainedQueue());

    assertThat(report.lostChanges()).isEqualTo(1);
    assertThat(report.violations()).singleElement().asString().contains("not marked");
  }

  @Test
  void reportsUndrainedUnexpectedlyFailedAndTwiceLoggedQueueItems() {
    QueueState queue =
        new QueueState(
            List.of(
                item(1, "PENDING"),
                item(2, "PROCESSING"),
                item(3, "FAILED"),
                item(4, "FAILED"),
                item(5, "COMPLETED"),
                item(6, "COMPLETED"),
                item(7, "COMPLETED")),
            Map.of(5, 2, 7, 1).entrySet().stream()
                .collect(
                    java.util.stream.Collectors.toMap(e -> (long) e.getKey(), e -> e.getValue())));
    expected.expectFailed(4);

    ConsistencyReport report = check.check(sheet(), expected, queue);

    assertThat(report.queueViolations()).isEqualTo(3);
    assertThat(report.lostChanges()).isEqualTo(1);
    assertThat(report.duplicates()).isEqualTo(1);
    assertThat(report.violations())
        .anySatisfy(v -> assertThat(v).contains("item 1", "still PENDING"))
        .anySatisfy(v -> assertThat(v).contains("item 2", "still PROCESSING"))
        .anySatisfy(v -> assertThat(v).contains("item 3", "FAILED after"))
        .anySatisfy(v -> assertThat(v).contains("item 5", "2 SUCCESS log rows"))
        .anySatisfy(v -> assertThat(v).contains("item 6", "without a SUCCESS log row"));
    assertThatThrownBy(report::assertConsistent).hasMessageContaining("1 duplicates");
  }

  @Test
  void comparesNumbersAndDatesTheWayTheSheetStoresThem() {
    assertThat(Cells.same("12.50", "12.5")).isTrue();
    assertThat(Cells.same("2026-01-10", "46032")).isTrue();
    assertThat(Cells.same("2026-01-10", "46033")).isFalse();
    assertThat(Cells.same("=HYPERLINK(\"http://evil\",\"x\")", "x")).isFalse();
    assertThat(ConsistencyCheck.column(0)).isEqualTo("A");
    assertThat(ConsistencyCheck.column(27)).isEqualTo("AB");
  }

  private void liveRecord(String id, String name, String amount, String status) {
    expected.live("Requests", id, List.of(id, name, "", amount, "", status));
  }

  /** Appends a row as sheetsync would have written it: formula from the template, notes empty. */
  private void row(String id, String name, String amount, String status) {
    int rowNumber = values.size() + 1;
    values.add(List.of(id, name, amount, amount, "", status));
    formulas.add(List.of(id, name, "=SUM(D" + rowNumber + ")", amount, "", status));
  }

  private Map<String, SheetTab> sheet() {
    return Map.of("Requests", new SheetTab("Requests", values, values, formulas));
  }

  private static QueueState drainedQueue(long... ids) {
    List<QueueState.Item> items = new ArrayList<>();
    Map<Long, Integer> logs = new java.util.HashMap<>();
    for (long id : ids) {
      items.add(item(id, "COMPLETED"));
      logs.put(id, 1);
    }
    return new QueueState(items, logs);
  }

  private static QueueState.Item item(long id, String status) {
    return new QueueState.Item(id, status, "Request", "UPDATE", "r" + id, 0);
  }
}
