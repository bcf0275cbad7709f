package dev.sheetsync.sheets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds each layout tab among the spreadsheet's tabs, by {@code sheetId} once it has been found by
 * title: people rename tabs ("Requests" → "Bookings 2025"), and a range built from the old title
 * would fail the whole batch read with 400 "Unable to parse range". Resolutions are stored in
 * {@code sheet_tabs} (per spreadsheet id), so every instance and every restart follows a rename.
 *
 * <p>Rules, in order: the stored {@code sheetId} if the spreadsheet still has it (a new title is
 * logged and stored); else a tab titled with the layout's tab name (first resolution, or the stored
 * tab was deleted and one of that name exists); else the tab is missing and the write-back pauses
 * it. Thread-safe.
 */
@Component
public class SpreadsheetTabs implements TabResolver {

  private static final Logger log = LoggerFactory.getLogger(SpreadsheetTabs.class);

  private static final String STORED =
      """
      select model, sheet_id, title from sheet_tabs where spreadsheet_id = :spreadsheet
      """;

  /** Insert or move the resolution; {@code resolved_at} says when it last changed. */
  private static final String STORE =
      """
      insert into sheet_tabs (spreadsheet_id, model, sheet_id, title)
      values (:spreadsheet, :model, :sheetId, :title)
      on conflict (spreadsheet_id, model) do update
         set sheet_id = excluded.sheet_id, title = excluded.title, resolved_at = now()
       where (sheet_tabs.sheet_id, sheet_tabs.title) is distinct from (excluded.sheet_id, excluded.title)
      """;

  private final JdbcClient jdbc;
  private final SheetLayouts layouts;
  private final String spreadsheetId;

  SpreadsheetTabs(JdbcClient jdbc, SheetLayouts layouts, SpreadsheetTarget target) {
    this.jdbc = jdbc;
    this.layouts = layouts;
    this.spreadsheetId = target.spreadsheetId();
  }

  /**
   * Resolves every layout tab among {@code tabs} (the spreadsheet's tabs as just read) and stores
   * what changed.
   *
   * @return each layout tab's tab now; a layout tab absent from the map is missing
   */
  @Override
  public Map<TabLayout, TabRef> resolve(List<TabRef> tabs) {
    Map<String, TabRef> stored = new LinkedHashMap<>();
    jdbc.sql(STORED)
        .param("spreadsheet", spreadsheetId)
        .query(
            (rs, n) ->
                stored.put(
                    rs.getString("model"),
                    new TabRef(rs.getInt("sheet_id"), rs.getString("title"))))
        .list();
    Map<TabLayout, TabRef> resolved = new LinkedHashMap<>();
    for (TabLayout layout : layouts.tabs()) {
      TabRef before = stored.get(layout.model().dbName());
      TabRef now = find(layout, before, tabs);
      if (now == null) {
        continue;
      }
      resolved.put(layout, now);
      if (before != null
          && before.sheetId() == now.sheetId()
          && !before.title().equals(now.title())) {
        log.warn(
            "Tab '{}' of the layout was renamed to '{}' in the spreadsheet; following it by its"
                + " sheetId {}",
            before.title(),
            now.title(),
            now.sheetId());
      }
      if (!now.equals(before)) {
        jdbc.sql(STORE)
            .param("spreadsheet", spreadsheetId)
            .param("model", layout.model().dbName())
            .param("sheetId", now.sheetId())
            .param("title", now.title())
            .update();
      }
    }
    return resolved;
  }

  private static TabRef find(TabLayout layout, TabRef stored, List<TabRef> tabs) {
    if (stored != null) {
      for (TabRef tab : tabs) {
        if (tab.sheetId() == stored.sheetId()) {
          return tab;
        }
      }
    }
    for (TabRef tab : tabs) {
      if (Objects.equals(tab.title(), layout.tabName())) {
        return tab;
      }
    }
    return null;
  }
}
