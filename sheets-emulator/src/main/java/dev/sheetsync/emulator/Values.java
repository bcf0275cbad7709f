package dev.sheetsync.emulator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Coercions, arithmetic and number/date formatting shared by formulas and rendering. */
final class Values {

  /** Day zero of Google Sheets date serials. */
  static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);

  /** Significant digits Google shows in the automatic number format. */
  private static final MathContext SIGNIFICANT = new MathContext(15);

  private Values() {}

  /** The value of a non-formula cell. */
  static Object of(Cell cell) {
    if (cell instanceof Cell.Num n) {
      return n.value();
    }
    if (cell instanceof Cell.Text t) {
      return t.value();
    }
    if (cell instanceof Cell.Bool b) {
      return b.value();
    }
    throw new IllegalArgumentException("formula");
  }

  static double dateSerial(LocalDate date) {
    return ChronoUnit.DAYS.between(EPOCH, date);
  }

  static String formatDate(double serial) {
    return EPOCH.plusDays((long) Math.floor(serial)).toString();
  }

  /**
   * Google's "automatic" number format, close enough: integers plain, up to 15 significant digits
   * (a 16th shows the binary error: 9.38 would read 9.380000000000001).
   */
  static String formatNumber(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return new BigDecimal(d).round(SIGNIFICANT).stripTrailingZeros().toPlainString();
  }

  /** A JSON-friendly number: a Long when integral, else the double. */
  static Number jsonNumber(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return (long) d;
    }
    return d;
  }

  static Object toNumber(Object v) {
    if (v == null) {
      return 0.0;
    }
    if (v instanceof Double || v instanceof FormulaEvaluator.Error) {
      return v;
    }
    if (v instanceof Boolean b) {
      return b ? 1.0 : 0.0;
    }
    String s = ((String) v).trim();
    if (s.isEmpty()) {
      return 0.0;
    }
    try {
      double d = Double.parseDouble(s);
      // Java reads "NaN" and "Infinity" as numbers; Sheets keeps them as text (#VALUE! in sums).
      return Double.isFinite(d) ? d : FormulaEvaluator.VALUE;
    } catch (NumberFormatException e) {
      return FormulaEvaluator.VALUE;
    }
  }

  static String text(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      return formatNumber(d);
    }
    if (v instanceof Boolean b) {
      return b ? "TRUE" : "FALSE";
    }
    if (v instanceof FormulaEvaluator.Error e) {
      return e.code();
    }
    return (String) v;
  }

  static Object toBoolean(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean || v instanceof FormulaEvaluator.Error) {
      return v;
    }
    if (v instanceof Double d) {
      return d != 0;
    }
    String s = ((String) v).toUpperCase(Locale.ROOT);
    return s.equals("TRUE")
        ? Boolean.TRUE
        : s.equals("FALSE") ? Boolean.FALSE : FormulaEvaluator.VALUE;
  }

  static Object arithmetic(Object left, Object right, char op) {
    Object l = toNumber(left);
    Object r = toNumber(right);
    if (l instanceof FormulaEvaluator.Error) {
      return l;
    }
    if (r instanceof FormulaEvaluator.Error) {
      return r;
    }
    double a = (Double) l;
    double b = (Double) r;
    return switch (op) {
      case '+' -> a + b;
      case '-' -> a - b;
      case '*' -> a * b;
      case '^' -> Math.pow(a, b);
      default -> b == 0 ? FormulaEvaluator.DIV0 : a / b;
    };
  }

  /** Sheets ordering: numbers &lt; text &lt; booleans; text compares case-insensitively. */
  static int order(Object a, Object b) {
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    if (a instanceof Double x) {
      return Double.compare(x, (Double) b);
    }
    if (a instanceof Boolean x) {
      return Boolean.compare(x, (Boolean) b);
    }
    return text(a).compareToIgnoreCase(text(b));
  }

  private static int rank(Object v) {
    if (v == null || v instanceof Double) {
      return 0;
    }
    if (v instanceof String) {
      return 1;
    }
    if (v instanceof Boolean) {
      return 2;
    }
    return 3;
  }

  static Object compare(Object left, Object right, String op) {
    if (left instanceof FormulaEvaluator.Error) {
      return left;
    }
    if (right instanceof FormulaEvaluator.Error) {
      return right;
    }
    Object l = left == null ? (right instanceof String ? "" : 0.0) : left;
    Object r = right == null ? (l instanceof String ? "" : 0.0) : right;
    int c = order(l, r);
    return switch (op) {
      case "=" -> c == 0;
      case "<>" -> c != 0;
      case "<" -> c < 0;
      case ">" -> c > 0;
      case "<=" -> c <= 0;
      default -> c >= 0;
    };
  }
}
