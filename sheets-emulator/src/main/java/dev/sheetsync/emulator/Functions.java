package dev.sheetsync.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The spreadsheet functions the emulator evaluates: SUM, SUMIF, SUMIFS, COUNTIF, COUNT, COUNTA,
 * AVERAGE, MIN, MAX, IF, IFERROR, ROUND, CONCATENATE, ROW. Everything else is {@code #NAME?}, as
 * Sheets shows for a function it does not know.
 */
final class Functions {

  private Functions() {}

  static Object call(String name, List<Object> args, FormulaEvaluator ev, int row) {
    return switch (name) {
      case "SUM" -> aggregate(args, ev, "SUM");
      case "MIN" -> aggregate(args, ev, "MIN");
      case "MAX" -> aggregate(args, ev, "MAX");
      case "AVERAGE" -> aggregate(args, ev, "AVERAGE");
      case "COUNT" -> aggregate(args, ev, "COUNT");
      case "COUNTA" -> counta(args, ev);
      case "SUMIF" -> sumif(args, ev, true);
      case "SUMIFS" -> sumifs(args, ev);
      case "COUNTIF" -> sumif(args, ev, false);
      case "IF" -> iff(args, ev);
      case "IFERROR" ->
          args.isEmpty()
              ? FormulaEvaluator.NA
              : scalar(args.get(0), ev) instanceof FormulaEvaluator.Error
                  ? (args.size() > 1 ? scalar(args.get(1), ev) : null)
                  : scalar(args.get(0), ev);
      case "ROUND" -> round(args, ev);
      case "CONCATENATE" -> concatenate(args, ev);
      case "ROW" ->
          args.isEmpty()
              ? (double) (row + 1)
              : args.get(0) instanceof FormulaEvaluator.RangeValue r
                  ? (double) (r.startRow() + 1)
                  : FormulaEvaluator.VALUE;
      default -> FormulaEvaluator.NAME;
    };
  }

  private static Object scalar(Object v, FormulaEvaluator ev) {
    if (v instanceof FormulaEvaluator.RangeValue r) {
      return r.endRow() - r.startRow() == 1 && r.endCol() - r.startCol() == 1
          ? ev.value(r.sheet(), r.startRow(), r.startCol())
          : FormulaEvaluator.VALUE;
    }
    return v;
  }

  private static void cells(
      FormulaEvaluator.RangeValue r, FormulaEvaluator ev, Consumer<Object> sink) {
    for (int i = r.startRow(); i < r.endRow(); i++) {
      for (int j = r.startCol(); j < r.endCol(); j++) {
        sink.accept(ev.value(r.sheet(), i, j));
      }
    }
  }

  private static Object aggregate(List<Object> args, FormulaEvaluator ev, String kind) {
    List<Double> numbers = new ArrayList<>();
    Object[] error = new Object[1];
    for (Object arg : args) {
      if (arg instanceof FormulaEvaluator.RangeValue r) {
        // Inside ranges, text and booleans are ignored, as in Sheets.
        cells(
            r,
            ev,
            v -> {
              if (v instanceof Double d) {
                numbers.add(d);
              } else if (v instanceof FormulaEvaluator.Error && error[0] == null) {
                error[0] = v;
              }
            });
      } else if (kind.equals("COUNT")) {
        if (Values.toNumber(arg) instanceof Double d && arg != null) {
          numbers.add(d);
        }
      } else {
        Object n = Values.toNumber(arg);
        if (n instanceof FormulaEvaluator.Error) {
          return n;
        }
        numbers.add((Double) n);
      }
    }
    if (error[0] != null && !kind.equals("COUNT")) {
      return error[0];
    }
    return switch (kind) {
      case "SUM" -> numbers.stream().mapToDouble(Double::doubleValue).sum();
      case "MIN" -> numbers.stream().mapToDouble(Double::doubleValue).min().orElse(0);
      case "MAX" -> numbers.stream().mapToDouble(Double::doubleValue).max().orElse(0);
      case "COUNT" -> (double) numbers.size();
      default ->
          numbers.isEmpty()
              ? FormulaEvaluator.DIV0
              : numbers.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    };
  }

  private static Object counta(List<Object> args, FormulaEvaluator ev) {
    int[] count = new int[1];
    for (Object arg : args) {
      if (arg instanceof FormulaEvaluator.RangeValue r) {
        cells(r, ev, v -> count[0] += v == null ? 0 : 1);
      } else if (arg != null) {
        count[0]++;
      }
    }
    return (double) count[0];
  }

  /** SUMIF(range, criterion, [sum_range]) and COUNTIF(range, criterion). */
  private static Object sumif(List<Object> args, FormulaEvaluator ev, boolean sum) {
    if (args.size() < 2 || !(args.get(0) instanceof FormulaEvaluator.RangeValue range)) {
      return FormulaEvaluator.VALUE;
    }
    Object criterion = scalar(args.get(1), ev);
    if (criterion instanceof FormulaEvaluator.Error) {
      return criterion;
    }
    FormulaEvaluator.RangeValue sumRange = range;
    if (sum && args.size() > 2) {
      if (!(args.get(2) instanceof FormulaEvaluator.RangeValue r)) {
        return FormulaEvaluator.VALUE;
      }
      sumRange = r;
    }
    double total = 0;
    int rows = Math.max(range.endRow() - range.startRow(), 0);
    if (sumRange != range) {
      rows = Math.max(rows, sumRange.endRow() - sumRange.startRow());
    }
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < range.endCol() - range.startCol(); j++) {
        Object v = ev.value(range.sheet(), range.startRow() + i, range.startCol() + j);
        if (!matches(v, criterion)) {
          continue;
        }
        if (!sum) {
          total++;
          continue;
        }
        Object s = ev.value(sumRange.sheet(), sumRange.startRow() + i, sumRange.startCol() + j);
        if (s instanceof Double d) {
          total += d;
        }
      }
    }
    return total;
  }

  /** SUMIFS(sum_range, criteria_range1, criterion1, [criteria_range2, criterion2, …]). */
  private static Object sumifs(List<Object> args, FormulaEvaluator ev) {
    if (args.size() < 3
        || args.size() % 2 == 0
        || !(args.get(0) instanceof FormulaEvaluator.RangeValue sumRange)) {
      return FormulaEvaluator.VALUE;
    }
    List<FormulaEvaluator.RangeValue> ranges = new ArrayList<>();
    List<Object> criteria = new ArrayList<>();
    for (int i = 1; i < args.size(); i += 2) {
      if (!(args.get(i) instanceof FormulaEvaluator.RangeValue range)) {
        return FormulaEvaluator.VALUE;
      }
      Object criterion = scalar(args.get(i + 1), ev);
      if (criterion instanceof FormulaEvaluator.Error) {
        return criterion;
      }
      ranges.add(range);
      criteria.add(criterion);
    }
    double total = 0;
    int rows = Math.max(sumRange.endRow() - sumRange.startRow(), 0);
    for (int i = 0; i < rows; i++) {
      boolean all = true;
      for (int c = 0; c < ranges.size() && all; c++) {
        FormulaEvaluator.RangeValue range = ranges.get(c);
        all =
            matches(
                ev.value(range.sheet(), range.startRow() + i, range.startCol()), criteria.get(c));
      }
      if (all
          && ev.value(sumRange.sheet(), sumRange.startRow() + i, sumRange.startCol())
              instanceof Double d) {
        total += d;
      }
    }
    return total;
  }

  /** Criteria: a value (equality), or text such as {@code ">5"}, {@code "<>x"}, {@code "a*"}. */
  static boolean matches(Object value, Object criterion) {
    if (!(criterion instanceof String text)) {
      Object c = criterion == null ? "" : criterion;
      if (c instanceof Double d) {
        return value instanceof Double v
            ? v.doubleValue() == d
            : value instanceof String s && Values.toNumber(s) instanceof Double p && p.equals(d);
      }
      return value != null && Values.order(value, c) == 0;
    }
    String op = "=";
    for (String candidate : List.of("<>", "<=", ">=", "=", "<", ">")) {
      if (text.startsWith(candidate)) {
        op = candidate;
        text = text.substring(candidate.length());
        break;
      }
    }
    Object operand = Values.toNumber(text) instanceof Double d && !text.isBlank() ? d : text;
    if (operand instanceof Double d) {
      Object n = value instanceof String s ? Values.toNumber(s) : value;
      if (!(n instanceof Double v)) {
        return op.equals("<>");
      }
      return Boolean.TRUE.equals(Values.compare(v, d, op));
    }
    String pattern = (String) operand;
    if (op.equals("=") || op.equals("<>")) {
      boolean eq;
      if (pattern.isEmpty()) {
        eq = value == null || "".equals(value);
      } else {
        Pattern regex = Pattern.compile(wildcard(pattern), Pattern.CASE_INSENSITIVE);
        eq = value != null && regex.matcher(Values.text(value)).matches();
      }
      return op.equals("=") == eq;
    }
    return value instanceof String s && Boolean.TRUE.equals(Values.compare(s, pattern, op));
  }

  private static String wildcard(String pattern) {
    StringBuilder sb = new StringBuilder();
    for (char ch : pattern.toCharArray()) {
      switch (ch) {
        case '*' -> sb.append(".*");
        case '?' -> sb.append('.');
        default -> sb.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    return sb.toString();
  }

  private static Object iff(List<Object> args, FormulaEvaluator ev) {
    if (args.isEmpty()) {
      return FormulaEvaluator.NA;
    }
    Object cond = Values.toBoolean(scalar(args.get(0), ev));
    if (cond instanceof FormulaEvaluator.Error) {
      return cond;
    }
    int pick = Boolean.TRUE.equals(cond) ? 1 : 2;
    return pick < args.size()
        ? scalar(args.get(pick), ev)
        : Boolean.FALSE.equals(cond) ? false : null;
  }

  private static Object round(List<Object> args, FormulaEvaluator ev) {
    Object n = Values.toNumber(scalar(args.isEmpty() ? null : args.get(0), ev));
    Object p = Values.toNumber(args.size() > 1 ? scalar(args.get(1), ev) : 0.0);
    if (n instanceof FormulaEvaluator.Error) {
      return n;
    }
    if (p instanceof FormulaEvaluator.Error) {
      return p;
    }
    double scale = Math.pow(10, Math.floor((Double) p));
    return Math.round((Double) n * scale) / scale;
  }

  private static Object concatenate(List<Object> args, FormulaEvaluator ev) {
    StringBuilder sb = new StringBuilder();
    for (Object arg : args) {
      Object v = scalar(arg, ev);
      if (v instanceof FormulaEvaluator.Error) {
        return v;
      }
      sb.append(Values.text(v));
    }
    return sb.toString();
  }
}
