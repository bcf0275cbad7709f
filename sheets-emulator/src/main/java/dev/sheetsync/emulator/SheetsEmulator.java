package dev.sheetsync.emulator;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running Google Sheets API v4 emulator: an HTTP server answering {@code /v4/spreadsheets/...} as
 * Google documents it, the control API under {@code /emulator/...} and an HTML view at {@code /}.
 * Point Google's Java client at {@link #baseUrl()} with {@code Sheets.Builder.setRootUrl}.
 *
 * <p>Thread-safe: requests run concurrently on a small pool; every API call on the spreadsheets is
 * serialized by one lock, so each request (and each batch) is atomic. {@link #close()} stops the
 * server (and, with a data file, leaves the last state written).
 */
public final class SheetsEmulator implements AutoCloseable {

  private static final int THREADS = 8;

  static {
    // The JDK server writes headers and body separately; with Nagle's algorithm on, the body waits
    // for the client's delayed ACK, about 40 ms per call. Read once, when the server first starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final Workbooks workbooks;
  private final LocalControl control;

  private SheetsEmulator(EmulatorOptions options, AccessGuard guard) throws IOException {
    this.workbooks = new Workbooks(options.dataFile());
    Traffic traffic = new Traffic(options.clock(), options.quotas());
    this.control = new LocalControl(workbooks, traffic);
    this.server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 64);
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread t = new Thread(r, "sheets-emulator-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    ApiHandler api = new ApiHandler(workbooks, traffic, baseUrlFor(server.getAddress().getPort()));
    ControlHandler controlApi = new ControlHandler(control);
    HtmlView view = new HtmlView(workbooks);
    List<HttpContext> contexts =
        List.of(
            server.createContext("/v4/", api::handle),
            server.createContext("/emulator/", controlApi::handle),
            server.createContext("/", view::handle));
    if (guard != null) {
      contexts.forEach(context -> context.getFilters().add(guard));
    }
    server.setExecutor(executor);
    server.start();
  }

  /** Starts an emulator on {@code port} (0 = a free port) with default options. */
  public static SheetsEmulator start(int port) {
    return start(EmulatorOptions.defaults().withPort(port));
  }

  /** Starts an emulator; loads {@code options.dataFile()} if it exists. */
  public static SheetsEmulator start(EmulatorOptions options) {
    return start(options, null);
  }

  /**
   * Starts an emulator that only its owner may use ({@link AccessGuard}: token, Host and Origin
   * checks); a null guard serves anyone, as {@link #start(EmulatorOptions)}.
   */
  public static SheetsEmulator start(EmulatorOptions options, AccessGuard guard) {
    try {
      return new SheetsEmulator(options, guard);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start the Sheets emulator on port " + options.port(), e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://localhost:PORT/}, the root URL for {@code Sheets.Builder.setRootUrl}. */
  public String baseUrl() {
    return baseUrlFor(port());
  }

  private static String baseUrlFor(int port) {
    return "http://localhost:" + port + "/";
  }

  /**
   * Creates the spreadsheet if it does not exist, and every missing tab with {@code
   * tabsWithHeaderRows}' header in row 1 (typed as USER_ENTERED); existing tabs are left as they
   * are. Idempotent.
   */
  public void createSpreadsheet(
      String spreadsheetId, String title, Map<String, List<String>> tabsWithHeaderRows) {
    control.createSpreadsheet(spreadsheetId, title, tabsWithHeaderRows);
  }

  /**
   * The cells of {@code a1Range} as {@code values.get} renders them (trailing empties trimmed),
   * ignoring sharing, faults, quotas and counters. Throws IllegalArgumentException for an unknown
   * spreadsheet or a bad range.
   */
  public List<List<Object>> values(String spreadsheetId, String a1Range, ValueRender render) {
    return workbooks.withAll(
        all -> {
          Spreadsheet book = all.get(spreadsheetId);
          if (book == null) {
            throw new IllegalArgumentException("no spreadsheet " + spreadsheetId);
          }
          try {
            List<List<Object>> rows = ValuesOps.render(book, ValuesOps.area(book, a1Range), render);
            ValuesOps.trim(rows);
            return rows;
          } catch (ApiException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
          }
        });
  }

  /** Faults, quotas, counters, sharing and reset. */
  public EmulatorControl control() {
    return control;
  }

  /** Stops the server at once; in-flight requests are abandoned. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
