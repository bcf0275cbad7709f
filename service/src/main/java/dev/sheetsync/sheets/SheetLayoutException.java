package dev.sheetsync.sheets;

import java.util.List;

/**
 * A layout that cannot work (unknown field, duplicate header, …); fails startup. Carries every
 * problem found, so that one restart shows them all.
 */
public class SheetLayoutException extends IllegalArgumentException {

  private final List<String> problems;

  public SheetLayoutException(String message) {
    this(List.of(message));
  }

  /** One exception for several problems, each stated on its own line. */
  public SheetLayoutException(List<String> problems) {
    super(
        problems.size() == 1
            ? problems.get(0)
            : problems.size() + " problems:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem found, in layout order; never empty. */
  public List<String> problems() {
    return problems;
  }
}
