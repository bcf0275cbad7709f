package dev.sheetsync.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheetsync.conflicts.Conflict;
import dev.sheetsync.conflicts.ConflictResolution;
import dev.sheetsync.conflicts.ConflictResolution.Keep;
import dev.sheetsync.conflicts.Conflicts;
import dev.sheetsync.system.ApiException;
import dev.sheetsync.system.Paging;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A person's edit in the row of a record that is then deleted: the delete policy writes the row
 * (clear empties its cells, mark sets the marker), so the edit is recorded as a conflict first,
 * which only the database side can resolve (the record is gone). Found by reliability scenario 8.
 */
class EditsOfDeletedRecordsTest extends WriteBackTestSupport {

  private static final String SHOWN = "FORMATTED_VALUE";

  @Autowired Conflicts conflicts;
  @Autowired ConflictResolution resolution;

  @Test
  void aNoteTypedIntoAPaymentsRowIsKeptOrRecordedWhenThePaymentIsDeletedAndItsRowCleared()
      throws Exception {
    UUID ada = newRequest("Ada");
    UUID payment = newRevenue(ada, "100.00");
    writeBack.runOnce();
    people.type("Revenue", "H2", "refund asked by phone"); // Notes

    records.deleteRevenue(payment);
    writeBack.runOnce();

    assertThat(keptOrRecorded("Revenue", "H2", "refund asked by phone")).isTrue();
  }

  @Test
  void aStatusTypedIntoARequestsRowIsKeptOrRecordedWhenTheRequestIsDeletedAndItsRowMarked()
      throws Exception {
    UUID ada = newRequest("Ada");
    writeBack.runOnce();
    people.type("Requests", "N2", "ON HOLD"); // Status, the delete marker's column

    records.deleteRequest(ada, false);
    writeBack.runOnce();

    assertThat(keptOrRecorded("Requests", "N2", "ON HOLD")).isTrue();
  }

  @Test
  void aConflictOfADeletedRecordResolvesOnlyWithTheDatabaseSide() throws Exception {
    UUID ada = newRequest("Ada");
    UUID payment = newRevenue(ada, "100.00");
    writeBack.runOnce();
    people.type("Revenue", "H2", "refund asked by phone");
    records.deleteRevenue(payment);
    writeBack.runOnce();
    Conflict conflict = conflicts.page(Conflict.OPEN, new Paging(0, 50)).items().get(0);

    assertThat(conflict.message()).contains("record deleted").contains("cleared");
    assertThat(conflict.bookingCode()).isEqualTo("BK-1");
    assertThatThrownBy(() -> resolution.resolve(conflict.id(), Keep.SHEET, "admin@example.com"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.status().value()).isEqualTo(409));
    Conflict resolved = resolution.resolve(conflict.id(), Keep.DATABASE, "admin@example.com");
    RunResult next = writeBack.runOnce();

    assertThat(resolved.status()).isEqualTo("RESOLVED");
    assertThat(next.failed()).isZero();
    assertThat(count("select count(*) from sync_queue where status <> 'COMPLETED'")).isZero();
  }

  private boolean keptOrRecorded(String tab, String cell, String value) throws Exception {
    return value.equals(String.valueOf(people.cell(tab, cell, SHOWN)))
        || conflicts.page(null, new Paging(0, 50)).items().stream()
            .map(Conflict::sheetValue)
            .anyMatch(value::equals);
  }
}
