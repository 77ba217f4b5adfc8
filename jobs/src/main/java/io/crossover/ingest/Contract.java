package io.crossover.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * What a landing folder must hold: its columns, their types and rules, and the natural key that
 * identifies a row. docs/landing.md is checked against these.
 */
public record Contract(String dataset, String description, List<Field> fields, List<String> naturalKey)
    implements Serializable {

  public List<String> columnNames() {
    return fields.stream().map(Field::name).toList();
  }

  public List<String> requiredColumns() {
    return fields.stream().filter(Field::required).map(Field::name).toList();
  }
}
