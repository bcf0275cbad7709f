package dev.sheetsync.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheetsync.conflicts.Conflict;
import dev.sheetsync.conflicts.ConflictResolution;
import dev.sheetsync.conflicts.ConflictResolution.Keep;
import dev.sheetsync.conflicts.Conflicts;
import dev.sheetsync.sheets.ColumnLayout;
import dev.sheetsync.sheets.OnEdit;
import dev.sheetsync.sheets.SheetLayouts;
import dev.sheetsync.sheets.TabLayout;
import dev.sheetsync.system.ApiException;
import dev.sheetsync.system.Paging;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * People type over cells sheetsync owns; the write-back finds each edit before overwriting it,
 * records it as a conflict with the three values, and the column's on-edit decides the rest.
 * Requests columns: A ID, B Booking Code, C Customer, D Phone, E Email.
 */
class PeopleEditsTest extends WriteBackTestSupport {

  private static final String SHOWN = "FORMATTED_VALUE";

  @Autowired Conflicts conflicts;
  @Autowired ConflictResolution resolution;

  @Test
  void anEditedCellIsRecordedOnceWithItsThreeValuesThenOverwrittenByTheDatabase() throws Exception {
    UUID ada = newRequest("Ada");
    writeBack.runOnce();
    people.type("Requests", "D2", "+44 20 7946 0000");

    renameCustomer(ada, "Ada Lovelace");
    RunResult result = writeBack.runOnce();

    assertThat(result.succeeded()).isEqualTo(1);
    List<Conflict> open = open();
    assertThat(open).hasSize(1);
    Conflict phone = open.get(0);
    assertThat(phone.model()).isEqualTo("Request");
    assertThat(phone.recordId()).isEqualTo(ada);
    assertThat(phone.tab()).isEqualTo("Requests");
    assertThat(phone.column()).isEqualTo("Phone");
    assertThat(phone.rowIndex()).isEqualTo(2);
    assertThat(phone.writtenValue()).isEqualTo("+1 555 0100");
    assertThat(phone.sheetValue()).isEqualTo("+44 20 7946 0000");
    assertThat(phone.databaseValue()).isEqualTo("+1 555 0100");
    assertThat(phone.bookingCode()).isEqualTo("BK-1");
    assertThat(phone.customer()).isEqualTo("Ada Lovelace");
    assertThat(people.cell("Requests", "D2", SHOWN)).isEqualTo("+1 555 0100");
    assertThat(people.cell("Requests", "C2", SHOWN)).isEqualTo("Ada Lovelace");

    renameCustomer(ada, "Ada King");
    writeBack.runOnce();

    assertThat(open()).as("overwritten: the cell holds what was written").hasSize(1);
    assertThat(count("select count(*) from sync_conflicts")).isEqualTo(1);
  }

  @Test
  void cellsPeopleDidNotChangeAndEditsMatchingTheDatabaseAreNoConflicts() throws Exception {
    UUID ada = newRequest("Ada");
    UUID grace = newRequest("Grace");
    writeBack.runOnce();
    people.type("Requests", "C3", "Grace Hopper"); // what the database will hold
    renameCustomer(grace, "Grace Hopper");
    renameCustomer(ada, "Ada Lovelace");

    writeBack.runOnce();

    assertThat(open()).isEmpty();
    assertThat(people.cell("Requests", "C2", SHOWN)).isEqualTo("Ada Lovelace");
    assertThat(people.cell("Requests", "C3", SHOWN)).isEqualTo("Grace Hopper");
  }

  @Test
  void aKeepColumnLeavesThePersonsValueUntilTheConflictIsResolved() throws Exception {
    WriteBack keeping = writeBackWith(keepPhone());
    UUID ada = newRequest("Ada");
    keeping.runOnce();
    people.type("Requests", "D2", "+44 20 7946 0000");

    renameCustomer(ada, "Ada Lovelace");
    keeping.runOnce();
    renameCustomer(ada, "Ada King");
    keeping.runOnce();

    assertThat(people.cell("Requests", "D2", SHOWN)).isEqualTo("+44 20 7946 0000");
    assertThat(people.cell("Requests", "C2", SHOWN)).isEqualTo("Ada King");
    assertThat(open()).hasSize(1);

    resolution.resolve(open().get(0).id(), Keep.DATABASE, "admin@example.com");
    keeping.runOnce();

    assertThat(people.cell("Requests", "D2", SHOWN)).isEqualTo("+1 555 0100");
    assertThat(open()).isEmpty();
    assertThat(count("select count(*) from sync_conflicts")).isEqualTo(1);
  }

