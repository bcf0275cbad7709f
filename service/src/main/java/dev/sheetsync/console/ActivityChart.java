package dev.sheetsync.console;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The console's 24-hour chart, laid out in Java: per hour a bar of succeeded items with failed
 * items stacked on top, and a line for the pending backlog. Plain SVG, so it renders without
 * JavaScript and can be checked in tests.
 *
 * <p>The SVG's elements are written here ({@link #svg()}) rather than by the template: 24 hours of
 * a title, two bars and a label were some 260 template expressions, about a third of the console's
 * rendering time. The markup holds only numbers and {@code HH:mm} labels made here, nothing a
 * person typed, so it needs no escaping.
 */
record ActivityChart(
    List<Slot> slots, String pendingLine, long maxValue, long totalProcessed, long totalFailed) {

  static final int WIDTH = 720;
  static final int HEIGHT = 160;
  static final int SLOT = WIDTH / 24;

  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

  /** One hour: bar geometry and the numbers for its tooltip. */
  record Slot(
      String label,
      int x,
      int succeededY,
      int succeededHeight,
      int failedY,
      int failedHeight,
      long succeeded,
      long failed,
      long pending) {}

  /** One hour of input: outcomes from the sync log, backlog from the queue. */
  record Hour(OffsetDateTime start, long succeeded, long failed, long pending) {}

  /** The SVG's viewBox: the bars plus a strip for the hour labels. */
  public String viewBox() {
    return "0 0 " + WIDTH + " " + (HEIGHT + 16);
  }

  /** Baseline of the hour labels. */
  public int labelY() {
    return HEIGHT + 13;
  }

  /**
   * The chart's elements: per hour a group of its tooltip, the succeeded and failed bars and (every
   * third hour) its label; then the backlog line.
   */
  public String svg() {
    StringBuilder out = new StringBuilder(8192);
    for (int i = 0; i < slots.size(); i++) {
      Slot s = slots.get(i);
      out.append("<g><title>")
          .append(s.label())
          .append(": ")
          .append(s.succeeded())
          .append(" written, ")
          .append(s.failed())
          .append(" failed, ")
          .append(s.pending())
          .append(" waiting</title>");
      bar(out, "ok", s.x(), s.succeededY(), s.succeededHeight());
      bar(out, "bad", s.x(), s.failedY(), s.failedHeight());
      if (i % 3 == 0) {
        out.append("<text class=\"hour\" x=\"")
            .append(s.x())
            .append("\" y=\"")
            .append(labelY())
            .append("\">")
            .append(s.label())
            .append("</text>");
      }
      out.append("</g>");
    }
    out.append("<polyline class=\"pending\" points=\"")
        .append(pendingLine)
        .append("\"></polyline>");
    return out.toString();
  }

  private static void bar(StringBuilder out, String css, int x, int y, int height) {
    out.append("<rect class=\"")
        .append(css)
        .append("\" x=\"")
        .append(x)
        .append("\" y=\"")
        .append(y)
        .append("\" height=\"")
        .append(height)
        .append("\" width=\"24\"></rect>");
  }

  static ActivityChart of(List<Hour> hours) {
    long max = 1;
    for (Hour h : hours) {
      max = Math.max(max, Math.max(h.succeeded() + h.failed(), h.pending()));
    }
    List<Slot> slots = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    long processed = 0;
    long failed = 0;
    for (int i = 0; i < hours.size(); i++) {
      Hour h = hours.get(i);
      int x = i * SLOT;
      int succeededHeight = scale(h.succeeded(), max);
      int failedHeight = scale(h.failed(), max);
      int succeededY = HEIGHT - succeededHeight;
      slots.add(
          new Slot(
              h.start().format(HOUR),
              x + 3,
              succeededY,
              succeededHeight,
              succeededY - failedHeight,
              failedHeight,
              h.succeeded(),
              h.failed(),
              h.pending()));
      line.append(i == 0 ? "" : " ")
          .append(x + SLOT / 2)
          .append(',')
          .append(HEIGHT - scale(h.pending(), max));
      processed += h.succeeded() + h.failed();
      failed += h.failed();
    }
    return new ActivityChart(List.copyOf(slots), line.toString(), max, processed, failed);
  }

  private static int scale(long value, long max) {
    return (int) Math.round((double) value * (HEIGHT - 10) / max);
  }
}
