package dev.sheetsync.writeback;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Covers a set of row numbers with at most n spans, merging across the smallest gaps. */
final class RowSpans {

  private RowSpans() {}

  /**
   * @return spans {@code [from, to]} (1-based, inclusive) in row order covering every row
   */
  static List<int[]> cover(Collection<Integer> rows, int maxSpans) {
    List<int[]> spans = new ArrayList<>();
    for (int row : new TreeSet<>(rows)) {
      int[] last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
      if (last != null && row == last[1] + 1) {
        last[1] = row;
      } else {
        spans.add(new int[] {row, row});
      }
    }
    while (spans.size() > Math.max(1, maxSpans)) {
      int best = 0;
      for (int i = 1; i < spans.size() - 1; i++) {
        if (gap(spans, i) < gap(spans, best)) {
          best = i;
        }
      }
      spans.get(best)[1] = spans.get(best + 1)[1];
      spans.remove(best + 1);
    }
    return spans;
  }

  /** Rows between span i and span i + 1. */
  private static int gap(List<int[]> spans, int i) {
    return spans.get(i + 1)[0] - spans.get(i)[1];
  }
}
