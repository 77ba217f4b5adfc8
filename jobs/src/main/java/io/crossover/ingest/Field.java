package io.crossover.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * One landing column and its rules.
 *
 * @param name the column's name in bronze (snake case)
 * @param header the heading the landing file gives it, matched ignoring case and surrounding spaces;
 *     the name itself unless the file is a third party's export ("Close date")
 * @param allowed the only accepted values (lower case), empty when any value is accepted
 * @param min smallest accepted value of a number, null for none
 * @param max largest accepted value of a number, null for none
 * @param pattern a regular expression a text value must match (rule {@code unknown_<name>}), null for none
 */
public record Field(
    String name, String header, FieldType type, boolean required, List<String> allowed, Double min, Double max,
    String pattern) implements Serializable {

  public static Field required(String name, FieldType type) {
    return new Field(name, name, type, true, List.of(), null, null, null);
  }

  public static Field optional(String name, FieldType type) {
    return new Field(name, name, type, false, List.of(), null, null, null);
  }

  /** The same field, read from the column headed {@code heading} in the landing file. */
  public Field from(String heading) {
    return new Field(name, heading, type, required, allowed, min, max, pattern);
  }

  /** The same field, required: a row without a value is quarantined. */
  public Field mandatory() {
    return new Field(name, header, type, true, allowed, min, max, pattern);
  }

  public Field oneOf(String... values) {
    return new Field(name, header, type, required, List.of(values), min, max, pattern);
  }

  public Field nonNegative() {
    return new Field(name, header, type, required, allowed, 0.0, max, pattern);
  }

  public Field between(double low, double high) {
    return new Field(name, header, type, required, allowed, low, high, pattern);
  }

  /** The same field, accepting only text that matches {@code regex} (case-insensitive). */
  public Field matching(String regex) {
    return new Field(name, header, type, required, allowed, min, max, regex);
  }

  /** Whether a value outside a list or a pattern can break this field's {@code unknown_<name>} rule. */
  public boolean isRestricted() {
    return !allowed.isEmpty() || pattern != null;
  }
}
