package dev.sheetsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class A1Test {

  private static final int U = A1.UNBOUNDED;

  @Test
  void parsesSheetAndCellRange() {
    assertThat(A1.parse("Sheet1!A1:B2")).isEqualTo(new A1.Range("Sheet1", 0, 2, 0, 2));
  }

  @Test
  void parsesWholeColumnsRowsAndOpenEndedRanges() {
    assertThat(A1.parse("Sheet1!A:A")).isEqualTo(new A1.Range("Sheet1", 0, U, 0, 1));
    assertThat(A1.parse("Sheet1!1:2")).isEqualTo(new A1.Range("Sheet1", 0, 2, 0, U));
    assertThat(A1.parse("Sheet1!A5:A")).isEqualTo(new A1.Range("Sheet1", 4, U, 0, 1));
    assertThat(A1.parse("Sheet1!B:D")).isEqualTo(new A1.Range("Sheet1", 0, U, 1, 4));
  }

  @Test
  void parsesSheetNameAloneAsWholeSheet() {
    assertThat(A1.parse("Sheet1").wholeSheet()).isTrue();
    assertThat(A1.parse("Sheet1").sheet()).isEqualTo("Sheet1");
  }

  @Test
  void parsesBareRangeAsFirstSheet() {
    assertThat(A1.parse("A1:B2")).isEqualTo(new A1.Range(null, 0, 2, 0, 2));
    assertThat(A1.parse("c3")).isEqualTo(new A1.Range(null, 2, 3, 2, 3));
  }

  @Test
  void parsesQuotedNamesWithSpacesApostrophesAndCellLikeNames() {
    assertThat(A1.parse("'Jon''s Data'!A1:D5")).isEqualTo(new A1.Range("Jon's Data", 0, 5, 0, 4));
    assertThat(A1.parse("'My Sheet'!B2")).isEqualTo(new A1.Range("My Sheet", 1, 2, 1, 2));
    assertThat(A1.parse("'A1'")).isEqualTo(new A1.Range("A1", 0, U, 0, U));
    assertThat(A1.parse("'A1'!A1")).isEqualTo(new A1.Range("A1", 0, 1, 0, 1));
  }

  @Test
  void normalisesReversedCornersAndDollarSigns() {
    assertThat(A1.parse("Sheet1!B2:A1")).isEqualTo(new A1.Range("Sheet1", 0, 2, 0, 2));
    assertThat(A1.parse("Sheet1!$A$1:$B$2")).isEqualTo(new A1.Range("Sheet1", 0, 2, 0, 2));
  }

  @Test
  void rejectsMalformedRanges() {
    for (String bad :
        new String[] {"Sheet1!", "Sheet1!A0", "Sheet1!A:5", "'Open", "Sheet1!1A", ""}) {
      assertThatThrownBy(() -> A1.parse(bad))
          .as(bad)
          .isInstanceOf(ApiException.class)
          .hasMessageStartingWith("Unable to parse range: ");
    }
  }

  @Test
  void convertsColumnLettersBothWays() {
    assertThat(A1.columnIndex("A")).isZero();
    assertThat(A1.columnIndex("Z")).isEqualTo(25);
    assertThat(A1.columnIndex("AA")).isEqualTo(26);
    assertThat(A1.columnLetters(701)).isEqualTo("ZZ");
    assertThat(A1.columnLetters(702)).isEqualTo("AAA");
  }

  @Test
  void quotesSheetNamesOnlyWhenNeeded() {
    assertThat(A1.format("Requests", 10, 13, 0, 11)).isEqualTo("Requests!A11:K13");
    assertThat(A1.format("Jon's Data", 0, 1, 0, 1)).isEqualTo("'Jon''s Data'!A1");
    assertThat(A1.format("A1", 0, 2, 0, 2)).isEqualTo("'A1'!A1:B2");
  }

  @Test
  void rewritesFormulaReferencesOutsideStringLiterals() {
    String out =
        FormulaRefs.rewrite(
            "=SUMIF(Revenue!A:A,\"B2\",B2)+'Jon''s'!C3", ref -> ref.text().toLowerCase());
    assertThat(out).isEqualTo("=SUMIF(revenue!a:a,\"B2\",b2)+'jon''s'!c3");
  }
}
