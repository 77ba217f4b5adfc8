package io.crossover.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * One landing column and its rules.
 *
 * @param allowed the only accepted values (lower case), empty when any value is accepted
 * @param min smallest accepted value of a number, null for none
 * @param max largest accepted value of a number, null for none
 */
public record Field(
    String name, FieldType type, boolean required, List<String> allowed, Double min, Double max)
    implements Serializable {

  public static Field required(String name, FieldType type) {
    return new Field(name, type, true, List.of(), null, null);
  }

  public static Field optional(String name, FieldType type) {
    return new Field(name, type, false, List.of(), null, null);
  }

  public Field oneOf(String... values) {
    return new Field(name, type, required, List.of(values), min, max);
  }

  public Field nonNegative() {
    return new Field(name, type, required, allowed, 0.0, max);
  }

  public Field between(double low, double high) {
    return new Field(name, type, required, allowed, low, high);
  }
}
