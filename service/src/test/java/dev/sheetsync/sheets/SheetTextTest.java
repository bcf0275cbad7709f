package dev.sheetsync.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What people type or see in a cell, read back into a value; and when two displays agree. */
class SheetTextTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1234.5|1234.5",
        "1,234.50|1234.50",
        "$1,234.50|1234.50",
        "1.250,50|1250.50",
        "1 250,50 €|1250.50",
        "12,5|12.5",
        "1,250|1250",
        "1.250.000|1250000",
        "-3.5|-3.5",
        "(3.5)|-3.5",
        "0.12|0.12"
      })
  void numbersAreReadAsTheyAreShown(String shown, String expected) {
    assertThat(SheetText.number(shown)).isEqualByComparingTo(new BigDecimal(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "12,5,0.1.1x", "--", "1.2.3,4,5"})
  void textThatIsNoNumberIsRefusedWithItsValueInTheMessage(String shown) {
    assertThatThrownBy(() -> SheetText.number(shown))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a number");
  }

  @ParameterizedTest
  @CsvSource({"2026-01-10", "2026/1/10", "10/01/2026", "10.1.2026", "10-01-2026"})
  void datesAreReadIsoOrDayFirst(String shown) {
    assertThat(SheetText.date(shown)).isEqualTo(LocalDate.of(2026, 1, 10));
  }

  @ParameterizedTest
  @ValueSource(strings = {"31/02/2026", "tomorrow", "2026-13-01"})
  void impossibleDatesAreRefused(String shown) {
    assertThatThrownBy(() -> SheetText.date(shown)).hasMessageContaining("is not a date");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "DECIMAL|1234.5|$1,234.50|true",
        "DECIMAL|1234.5|1234.51|false",
        "NUMBER|2|2.0|true",
        "DATE|2026-01-10|10/01/2026|true",
        "DATE|2026-01-10|11/01/2026|false",
        "DATETIME|2026-01-10 08:00:00|2026-01-10 08:00|true",
        "TEXT|Ada|Ada|true",
        "TEXT|Ada|ada|false",
        "TEXT|Ada|Ada.|false",
        "DECIMAL|1234.5||false",
        "TEXT|||true"
      })
  void displaysAgreeWhenTheyShowTheSameValue(
      ColumnFormat format, String written, String shown, boolean same) {
    assertThat(CellDisplay.same(format, written, shown)).isEqualTo(same);
  }

  @org.junit.jupiter.api.Test
  void aSentValueIsShownWithoutTheTextMarker() {
    assertThat(CellDisplay.ofSent("'=HYPERLINK(1)")).isEqualTo("=HYPERLINK(1)");
    assertThat(CellDisplay.ofSent("'007")).isEqualTo("007");
    assertThat(CellDisplay.ofSent("2026-01-10")).isEqualTo("2026-01-10");
    assertThat(CellDisplay.ofSent(new BigDecimal("1234.50"))).isEqualTo("1234.50");
    assertThat(CellDisplay.ofSent("")).isEmpty();
    assertThat(CellDisplay.ofSent(com.google.api.client.util.Data.NULL_STRING)).isNull();
  }
}
