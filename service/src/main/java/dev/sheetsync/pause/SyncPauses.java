package dev.sheetsync.pause;

import dev.sheetsync.records.SyncModel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The open pauses, in PostgreSQL so that every instance shows and honours the same ones. The
 * write-back opens a pause when a run finds the spreadsheet unusable (401/403/404) or a tab missing
 * or without a layout header, and closes it on the first run that finds the problem gone; nobody
 * else changes them. Thread-safe.
 */
@Service
public class SyncPauses {

  private static final Logger log = LoggerFactory.getLogger(SyncPauses.class);

  private static final String SPREADSHEET_KEY = "";

  private static final String OPEN =
      """
      select model, scope, tab, reason, hint, since from sync_pauses order by scope desc, tab
      """;

  /** Keeps {@code since} of a pause that is already open: it dates the problem, not the run. */
  private static final String UPSERT =
      """
      insert into sync_pauses (model, scope, tab, reason, hint, since)
      values (:model, :scope, :tab, :reason, :hint, :now)
      on conflict (model) do update set reason = excluded.reason, hint = excluded.hint
      returning (xmax = 0) as opened
      """;

  private static final String CLOSE =
      """
      delete from sync_pauses where model = any(cast(:models as text[])) returning model, tab
      """;

  private final JdbcClient jdbc;
  private final Clock clock;

  SyncPauses(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The open pauses: the spreadsheet's first, then tabs by name; empty when all is well. */
  public List<Pause> open() {
    return jdbc.sql(OPEN).query(SyncPauses::map).list();
  }

  /** The models whose items must wait: all of them while the spreadsheet is paused. */
  public Set<SyncModel> waitingModels(List<Pause> open) {
    if (open.stream().anyMatch(Pause::spreadsheetWide)) {
      return Set.of(SyncModel.values());
    }
    return open.stream().map(Pause::model).collect(Collectors.toUnmodifiableSet());
  }

  /** Opens (or re-words) the spreadsheet-wide pause. */
  public void pauseSpreadsheet(String reason, String hint) {
    upsert(SPREADSHEET_KEY, Pause.SPREADSHEET, null, reason, hint);
  }

  /** Opens (or re-words) the pause of one tab. */
  public void pauseTab(SyncModel model, String tab, String reason, String hint) {
    upsert(model.dbName(), Pause.TAB, tab, reason, hint);
  }

  /** Closes the spreadsheet-wide pause, if open. */
  public void resumeSpreadsheet() {
    close(List.of(SPREADSHEET_KEY));
  }

  /** Closes the pauses of these tabs, where open. */
  public void resumeTabs(Collection<SyncModel> models) {
    if (!models.isEmpty()) {
      close(models.stream().map(SyncModel::dbName).toList());
    }
  }

  private void upsert(String model, String scope, String tab, String reason, String hint) {
    boolean opened =
        jdbc.sql(UPSERT)
            .param("model", model)
            .param("scope", scope)
            .param("tab", tab)
            .param("reason", reason)
            .param("hint", hint)
            .param("now", OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS))
            .query(Boolean.class)
            .single();
    if (opened) {
      log.warn(
          "Sync paused ({}): {}. {}. Its changes wait, no attempt is charged; the first run that"
              + " finds this fixed resumes it.",
          tab == null ? "whole spreadsheet" : "tab " + tab,
          reason,
          hint);
    }
  }

  private void close(List<String> models) {
    jdbc.sql(CLOSE)
        .param("models", models.toArray(String[]::new))
        .query((rs, n) -> rs.getString("tab"))
        .list()
        .forEach(
            tab ->
                log.info(
                    "Sync resumed ({}): the problem is gone",
                    tab == null ? "whole spreadsheet" : "tab " + tab));
  }

  private static Pause map(ResultSet rs, int n) throws SQLException {
    String model = rs.getString("model");
    return new Pause(
        rs.getString("scope"),
        rs.getString("tab"),
        rs.getString("reason"),
        rs.getObject("since", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
        rs.getString("hint"),
        model.isEmpty() ? null : SyncModel.fromDbName(model));
  }
}
