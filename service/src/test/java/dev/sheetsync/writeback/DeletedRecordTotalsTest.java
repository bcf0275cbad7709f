package dev.sheetsync.writeback;

import static dev.sheetsync.testing.OperatorBuilder.anOperator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.emulator.ValueRender;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The numbers people read in the default layout leave deleted records out. */
class DeletedRecordTotalsTest extends WriteBackTestSupport {

  @Test
  void deletedOperatorsCostNoLongerCountsInTheRequestCostTotal() {
    UUID request = newRequest("Nguyễn Văn An");
    operator(request, "2100");
    UUID cancelled = operator(request, "240");
    writeBack.runOnce();
    assertThat(sheet.cell(operatorsTab, 2, "Request Cost Total", ValueRender.FORMATTED_VALUE))
        .isEqualTo("2340");

    records.deleteOperator(cancelled);
    writeBack.runOnce();

    assertThat(sheet.cell(operatorsTab, 3, "Payment Status", ValueRender.FORMATTED_VALUE))
        .isEqualTo("DELETED");
    assertThat(sheet.cell(operatorsTab, 2, "Request Cost Total", ValueRender.FORMATTED_VALUE))
        .isEqualTo("2100");
  }

  private UUID operator(UUID request, String cost) {
    return records.createOperator(anOperator().forRequest(request).cost(cost).build());
  }
}
