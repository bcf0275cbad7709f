package dev.sheetsync.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheetsync.records.SyncModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The layout as the application binds it: application.yml, and a file replacing it. */
class LayoutConfigurationTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(LayoutProperties.class)
  @Import(LayoutConfiguration.class)
  static class LayoutOnly {}

  @TempDir Path dir;

  static SheetLayouts layouts(String... args) {
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(LayoutOnly.class)
            .web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .run(args)) {
      return context.getBean(SheetLayouts.class);
    }
  }

  @Test
  void defaultLayoutHasTheThreeTabsWithFormulaAndPersonColumnsBetweenWritableOnes() {
    SheetLayouts layouts = layouts();

    assertThat(layouts.tabs())
        .extracting(TabLayout::tabName)
        .containsExactly("Requests", "Operators", "Revenue");
    TabLayout requests = layouts.forModel(SyncModel.REQUEST);
    assertThat(requests.headers())
        .containsExactly(
            "ID",
            "Booking Code",
            "Customer",
            "Phone",
            "Email",
            "Destination",
            "Start Date",
            "End Date",
            "Pax",
            "Total Price",
            "Currency",
            "Total Paid",
            "Balance",
            "Status",
            "Seller",
            "Staff Notes",
            "Notes",
            "Updated At");
    assertThat(requests.columns().get(requests.columnIndex("Total Paid")).formula())
        .isEqualTo("=SUMIF(Revenue!B:B,A{row},Revenue!E:E)");
    assertFormulaBetweenWritableColumns(requests, "Total Paid");
    assertThat(requests.columns().get(requests.columnIndex("Staff Notes")).writable()).isFalse();
    assertThat(requests.deletePolicy()).isEqualTo(DeletePolicy.MARK);
    assertThat(requests.deleteMarkerColumn()).isEqualTo("Status");

    TabLayout operators = layouts.forModel(SyncModel.OPERATOR);
    assertFormulaBetweenWritableColumns(operators, "Request Cost Total");

    TabLayout revenue = layouts.forModel(SyncModel.REVENUE);
    assertThat(revenue.headers())
        .containsExactly(
            "ID",
            "Request ID",
            "Booking Code",
            "Payment Date",
            "Amount",
            "Method",
            "Reference",
            "Notes");
    assertThat(revenue.deletePolicy()).isEqualTo(DeletePolicy.CLEAR);
    // The Requests formula sums Revenue's Request ID (B) and Amount (E) columns.
    assertThat(TabLayout.columnLetter(revenue.columnIndex("Request ID"))).isEqualTo("B");
    assertThat(TabLayout.columnLetter(revenue.columnIndex("Amount"))).isEqualTo("E");
  }

  private static void assertFormulaBetweenWritableColumns(TabLayout tab, String header) {
    int index = tab.columnIndex(header);
    assertThat(tab.columns().get(index).formula()).isNotNull();
    assertThat(tab.columns().get(index - 1).writable()).isTrue();
    assertThat(tab.columns().subList(index + 1, tab.width())).anyMatch(ColumnLayout::writable);
  }

  @Test
  void anOutsideFileReplacesATabsColumnListInsteadOfMergingIntoIt() throws Exception {
    Path file = dir.resolve("layout.yml");
    Files.writeString(
        file,
        """
        sheetsync:
          layout:
            tabs:
              request:
                tab-name: Bookings
                delete-policy: delete-row
                columns:
                  - { header: ID, source: id }
                  - { header: Code, source: bookingCode }
                  - { header: Price, source: totalPrice, format: text }
        """);

    SheetLayouts layouts = layouts("--SHEETSYNC_LAYOUT_FILE=" + file);

    TabLayout requests = layouts.forModel(SyncModel.REQUEST);
    assertThat(requests.tabName()).isEqualTo("Bookings");
    assertThat(requests.headers()).containsExactly("ID", "Code", "Price");
    assertThat(requests.columns().get(2).format()).isEqualTo(ColumnFormat.TEXT);
    assertThat(requests.deletePolicy()).isEqualTo(DeletePolicy.DELETE_ROW);
    // Tabs the file does not mention keep their defaults.
    assertThat(layouts.forModel(SyncModel.OPERATOR).width()).isEqualTo(12);
  }

  @Test
  void aBadOutsideLayoutFailsStartupNamingTabAndColumn() throws Exception {
    Path file = dir.resolve("layout.yml");
    Files.writeString(
        file,
        """
        sheetsync:
          layout:
            tabs:
              revenue:
                import-new-rows: false
                columns:
                  - { header: ID, source: id }
                  - { header: Paid, source: amountPaid }
        """);

    assertThatThrownBy(() -> layouts("--SHEETSYNC_LAYOUT_FILE=" + file))
        .satisfies(
            e ->
                assertThat(new SheetsFailureAnalyzer().analyze(e).getDescription())
                    .startsWith("The sheet layout (sheetsync.layout) is invalid: Tab 'Revenue'"))
        .rootCause()
        .isInstanceOf(SheetLayoutException.class)
        .hasMessageContaining(
            "Tab 'Revenue' (Revenue): column 'Paid' has unknown source 'amountPaid'");
  }
}
