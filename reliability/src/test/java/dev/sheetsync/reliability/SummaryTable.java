package dev.sheetsync.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The suite's summary: one line per scenario, printed and rewritten to {@code
 * target/reliability/summary.md} after every scenario, so the file always holds the whole run so
 * far. Thread-safe.
 */
final class SummaryTable {

  private static final List<Row> ROWS = new ArrayList<>();

  private SummaryTable() {}

  /**
   * One scenario's line.
   *
   * @param disturbances what was injected, in words ("20 SIGKILLs", "1,204 faults")
   * @param notes anything else worth a reader's eye (retries taken, 503s seen)
   */
  record Row(
      int order,
      String scenario,
      int changes,
      String disturbances,
      int duplicates,
      int lost,
      int wrongRow,
      Duration wallTime,
      String notes) {}

  static synchronized void add(Path dir, ReliabilitySize size, Row row) {
    ROWS.removeIf(r -> r.scenario().equals(row.scenario()));
    ROWS.add(row);
    ROWS.sort(Comparator.comparingInt(Row::order));
    String table = render(size);
    System.out.println(table);
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("summary.md"), table);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static synchronized String render(ReliabilitySize size) {
    StringBuilder out = new StringBuilder();
    out.append("Reliability suite, size ").append(size.name()).append("\n\n");
    out.append(
        "| scenario | changes | kills / faults injected | duplicates | lost changes | wrong-row writes | wall time | notes |\n");
    out.append("| --- | ---: | --- | ---: | ---: | ---: | ---: | --- |\n");
    for (Row row : ROWS) {
      out.append(
          "| %s | %,d | %s | %d | %d | %d | %s | %s |%n"
              .formatted(
                  row.scenario(),
                  row.changes(),
                  row.disturbances(),
                  row.duplicates(),
                  row.lost(),
                  row.wrongRow(),
                  "%.1f s".formatted(row.wallTime().toMillis() / 1000.0),
                  row.notes()));
    }
    return out.toString();
  }
}
