package dev.sheetsync.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The read-only HTML view: {@code /} lists the spreadsheets, {@code /view/{spreadsheetId}} shows
 * every tab as a grid with row numbers and column letters; a formula cell shows its value and its
 * formula on hover. Every value is escaped (cells are user input).
 */
final class HtmlView {

  private static final int MIN_ROWS = 20;
  private static final int MIN_COLS = 8;

  private final Workbooks workbooks;

  HtmlView(Workbooks workbooks) {
    this.workbooks = workbooks;
  }

  void handle(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("GET")) {
      Http.send(
          exchange, 405, "text/plain; charset=UTF-8", "read-only".getBytes(StandardCharsets.UTF_8));
      return;
    }
    String path = exchange.getRequestURI().getRawPath();
    String html;
    int status = 200;
    if (path.equals("/")) {
      html = index();
    } else if (path.startsWith("/view/")) {
      String id = Http.decodePath(path.substring("/view/".length()));
      html = workbooks.withAll(all -> all.containsKey(id) ? spreadsheet(all.get(id)) : null);
      if (html == null) {
        status = 404;
        html = page("Not found", "<p>No spreadsheet " + esc(id) + ". <a href=\"/\">All</a></p>");
      }
    } else {
      status = 404;
      html = page("Not found", "<p><a href=\"/\">All spreadsheets</a></p>");
    }
    Http.send(exchange, status, "text/html; charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
  }

  private String index() {
    return workbooks.withAll(
        all -> {
          StringBuilder sb = new StringBuilder("<h1>Sheets emulator</h1><ul>");
          for (Spreadsheet book : all.values()) {
            sb.append("<li><a href=\"/view/")
                .append(esc(book.spreadsheetId))
                .append("\">")
                .append(esc(book.title))
                .append("</a> <code>")
                .append(esc(book.spreadsheetId))
                .append("</code>")
                .append(book.shared ? "" : " (not shared)")
                .append("</li>");
          }
          if (all.isEmpty()) {
            sb.append("<li>No spreadsheets yet.</li>");
          }
          return page("Sheets emulator", sb.append("</ul>").toString());
        });
  }

  private String spreadsheet(Spreadsheet book) {
    StringBuilder sb =
        new StringBuilder("<p><a href=\"/\">All spreadsheets</a></p><h1>")
            .append(esc(book.title))
            .append("</h1>");
    FormulaEvaluator ev = new FormulaEvaluator(book);
    List<String> tabs = new ArrayList<>();
    for (Sheet sheet : book.sheets) {
      tabs.add("<a href=\"#sheet-" + sheet.sheetId + "\">" + esc(sheet.title) + "</a>");
    }
    sb.append("<nav>").append(String.join(" · ", tabs)).append("</nav>");
    for (Sheet sheet : book.sheets) {
      int rows = Math.min(sheet.rowCount, Math.max(MIN_ROWS, sheet.usedRows() + 1));
      int cols = Math.min(sheet.columnCount, Math.max(MIN_COLS, sheet.usedColumns()));
      sb.append("<h2 id=\"sheet-")
          .append(sheet.sheetId)
          .append("\">")
          .append(esc(sheet.title))
          .append(" <small>")
          .append(sheet.rowCount)
          .append(" × ")
          .append(sheet.columnCount)
          .append("</small></h2><table><tr><th></th>");
      for (int c = 0; c < cols; c++) {
        sb.append("<th>").append(A1.columnLetters(c)).append("</th>");
      }
      sb.append("</tr>");
      for (int r = 0; r < rows; r++) {
        sb.append("<tr><th>").append(r + 1).append("</th>");
        for (int c = 0; c < cols; c++) {
          Cell cell = sheet.get(r, c);
          Object shown =
              CellCodec.render(
                  cell,
                  cell instanceof Cell.Formula ? ev.value(sheet, r, c) : null,
                  ValueRender.FORMATTED_VALUE);
          sb.append(
              cell instanceof Cell.Formula f
                  ? "<td class=\"f\" title=\"" + esc(f.source()) + "\">"
                  : "<td>");
          sb.append(shown == null ? "" : esc(String.valueOf(shown))).append("</td>");
        }
        sb.append("</tr>");
      }
      sb.append("</table>");
    }
    return page(book.title, sb.toString());
  }

  private static String page(String title, String body) {
    return "<!doctype html><html><head><meta charset=\"utf-8\"><title>"
        + esc(title)
        + "</title><style>body{font-family:sans-serif;margin:1em}table{border-collapse:collapse}"
        + "td,th{border:1px solid #ccc;padding:2px 6px;font-size:13px;white-space:nowrap}"
        + "th{background:#f1f3f4;color:#555}td.f{background:#f6fbf6}</style></head><body>"
        + body
        + "</body></html>";
  }

  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(ch);
      }
    }
    return sb.toString();
  }
}
