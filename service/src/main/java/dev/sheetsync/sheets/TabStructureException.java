package dev.sheetsync.sheets;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A layout tab cannot be written as the spreadsheet is now: the tab is gone, or a layout header is
 * missing from its header row or appears there twice. A problem of the sheet, not of any change:
 * the write-back pauses the tab (its items wait, no attempt charged) until a run finds it fixed.
 */
public class TabStructureException extends RuntimeException {

  private final transient TabLayout layout;
  private final String hint;

  public TabStructureException(TabLayout layout, String reason, String hint) {
    super(reason);
    this.layout = layout;
    this.hint = hint;
  }

  /** The tab is not in the spreadsheet (deleted, or never created). */
  public static TabStructureException missingTab(TabLayout layout) {
    return new TabStructureException(
        layout,
        "tab '" + layout.tabName() + "' is not in the spreadsheet",
        "restore the tab (or undo its deletion in the version history), or change the layout's"
            + " tab-name");
  }

  static TabStructureException columns(
      TabLayout layout, String title, List<String> missing, Map<String, List<Integer>> twice) {
    StringBuilder reason = new StringBuilder();
    StringBuilder hint = new StringBuilder();
    if (!missing.isEmpty()) {
      reason.append(
          (missing.size() == 1 ? "column " : "columns ")
              + quoted(missing)
              + (missing.size() == 1 ? " is" : " are")
              + " missing from tab '"
              + title
              + "'");
      hint.append(
          "restore the header text in row " + layout.headerRow() + ", or change the layout");
    }
    if (!twice.isEmpty()) {
      if (!reason.isEmpty()) {
        reason.append("; ");
        hint.append("; ");
      }
      reason.append(
          twice.entrySet().stream()
              .map(
                  e ->
                      "column '"
                          + e.getKey()
                          + "' appears "
                          + e.getValue().size()
                          + " times in tab '"
                          + title
                          + "' ("
                          + e.getValue().stream()
                              .map(TabLayout::columnLetter)
                              .collect(Collectors.joining(", "))
                          + ")")
              .collect(Collectors.joining("; ")));
      hint.append("rename or delete the extra column so that each layout header appears once");
    }
    return new TabStructureException(layout, reason.toString(), hint.toString());
  }

  private static String quoted(List<String> headers) {
    return headers.stream().map(h -> "\"" + h + "\"").collect(Collectors.joining(", "));
  }

  public TabLayout layout() {
    return layout;
  }

  /** What a person can do about it, in words. */
  public String hint() {
    return hint;
  }
}
