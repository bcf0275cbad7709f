package dev.sheetsync.writeback;

import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.ValueRange;
import dev.sheetsync.sheets.RowMapper;
import dev.sheetsync.sheets.SpreadsheetTarget;
import dev.sheetsync.sheets.TabLayout;
import dev.sheetsync.sheets.TabRef;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Whole-tab reads for whoever compares the sheet with the database (reconcile): the layout tabs
 * ({@code spreadsheets.get}) and one tab's every cell as displayed ({@code values.get}, Google's
 * default {@code FORMATTED_VALUE}), through the write-back's retries and quota. Thread-safe.
 */
@Component
public class TabReads {

  /** A read that failed for good (after retries), with Google's message. */
  public static class ReadFailed extends Exception {

    private final boolean spreadsheetUnusable;

    ReadFailed(GoogleCallException cause) {
      super(cause.getMessage(), cause);
      this.spreadsheetUnusable = cause.pausesSpreadsheet();
    }

    /** 401, 403 or 404: the spreadsheet is not shared, gone, or the credentials are refused. */
    public boolean spreadsheetUnusable() {
      return spreadsheetUnusable;
    }
  }

  private final Sheets sheets;
  private final String spreadsheetId;
  private final GoogleCalls calls;
  private final SheetReader reader;
  private final RunClock time;
  private final Duration limit;

  TabReads(
      Sheets sheets,
      SpreadsheetTarget target,
      GoogleCalls calls,
      SheetReader reader,
      RunClock time,
      WriteBackProperties properties) {
    this.sheets = sheets;
    this.spreadsheetId = target.spreadsheetId();
    this.calls = calls;
    this.reader = reader;
    this.time = time;
    this.limit = properties.maxRunDuration();
  }

  /**
   * The layout tabs as the spreadsheet has them now, followed by sheetId; a layout tab absent from
   * the map is not in the spreadsheet. One {@code spreadsheets.get}.
   */
  public Map<TabLayout, TabRef> tabs(List<TabLayout> layouts) throws ReadFailed {
    try {
      Tabs tabs = reader.look(time.deadline(limit));
      Map<TabLayout, TabRef> found = new LinkedHashMap<>();
      for (TabLayout layout : layouts) {
        TabRef ref = tabs.of(layout);
        if (ref != null) {
          found.put(layout, ref);
        }
      }
      return found;
    } catch (GoogleCallException e) {
      throw new ReadFailed(e);
    }
  }

  /**
   * Every row of the tab from row 1, as displayed; rows end at their last non-empty cell, an empty
   * row is an empty list. One {@code values.get}.
   */
  public List<List<Object>> whole(TabRef tab) throws ReadFailed {
    try {
      ValueRange range =
          calls.call(
              "values.get",
              GoogleCalls.Kind.READ,
              time.deadline(limit),
              attempt ->
                  sheets
                      .spreadsheets()
                      .values()
                      .get(spreadsheetId, RowMapper.quoteTabName(tab.title()))
                      .setMajorDimension("ROWS")
                      .execute());
      return range.getValues() == null ? List.of() : range.getValues();
    } catch (GoogleCallException e) {
      throw new ReadFailed(e);
    }
  }
}
