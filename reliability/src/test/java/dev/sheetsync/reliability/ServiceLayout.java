package dev.sheetsync.reliability;

import com.google.api.client.util.Data;
import dev.sheetsync.records.RecordSnapshot;
import dev.sheetsync.records.RecordSnapshots;
import dev.sheetsync.records.SyncModel;
import dev.sheetsync.reliability.TabShape.Column;
import dev.sheetsync.reliability.TabShape.Marker;
import dev.sheetsync.reliability.TabShape.Owner;
import dev.sheetsync.sheets.ColumnLayout;
import dev.sheetsync.sheets.RowMapper;
import dev.sheetsync.sheets.RowMode;
import dev.sheetsync.sheets.SheetLayouts;
import dev.sheetsync.sheets.TabLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service's own layout and row mapping, read from the same {@code application.yml} the jar runs
 * with, and used to say what the sheet must show: the check never re-implements the mapping. The
 * layout, {@link RowMapper} and {@link RecordSnapshots} come from a small Spring context with only
 * those beans, so their package-private configuration stays package-private.
 */
final class ServiceLayout {

  private static final String TABLES_SQL =
      """
      select id from %s
      """;

  private static final String DELETED_SQL =
      """
      select distinct model, record_id::text as id from sync_queue where action = 'DELETE'
      """;

  private static final int CHUNK = 1_000;

  private final SheetLayouts layouts;
  private final RowMapper rows;

  private ServiceLayout(SheetLayouts layouts, RowMapper rows) {
    this.layouts = layouts;
    this.rows = rows;
  }

  /** Loads the layout from the service's {@code application.yml}. */
  static ServiceLayout load() {
    try (ConfigurableApplicationContext context = context(null)) {
      return new ServiceLayout(
          context.getBean(SheetLayouts.class), context.getBean(RowMapper.class));
    }
  }

  List<TabShape> shapes() {
    return layouts.tabs().stream().map(ServiceLayout::shape).toList();
  }

  TabLayout tab(SyncModel model) {
    return layouts.forModel(model);
  }

  /** Tab title → header row, for creating the spreadsheet the service expects. */
  Map<String, List<String>> headers() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (TabLayout tab : layouts.tabs()) {
      headers.put(tab.tabName(), tab.headers());
    }
    return headers;
  }

  /**
   * What the sheet must show for the database's current state: every live record's row as the
   * service's {@link RowMapper} writes it, and every record deleted through the queue.
   */
  Expectations expectations(JdbcClient jdbc) {
    Expectations expected = new Expectations();
    try (ConfigurableApplicationContext context = context(jdbc)) {
      RecordSnapshots snapshots = context.getBean(RecordSnapshots.class);
      Map<SyncModel, Set<String>> live = new LinkedHashMap<>();
      for (SyncModel model : SyncModel.values()) {
        TabLayout tab = layouts.forModel(model);
        List<UUID> ids = jdbc.sql(TABLES_SQL.formatted(table(model))).query(UUID.class).list();
        live.put(model, ids.stream().map(UUID::toString).collect(Collectors.toSet()));
        for (int from = 0; from < ids.size(); from += CHUNK) {
          List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
          for (RecordSnapshot record : snapshots.load(model, chunk).values()) {
            List<Object> row = rows.toRow(tab, record, tab.firstDataRow(), RowMode.UPDATE);
            expected.live(tab.tabName(), record.id().toString(), texts(row));
          }
        }
      }
      for (Map<String, Object> deleted : jdbc.sql(DELETED_SQL).query().listOfRows()) {
        SyncModel model = model((String) deleted.get("model"));
        String id = (String) deleted.get("id");
        if (!live.get(model).contains(id)) {
          expected.deleted(layouts.forModel(model).tabName(), id);
        }
      }
    }
    return expected;
  }

  /**
   * A mapped row as the text the sheet shows: USER_ENTERED's leading apostrophe marks text and is
   * not part of the value; skipped cells are "".
   */
  static List<String> texts(List<Object> row) {
    List<String> texts = new ArrayList<>(row.size());
    for (Object cell : row) {
      if (cell == null || Data.isNull(cell)) {
        texts.add("");
      } else if (cell instanceof String s && s.startsWith("'")) {
        texts.add(s.substring(1));
      } else {
        texts.add(Cells.text(cell));
      }
    }
    return texts;
  }

  static String table(SyncModel model) {
    return switch (model) {
      case REQUEST -> "requests";
      case OPERATOR -> "operators";
      case REVENUE -> "revenues";
    };
  }

  static SyncModel model(String dbName) {
    for (SyncModel model : SyncModel.values()) {
      if (model.dbName().equals(dbName)) {
        return model;
      }
    }
    throw new IllegalArgumentException("unknown model " + dbName);
  }

  private static TabShape shape(TabLayout tab) {
    if (tab.headerRow() != 1) {
      throw new IllegalStateException("the suite expects headers in row 1: " + tab.tabName());
    }
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < tab.columns().size(); i++) {
      ColumnLayout column = tab.columns().get(i);
      Owner owner;
      if (i == tab.keyColumnIndex()) {
        owner = Owner.KEY;
      } else if (column.formula() != null) {
        owner = Owner.FORMULA;
      } else if (column.source() != null) {
        owner = column.writable() ? Owner.WRITABLE : Owner.SEEDED;
      } else {
        owner = Owner.PEOPLE;
      }
      columns.add(new Column(column.header(), owner, column.formula()));
    }
    TabShape.DeletePolicy policy = TabShape.DeletePolicy.valueOf(tab.deletePolicy().name());
    Marker marker =
        policy == TabShape.DeletePolicy.MARK
            ? new Marker(tab.deleteMarkerColumnIndex(), tab.deleteMarker())
            : null;
    return new TabShape(tab.model().dbName(), tab.tabName(), columns, policy, marker);
  }

  private static ConfigurableApplicationContext context(JdbcClient jdbc) {
    SpringApplicationBuilder builder =
        new SpringApplicationBuilder(MappingBeans.class)
            .web(WebApplicationType.NONE)
            .logStartupInfo(false)
            .properties("spring.main.banner-mode=off");
    if (jdbc != null) {
      builder.initializers(c -> c.getBeanFactory().registerSingleton("jdbcClient", jdbc));
    } else {
      builder.initializers(
          c ->
              c.getBeanFactory()
                  .registerSingleton("jdbcClient", JdbcClient.create(new NoDatabase())));
    }
    return builder.run();
  }

  /** Only the layout, the row mapper and the snapshot loader: no web, no database pool. */
  @Configuration(proxyBeanMethods = false)
  @ConfigurationPropertiesScan(basePackages = "dev.sheetsync.sheets")
  @ComponentScan(
      basePackages = {"dev.sheetsync.sheets", "dev.sheetsync.records"},
      useDefaultFilters = false,
      includeFilters =
          @ComponentScan.Filter(
              type = FilterType.REGEX,
              pattern = {
                "dev\\.sheetsync\\.sheets\\.LayoutConfiguration",
                "dev\\.sheetsync\\.records\\.RecordSnapshots"
              }))
  static class MappingBeans {}

  /** A data source for the layout-only context: it must never be asked for a connection. */
  private static final class NoDatabase
      extends org.springframework.jdbc.datasource.AbstractDataSource {
    @Override
    public java.sql.Connection getConnection() {
      throw new IllegalStateException("no database in the layout-only context");
    }

    @Override
    public java.sql.Connection getConnection(String username, String password) {
      return getConnection();
    }
  }
}
