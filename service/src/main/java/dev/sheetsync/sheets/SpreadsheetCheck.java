package dev.sheetsync.sheets;

import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.BatchGetValuesResponse;
import com.google.api.services.sheets.v4.model.Sheet;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Checks at startup, before the service takes traffic, that the spreadsheet has every tab of the
 * layout with every layout header (in any column: columns are found by header on every batch), so
 * that a wrong spreadsheet id or layout is found before the first write. Tabs are followed by their
 * stored sheetId where the database is there. Two requests ({@code spreadsheets.get} and one {@code
 * values.batchGet} of all header rows).
 *
 * <p>A definite answer (missing tab, other header, 403, 404) fails startup with one message listing
 * every problem. A passing failure (timeout, 429, 5xx) only logs a warning: the write-back retries,
 * and a crash loop would not make Google answer sooner. Columns not in the layout are not checked:
 * people may add their own anywhere.
 */
@Component
public class SpreadsheetCheck implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(SpreadsheetCheck.class);

  private final Sheets sheets;
  private final SpreadsheetTarget target;
  private final SheetLayouts layouts;
  private final SheetsProperties properties;
  private final ObjectProvider<SpreadsheetTabs> spreadsheetTabs;

  SpreadsheetCheck(
      Sheets sheets,
      SpreadsheetTarget target,
      SheetLayouts layouts,
      SheetsProperties properties,
      ObjectProvider<SpreadsheetTabs> spreadsheetTabs) {
    this.sheets = sheets;
    this.target = target;
    this.layouts = layouts;
    this.properties = properties;
    this.spreadsheetTabs = spreadsheetTabs;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (!properties.verifyOnStartup()) {
      log.info("Spreadsheet check skipped (sheetsync.sheets.verify-on-startup=false)");
      return;
    }
    try {
      verify();
      log.info("Spreadsheet '{}' has every tab and header of the layout", target.spreadsheetId());
    } catch (IOException e) {
      log.warn(
          "Could not check spreadsheet '{}' at startup ({}); continuing, the write-back retries",
          target.spreadsheetId(),
          SheetsErrors.describe(e));
    }
  }

  /**
   * Checks tabs and header rows.
   *
   * @throws SpreadsheetCheckException when the spreadsheet does not fit the layout or refuses
   *     access
   * @throws IOException when Google could not answer (timeout, 429, 5xx)
   */
  public void verify() throws IOException {
    List<String> problems = new ArrayList<>();
    try {
      Spreadsheet spreadsheet =
          sheets
              .spreadsheets()
              .get(target.spreadsheetId())
              .setFields("sheets.properties(sheetId,title)")
              .execute();
      List<TabRef> refs =
          spreadsheet.getSheets() == null
              ? List.of()
              : spreadsheet.getSheets().stream()
                  .map(Sheet::getProperties)
                  .map(p -> new TabRef(p.getSheetId(), p.getTitle()))
                  .toList();
      Map<TabLayout, TabRef> found = resolve(refs);
      for (TabLayout tab : layouts.tabs()) {
        if (!found.containsKey(tab)) {
          problems.add(
              "tab '"
                  + tab.tabName()
                  + "' is missing; create it with these headers in row "
                  + tab.headerRow()
                  + ": "
                  + String.join(" | ", tab.headers()));
        }
      }
      if (!found.isEmpty()) {
        problems.addAll(headerProblems(found));
      }
    } catch (IOException e) {
      if (SheetsErrors.transientFailure(e)) {
        throw e;
      }
      throw new SpreadsheetCheckException(accessMessage(e), e);
    }
    if (!problems.isEmpty()) {
      throw new SpreadsheetCheckException(mismatchMessage(problems), null);
    }
  }

  /** Tabs by stored sheetId (renames followed) where the database is there, else by title. */
  private Map<TabLayout, TabRef> resolve(List<TabRef> refs) {
    TabResolver stored = spreadsheetTabs.getIfAvailable();
    return (stored != null ? stored : TabResolver.byTitle(layouts)).resolve(refs);
  }

  /** Every layout header must be in its tab's header row once, in any column. */
  private List<String> headerProblems(Map<TabLayout, TabRef> tabs) throws IOException {
    List<TabLayout> list = List.copyOf(tabs.keySet());
    BatchGetValuesResponse response =
        sheets
            .spreadsheets()
            .values()
            .batchGet(target.spreadsheetId())
            .setRanges(list.stream().map(t -> LiveTab.headerRange(t, tabs.get(t).title())).toList())
            .setValueRenderOption("FORMATTED_VALUE")
            .execute();
    List<ValueRange> ranges = response.getValueRanges();
    List<String> problems = new ArrayList<>();
    for (int t = 0; t < list.size(); t++) {
      TabLayout tab = list.get(t);
      TabRef ref = tabs.get(tab);
      try {
        LiveTab.locate(
            tab,
            ref.sheetId(),
            ref.title(),
            firstRow(ranges == null || ranges.size() <= t ? null : ranges.get(t)));
      } catch (TabStructureException e) {
        problems.add(e.getMessage() + " (" + e.hint() + ")");
      }
    }
    return problems;
  }

  private static List<Object> firstRow(ValueRange range) {
    if (range == null || range.getValues() == null || range.getValues().isEmpty()) {
      return List.of();
    }
    return range.getValues().get(0);
  }

  private String mismatchMessage(List<String> problems) {
    StringBuilder message =
        new StringBuilder("Spreadsheet '")
            .append(target.spreadsheetId())
            .append("' (")
            .append(target.spreadsheetUrl())
            .append(") does not match the sheet layout:");
    problems.forEach(p -> message.append("\n  - ").append(p));
    message.append(
        "\nFix the spreadsheet, or the layout (sheetsync.layout, replaceable with"
            + " SHEETSYNC_LAYOUT_FILE). sheetsync.sheets.verify-on-startup=false skips this check.");
    if (target.embedded() && properties.emulatorDataFile() != null) {
      message
          .append("\nThe embedded emulator keeps this spreadsheet in ")
          .append(properties.emulatorDataFile().toAbsolutePath())
          .append("; delete that file to start over with the layout's tabs.");
    }
    return message.toString();
  }

  private String accessMessage(IOException e) {
    String id = target.spreadsheetId();
    String google = SheetsErrors.describe(e);
    return switch (SheetsErrors.status(e)) {
      case 403 ->
          target.serviceAccountEmail() != null
              ? "Google Sheets refused access to spreadsheet '"
                  + id
                  + "' ("
                  + google
                  + "). Share the spreadsheet with the service account "
                  + target.serviceAccountEmail()
                  + " as an Editor, and check that the Google Sheets API is enabled in its project."
              : "The Sheets emulator refused access to spreadsheet '"
                  + id
                  + "' ("
                  + google
                  + "): it is marked as not shared.";
      case 404 ->
          "Spreadsheet '"
              + id
              + "' was not found ("
              + google
              + "). Check SHEETS_SPREADSHEET_ID: it is the id in the sheet's URL, between /d/ and"
              + " /edit.";
      case 401 ->
          "Google rejected the service-account credentials ("
              + google
              + "). Check GOOGLE_APPLICATION_CREDENTIALS / GOOGLE_SERVICE_ACCOUNT_JSON.";
      default -> "Cannot read spreadsheet '" + id + "' (" + google + ").";
    };
  }
}