  @Test
  void resolvingWithTheSheetPutsThePersonsValueIntoTheRecordAndNeverFindsItAgain()
      throws Exception {
    UUID ada = newRequest("Ada");
    writeBack.runOnce();
    people.type("Requests", "D2", "+44 20 7946 0000");
    renameCustomer(ada, "Ada Lovelace");
    writeBack.runOnce();

    Conflict resolved = resolution.resolve(open().get(0).id(), Keep.SHEET, "admin@example.com");
    writeBack.runOnce();
    writeBack.runOnce();

    assertThat(resolved.status()).isEqualTo("RESOLVED");
    assertThat(resolved.resolution()).isEqualTo("SHEET");
    assertThat(resolved.resolvedBy()).isEqualTo("admin@example.com");
    assertThat(
            jdbc.sql("select customer_phone from requests where id = :id")
                .param("id", ada)
                .query(String.class)
                .single())
        .isEqualTo("+44 20 7946 0000");
    assertThat(people.cell("Requests", "D2", SHOWN)).isEqualTo("+44 20 7946 0000");
    assertThat(open()).isEmpty();
    assertThat(count("select count(*) from sync_conflicts")).isEqualTo(1);
  }

  @Test
  void aSheetValueTheRecordRefusesIsA400NamingTheFieldAndTheConflictStaysOpen() throws Exception {
    UUID ada = newRequest("Ada");
    writeBack.runOnce();
    people.type("Requests", "E2", "not an e-mail");
    renameCustomer(ada, "Ada Lovelace");
    writeBack.runOnce();
    long id = open().get(0).id();

    assertThatThrownBy(() -> resolution.resolve(id, Keep.SHEET, "admin@example.com"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status().value()).isEqualTo(400);
              assertThat(e.fields()).containsKey("customerEmail");
            });
    assertThat(open()).extracting(Conflict::id).containsExactly(id);
    assertThat(
            jdbc.sql("select customer_email from requests where id = :id")
                .param("id", ada)
                .query(String.class)
                .single())
        .isEqualTo("guest1@example.com");
  }

  @Test
  void aNumberPeopleOnlyReformattedIsNotAnEdit() throws Exception {
    UUID ada = newRequest("Ada");
    writeBack.runOnce();
    people.type("Requests", "J2", "1,234.50"); // Total Price, same value, grouped

    renameCustomer(ada, "Ada Lovelace");
    writeBack.runOnce();

    assertThat(open()).isEmpty();
  }

  @Test
  void valuesAWriteStagedBeforeACrashAreNotTakenForPeoplesEdits() throws Exception {
    UUID ada = newRequest("Ada");
    writeBack.runOnce();
    // A run staged and wrote "Ada Lovelace", then died before recording its outcome...
    jdbc.sql(
            "update sheet_written_rows set pending = '{\"Customer\":\"Ada Lovelace\"}'"
                + " where record_id = :id")
        .param("id", ada)
        .update();
    people.type("Requests", "C2", "Ada Lovelace");
    // ...and the record changed again since.
    renameCustomer(ada, "Ada King");

    writeBack.runOnce();

    assertThat(open()).isEmpty();
    assertThat(people.cell("Requests", "C2", SHOWN)).isEqualTo("Ada King");
    assertThat(
            count(
                "select count(*) from sheet_written_rows where pending is null"
                    + " and cells->>'Customer' = 'Ada King'"))
        .isEqualTo(1);
  }

  private List<Conflict> open() {
    return conflicts.page(Conflict.OPEN, new Paging(0, 50)).items();
  }

  private SheetLayouts keepPhone() {
    List<ColumnLayout> columns = new ArrayList<>();
    for (ColumnLayout c : requestsTab.columns()) {
      columns.add(
          c.header().equals("Phone")
              ? new ColumnLayout(c.header(), c.source(), c.format(), true, null, OnEdit.KEEP)
              : c);
    }
    TabLayout requests =
        new TabLayout(
            requestsTab.model(),
            requestsTab.tabName(),
            requestsTab.headerRow(),
            requestsTab.keyColumn(),
            requestsTab.deletePolicy(),
            requestsTab.deleteMarkerColumn(),
            requestsTab.deleteMarker(),
            columns);
    return new SheetLayouts(List.of(requests, operatorsTab, revenueTab));
  }
}
