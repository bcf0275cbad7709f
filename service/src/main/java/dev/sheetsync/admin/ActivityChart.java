package dev.sheetsync.admin;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The console's 24-hour chart, laid out in Java so the template only draws rectangles: per hour a
 * bar of succeeded items with failed items stacked on top, and a line for the pending backlog.
 * Plain SVG, so it renders without JavaScript and can be checked in tests.
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
