package dev.sheetsync.writeback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.conflicts.Conflict;
import dev.sheetsync.conflicts.Conflicts;
import dev.sheetsync.system.Paging;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A person's edit in the row of a record that is then deleted. The delete policies write the row
 * (clear empties its cells, mark sets the marker) without the edit check, which only looks at
 * updates, so the person's value disappears and no conflict holds it. Found while writing
 * reliability scenario 8; disabled until the write-back decides what a delete does with an edit
 * (record a conflict first, or leave the edited cell).
 */
@Disabled("people's edits are lost silently when the record is deleted (clear / mark policy)")
class EditsOfDeletedRecordsTest extends WriteBackTestSupport {

  private static final String SHOWN = "FORMATTED_VALUE";

  @Autowired Conflicts conflicts;

  People people;

  @BeforeEach
  void person() {
    people = new People(sheets, target);
  }

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

  private boolean keptOrRecorded(String tab, String cell, String value) throws Exception {
    return value.equals(String.valueOf(people.cell(tab, cell, SHOWN)))
        || conflicts.page(null, new Paging(0, 50)).items().stream()
            .map(Conflict::sheetValue)
            .anyMatch(value::equals);
  }
}
