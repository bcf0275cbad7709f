package dev.sheetsync.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.SheetsyncApplication;
import dev.sheetsync.emulator.SheetsEmulator;
import dev.sheetsync.emulator.ValueRender;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's standalone route: start the emulator, then the service with {@code
 * SHEETS_EMULATOR_HOST}. A fresh emulator has no spreadsheet; the service creates it.
 */
class StandaloneEmulatorTest {

  @Test
  void serviceCreatesTheSpreadsheetAndItsTabsWithHeadersOnAFreshStandaloneEmulator() {
    try (SheetsEmulator emulator = SheetsEmulator.start(0);
        ConfigurableApplicationContext context =
            new SpringApplicationBuilder(SheetsyncApplication.class)
                .profiles("test")
                .run(
                    "--sheetsync.sheets.emulator-host="
                        + emulator.baseUrl().replaceFirst("^http://", "").replaceFirst("/$", ""),
                    "--sheetsync.sheets.spreadsheet-id=local")) {
      SheetLayouts layouts = context.getBean(SheetLayouts.class);

      for (TabLayout tab : layouts.tabs()) {
        List<List<Object>> header =
            emulator.values(
                "local",
                "'" + tab.tabName() + "'!A1:" + tab.lastColumnLetter() + "1",
                ValueRender.FORMATTED_VALUE);
        assertThat(header).as(tab.tabName()).containsExactly(List.<Object>copyOf(tab.headers()));
      }
      assertThat(context.getBean(SpreadsheetTarget.class).mode())
          .isEqualTo(SheetsProperties.Mode.EXTERNAL_EMULATOR);
    }
  }
}
