package dev.sheetsync.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sheetsync.records.SyncModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.core.NestedExceptionUtils;

/** What a layout file gets told: every problem in one start, and sums that count deleted rows. */
class LayoutProblemsTest {

  @TempDir Path dir;

  @Test
  void everyProblemOfTheLayoutIsReportedInOneStart() throws Exception {
    Path file = dir.resolve("layout.yml");
    Files.writeString(
        file,
        """
        sheetsync:
          layout:
            tabs:
              request:
                columns:
                  - { header: ID, source: id }
                  - { header: Guest, source: guestName }
                  - { header: Tour, source: tourName }
                  - { header: Status, source: status }
              operator:
                columns:
                  - { header: ID, source: id }
                  - { header: Cost, source: cost }
                  - { header: Cost, source: cost }
                  - { header: Payment Status, source: paymentStatus }
                  - { header: Total, formula: "SUM(I:I)" }
        """);

    BeanCreationException failure =
        catchThrowableOfType(
            BeanCreationException.class,
            () -> LayoutConfigurationTest.layouts("--SHEETSYNC_LAYOUT_FILE=" + file));

    Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
    assertThat(cause).isInstanceOf(SheetLayoutException.class);
    List<String> problems = ((SheetLayoutException) cause).problems();
    assertThat(problems).hasSize(4);
    assertThat(problems.get(0)).contains("'Guest' has unknown source 'guestName'");
    assertThat(problems.get(1)).contains("'Tour' has unknown source 'tourName'");
    assertThat(problems)
        .anySatisfy(p -> assertThat(p).contains("Tab 'Operators'").contains("must start with '='"))
        .anySatisfy(p -> assertThat(p).contains("header 'Cost' appears twice"));
    assertThat(cause.getMessage()).startsWith("4 problems:");
  }

  @Test
  void defaultLayoutLeavesDeletedRecordsOutOfEverySum() {
    SheetLayouts layouts = LayoutConfigurationTest.layouts();

    assertThat(layouts.warnings()).isEmpty();
    assertThat(layouts.forModel(SyncModel.OPERATOR).columns())
        .filteredOn(c -> c.formula() != null)
        .singleElement()
        .extracting(ColumnLayout::formula)
        .asString()
        .contains("K:K,\"<>DELETED\"");
  }

  @Test
  void layoutIsWarnedWhenAFormulaSumsAnAmountThatMarkedDeletedRowsKeep() throws Exception {
    Path file = dir.resolve("layout.yml");
    Files.writeString(
        file,
        """
        sheetsync:
          layout:
            tabs:
              operator:
                columns:
                  - { header: ID, source: id }
                  - { header: Request ID, source: requestId }
                  - { header: Booking Code, source: request.bookingCode }
                  - { header: Customer, source: request.customerName }
                  - { header: Service Date, source: serviceDate, format: date }
                  - { header: Service Type, source: serviceType }
                  - { header: Supplier, source: supplierName }
                  - { header: Description, source: description }
                  - { header: Cost, source: cost, format: decimal }
                  - { header: Request Cost Total, formula: "=SUMIF(B:B,B{row},I:I)" }
                  - { header: Payment Status, source: paymentStatus }
              request:
                columns:
                  - { header: ID, source: id }
                  - { header: Status, source: status }
                  - { header: Services, formula: "=SUMIF(Operators!B:B,A{row},Operators!I:I)" }
        """);

    List<String> warnings =
        LayoutConfigurationTest.layouts("--SHEETSYNC_LAYOUT_FILE=" + file).warnings();

    assertThat(warnings).hasSize(2);
    assertThat(warnings)
        .allSatisfy(w -> assertThat(w).contains("column I 'Cost' of tab 'Operators'"))
        .anySatisfy(w -> assertThat(w).startsWith("Tab 'Operators'"))
        .anySatisfy(w -> assertThat(w).startsWith("Tab 'Requests'"));
  }
}
