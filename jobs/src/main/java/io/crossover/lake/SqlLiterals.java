package io.crossover.lake;

import java.time.LocalDate;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The one place SQL literals are written, for the predicates Delta's {@code replaceWhere} and DDL
 * take as text: strings quoted with every backslash and quote escaped, dates typed.
 */
public final class SqlLiterals {
  private SqlLiterals() {}

  /** {@code text} as a SQL string literal. */
  public static String string(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** {@code date} as a SQL date literal. */
  public static String date(LocalDate date) {
    return "DATE'" + date + "'";
  }

  /** {@code column IN (…)} over string values. */
  public static String inStrings(String column, Collection<String> values) {
    return column + " IN (" + values.stream().map(SqlLiterals::string).collect(Collectors.joining(", ")) + ")";
  }

  /** {@code column IN (…)} over dates. */
  public static String inDates(String column, Collection<LocalDate> values) {
    return column + " IN (" + values.stream().map(SqlLiterals::date).collect(Collectors.joining(", ")) + ")";
  }
}
