package dev.sheetsync.sheets;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds formula templates that add up a numeric column of a {@code mark} tab without looking at the
 * tab's marker column: a marked row keeps its amount, so such a sum still counts deleted records
 * (an operator's deleted 240 kept a booking's cost total at 2340 instead of 2100).
 */
final class DeletedRowSums {

  /** A range such as {@code I:I}, {@code I2:I50}, {@code Revenue!E:E} or {@code 'My tab'!A:C}. */
  private static final Pattern RANGE =
      Pattern.compile(
          "(?:(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_]*))!)?"
              + "\\$?([A-Z]{1,3})\\$?\\d*:\\$?([A-Z]{1,3})\\$?\\d*");

  private DeletedRowSums() {}

  static List<String> warnings(List<TabLayout> tabs) {
    List<String> warnings = new ArrayList<>();
    for (TabLayout marked : tabs) {
      if (marked.deletePolicy() != DeletePolicy.MARK) {
        continue;
      }
      String marker = TabLayout.columnLetter(marked.deleteMarkerColumnIndex());
      for (TabLayout tab : tabs) {
        for (ColumnLayout column : tab.columns()) {
          String formula = column.formula();
          if (formula == null || !formula.toUpperCase(Locale.ROOT).contains("SUM")) {
            continue;
          }
          Set<String> summed = columnsOf(formula, tab.tabName(), marked.tabName());
          if (summed.contains(marker)) {
            continue;
          }
          for (int i = 0; i < marked.columns().size(); i++) {
            ColumnLayout candidate = marked.columns().get(i);
            String letter = TabLayout.columnLetter(i);
            if (numeric(candidate) && summed.contains(letter)) {
              warnings.add(
                  "Tab '%s': the formula of column '%s' (%s) sums column %s '%s' of tab '%s',"
                          .formatted(
                              tab.tabName(),
                              column.header(),
                              formula,
                              letter,
                              candidate.header(),
                              marked.tabName())
                      + " whose deleted records are only marked (delete-policy: mark), so their"
                      + " amounts still count; exclude the marked rows (SUMIFS with %s:%s,\"<>%s\")"
                          .formatted(marker, marker, marked.deleteMarker())
                      + " or use delete-policy: clear");
            }
          }
        }
      }
    }
    return List.copyOf(warnings);
  }

  private static boolean numeric(ColumnLayout column) {
    return column.format() == ColumnFormat.NUMBER || column.format() == ColumnFormat.DECIMAL;
  }

  /** The column letters of {@code target} that {@code formula}, written in {@code own}, names. */
  private static Set<String> columnsOf(String formula, String own, String target) {
    Set<String> letters = new LinkedHashSet<>();
    Matcher range = RANGE.matcher(formula);
    while (range.find()) {
      String sheet =
          range.group(1) != null
              ? range.group(1).replace("''", "'")
              : range.group(2) != null ? range.group(2) : own;
      if (!sheet.equals(target)) {
        continue;
      }
      int from = index(range.group(3));
      int to = index(range.group(4));
      for (int i = Math.min(from, to); i <= Math.max(from, to); i++) {
        letters.add(TabLayout.columnLetter(i));
      }
    }
    return letters;
  }

  private static int index(String letters) {
    int n = 0;
    for (char c : letters.toCharArray()) {
      n = n * 26 + (c - 'A' + 1);
    }
    return n - 1;
  }
}
