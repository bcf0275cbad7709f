package dev.sheetsync.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheetsync.onboarding.AdoptReport.Matched;
import dev.sheetsync.onboarding.AdoptReport.Unmatched;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Checking adopted ids against the key and match columns read after the write. */
class VerifiedTest {

  static final UUID ANN = UUID.fromString("00000000-0000-4000-8000-000000000001");
  static final UUID BOB = UUID.fromString("00000000-0000-4000-8000-000000000002");
  static final String DEE = "00000000-0000-4000-8000-000000000004";

  /** The tab when read: header, Ann's and Bob's key-less rows, Dee's row. Columns: ID, Code. */
  static final List<List<Object>> READ =
      List.of(
          List.of("ID", "Code"), List.of("", "BK-1"), List.of("", "BK-2"), List.of(DEE, "BK-4"));

  static final List<Matched> WRITTEN =
      List.of(new Matched(2, ANN, "BK-1"), new Matched(3, BOB, "BK-2"));

  @Test
  void idsBesideTheirValueAreAdoptedAtTheRowWhereTheyAreNow() {
    // A person moved Bob's row to the top after the write: both ids still sit beside their value.
    Verified verified =
        Verified.check(
            WRITTEN,
            List.of("ID", BOB.toString(), ANN.toString(), DEE),
            List.of("Code", "BK-2", "BK-1", "BK-4"),
            READ,
            0,
            1);

    assertThat(verified.adopted())
        .containsExactly(new Matched(3, ANN, "BK-1"), new Matched(2, BOB, "BK-2"));
    assertThat(verified.readRows()).containsExactlyInAnyOrderEntriesOf(Map.of(ANN, 2, BOB, 3));
    assertThat(verified.lost()).isEmpty();
    assertThat(verified.fixes()).isEmpty();
  }

  @Test
  void anIdThatLandedInAMovedRowIsTakenOutAndTheRowsOwnKeyPutBack() {
    // Between read and write a person sorted Dee's row up to row 3: Bob's id overwrote Dee's.
    Verified verified =
        Verified.check(
            WRITTEN,
            List.of("ID", ANN.toString(), BOB.toString(), ""),
            List.of("Code", "BK-1", "BK-4", "BK-2"),
            READ,
            0,
            1);

    assertThat(verified.adopted()).containsExactly(new Matched(2, ANN, "BK-1"));
    assertThat(verified.lost()).containsExactly(new Unmatched(3, "BK-2"));
    assertThat(verified.fixes())
        .as("Dee's id back in Dee's row")
        .containsExactly(Map.entry(3, DEE));
  }

  @Test
  void anIdThatLandedInAKeylessRowOfAnotherValueIsEmptiedAgain() {
    Verified verified =
        Verified.check(
            List.of(new Matched(2, ANN, "BK-1")),
            List.of("ID", ANN.toString(), ""),
            List.of("Code", "BK-9", "BK-1"),
            List.of(List.of("ID", "Code"), List.of("", "BK-1"), List.of("", "BK-9")),
            0,
            1);

    assertThat(verified.adopted()).isEmpty();
    assertThat(verified.lost()).containsExactly(new Unmatched(2, "BK-1"));
    assertThat(verified.fixes()).containsExactly(Map.entry(2, ""));
  }
}
