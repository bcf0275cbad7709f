package dev.sheetsync.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.onboarding.AdoptReport.Ambiguous;
import dev.sheetsync.onboarding.AdoptReport.Matched;
import dev.sheetsync.onboarding.AdoptReport.Unmatched;
import dev.sheetsync.onboarding.AdoptReport.WithoutRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Matching key-less rows to records by a column's text (columns: ID, Code, Customer). */
class MatchPlanTest {

  static final UUID A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
  static final UUID B = UUID.fromString("00000000-0000-4000-8000-00000000000b");
  static final UUID C = UUID.fromString("00000000-0000-4000-8000-00000000000c");

  static AdoptReport plan(Map<UUID, String> values, List<List<Object>> rows) {
    return MatchPlan.plan(rows, 2, 0, 1, values);
  }

  static Map<UUID, String> values(Object... idAndValue) {
    Map<UUID, String> values = new LinkedHashMap<>();
    for (int i = 0; i < idAndValue.length; i += 2) {
      values.put((UUID) idAndValue[i], (String) idAndValue[i + 1]);
    }
    return values;
  }

  @Test
  void aCodeTypedInAnotherCaseAndSpacingMatchesItsRecord() {
    AdoptReport report =
        plan(
            values(A, "BK-12 A", B, "BK-13"),
            List.of(List.of("ID", "Code"), List.of("", " bk-12   a "), List.of("", "BK-99")));

    assertThat(report.matched()).containsExactly(new Matched(2, A, "bk-12   a"));
    assertThat(report.unmatchedRows()).containsExactly(new Unmatched(3, "BK-99"));
    assertThat(report.recordsWithoutRow()).containsExactly(new WithoutRow(B, "BK-13"));
  }

  @Test
  void aValueThatNamesSeveralRecordsOnlyOnceFoldedIsAmbiguousAndNamesThemAll() {
    AdoptReport report =
        plan(
            values(A, "BK-7", B, "bk-7", C, "BK-8"),
            List.of(List.of("ID", "Code"), List.of("", "Bk-7"), List.of("", "BK-8")));

    assertThat(report.ambiguousRows()).containsExactly(new Ambiguous(2, "Bk-7", List.of(A, B)));
    assertThat(report.matched()).containsExactly(new Matched(3, C, "BK-8"));
    assertThat(report.recordsWithoutRow()).extracting(WithoutRow::recordId).containsExactly(A, B);
  }

  @Test
  void rowsWithAKeyOrWithoutAValueAreNeverMatchedNorReported() {
    AdoptReport report =
        plan(
            values(A, "BK-1", B, "BK-2"),
            List.of(
                List.of("ID", "Code", "Customer"),
                List.of(A.toString(), "BK-1", "Ann"),
                List.of("", "", "Totals"),
                List.of("see note", "BK-2", "typed by hand"),
                List.of()));

    assertThat(report.matched()).isEmpty();
    assertThat(report.unmatchedRows()).isEmpty();
    assertThat(report.ambiguousRows()).isEmpty();
    assertThat(report.recordsWithoutRow())
        .as("A has its row; B's row holds people's text, not its id")
        .containsExactly(new WithoutRow(B, "BK-2"));
  }
}
