package dev.sheetsync.records;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Small JDBC helpers shared by the record repositories. */
final class Sql {

  private Sql() {}

  static Integer nullableInt(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  /**
   * An ILIKE pattern matching {@code text} anywhere, wildcards in it taken literally; null if
   * blank.
   */
  static String containsPattern(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String escaped = text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }
}
