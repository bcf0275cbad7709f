package dev.sheetsync.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.util.Data;
import dev.sheetsync.reliability.TabShape.Owner;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceLayoutTest {

  @Test
  void readsTheLayoutTheJarRunsWithIncludingFormulaAndSeededColumns() {
    List<TabShape> shapes = ServiceLayout.load().shapes();

    assertThat(shapes).extracting(TabShape::tab).contains("Requests", "Operators", "Revenue");
    TabShape requests = shapes.stream().filter(s -> s.tab().equals("Requests")).findFirst().get();
    assertThat(requests.keyColumn()).isZero();
    assertThat(requests.columns())
        .extracting(TabShape.Column::owner)
        .contains(Owner.KEY, Owner.WRITABLE, Owner.FORMULA, Owner.SEEDED);
    assertThat(requests.columns())
        .filteredOn(c -> c.owner() == Owner.FORMULA)
        .allSatisfy(c -> assertThat(c.formulaTemplate()).startsWith("=").contains("{row}"));
  }

  @Test
  void readsMappedCellsAsTheSheetShowsThem() {
    List<Object> row =
        Arrays.asList("'=HYPERLINK(\"x\")", new BigDecimal("12.50"), Data.NULL_STRING, "", 3);

    assertThat(ServiceLayout.texts(row)).containsExactly("=HYPERLINK(\"x\")", "12.5", "", "", "3");
  }
}
