package dev.sheetsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Formulas are evaluated when read, against the current data of every tab. */
class FormulaTest extends EmulatorTestSupport {

  private Object value(String formula) throws Exception {
    put("Sheet1!Z1", "USER_ENTERED", rows(row(formula)));
    return get("Sheet1!Z1", "UNFORMATTED_VALUE").get(0).get(0);
  }

  @Test
  void evaluatesArithmeticWithPrecedenceAndParentheses() throws Exception {
    assertThat(value("=1+2*3")).isEqualTo(new BigDecimal(7));
    assertThat(value("=(1+2)*3")).isEqualTo(new BigDecimal(9));
    assertThat(value("=-4/8")).isEqualTo(new BigDecimal("-0.5"));
    assertThat(value("=\"a\"&\"b\"")).isEqualTo("ab");
  }

  @Test
  void evaluatesReferencesOnTheSameAndOtherTabs() throws Exception {
    put("Sheet1!A1", "USER_ENTERED", rows(row("2", "=A1*10")));
    put("Data!A1", "USER_ENTERED", rows(row("5")));

    assertThat(value("=B1+Data!A1")).isEqualTo(new BigDecimal(25));
    assertThat(value("=Sheet1!A1+'Data'!$A$1")).isEqualTo(new BigDecimal(7));
  }

  @Test
  void sumAndSumifOverWholeColumnsReflectOtherTabsCurrentData() throws Exception {
    put(
        "Data!A1",
        "USER_ENTERED",
        rows(
            row("op", "x", "y", "amount"),
            row("a", "", "", "10"),
            row("b", "", "", "5"),
            row("a", "", "", "2.5")));
    put(
        "Sheet1!A1",
        "USER_ENTERED",
        rows(
            row(
                "a",
                "=SUMIF(Data!A:A,A1,Data!D:D)",
                "=SUM(Data!D:D)",
                "=COUNTIF(Data!A:A,\"a\")")));

    assertThat(get("Sheet1!B1:D1", "UNFORMATTED_VALUE"))
        .isEqualTo(rows(row(new BigDecimal("12.5"), new BigDecimal("17.5"), new BigDecimal(2))));

    put("Data!A5", "USER_ENTERED", rows(row("a", "", "", "100")));
    assertThat(get("Sheet1!B1", "FORMATTED_VALUE")).isEqualTo(rows(row("112.5")));
    assertThat(value("=SUMIF(Data!D:D,\">5\")")).isEqualTo(new BigDecimal(110));
  }

  @Test
  void sumifsAddsOnlyRowsMatchingEveryCriterion() throws Exception {
    put(
        "Data!A1",
        "USER_ENTERED",
        rows(
            row("request", "cost", "status"),
            row("r1", "2100", "PAID"),
            row("r1", "240", "DELETED"),
            row("r2", "50", "UNPAID")));

    assertThat(value("=SUMIFS(Data!B:B,Data!A:A,\"r1\",Data!C:C,\"<>DELETED\")"))
        .isEqualTo(new BigDecimal(2100));
    assertThat(value("=SUMIFS(Data!B:B,Data!A:A,\"r1\")")).isEqualTo(new BigDecimal(2340));
    assertThat(value("=SUMIFS(Data!B:B,Data!A:A)")).isEqualTo("#VALUE!");
  }

  @Test
  void reportsSheetsErrors() throws Exception {
    put("Sheet1!A1", "RAW", rows(row("text")));

    assertThat(value("=VLOOKUP(1,A:B,2,FALSE)")).isEqualTo("#NAME?");
    assertThat(value("=1/0")).isEqualTo("#DIV/0!");
    assertThat(value("=A1*2")).isEqualTo("#VALUE!");
    assertThat(value("=Missing!A1")).isEqualTo("#REF!");
    assertThat(value("=Z1+1")).isEqualTo("#REF!"); // circular
    assertThat(value("=1+")).isEqualTo("#ERROR!");
  }

  @Test
  void formattedValueShowsTheResultAndFormulaRenderTheSource() throws Exception {
    put("Sheet1!A1", "USER_ENTERED", rows(row("1.5", "=A1*2", "=IF(A1>1,\"big\",\"small\")")));

    assertThat(get("Sheet1!A1:C1", "FORMATTED_VALUE")).isEqualTo(rows(row("1.5", "3", "big")));
    assertThat(get("Sheet1!B1:C1", "FORMULA"))
        .isEqualTo(rows(row("=A1*2", "=IF(A1>1,\"big\",\"small\")")));
  }
}
