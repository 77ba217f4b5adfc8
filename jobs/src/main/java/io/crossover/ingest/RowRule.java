package io.crossover.ingest;

import java.io.Serializable;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Column;

/**
 * A rule over several columns of one landing row (a range's low above its value, an end before its
 * start). It is checked on the typed values, so a value that did not parse breaks only its own rule.
 *
 * @param columns the columns the rule reads; quarantine's detail shows their values
 */
public record RowRule(String name, String meaning, List<String> columns, Check check) implements Serializable {

  /** When a row breaks the rule, given each column's typed value. */
  @FunctionalInterface
  public interface Check extends Serializable {
    Column broken(Function<String, Column> value);
  }

  public static RowRule of(String name, String meaning, List<String> columns, Check check) {
    return new RowRule(name, meaning, columns, check);
  }
}
