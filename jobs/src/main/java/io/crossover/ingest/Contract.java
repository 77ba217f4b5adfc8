package io.crossover.ingest;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * What a landing folder must hold: its columns, their types and rules, and the natural key that
 * identifies a row. docs/landing.md is checked against these.
 *
 * @param folder the landing folder the files are in (the dataset's name, or {@code epoch} for Epoch AI's exports)
 * @param fileNames a regular expression a file's name must match to belong to this dataset, null for every file
 * @param rowRules rules over several columns of a row, checked once every column parsed
 */
public record Contract(String dataset, String description, List<Field> fields, List<String> naturalKey,
    String folder, String fileNames, List<RowRule> rowRules) implements Serializable {

  public Contract(String dataset, String description, List<Field> fields, List<String> naturalKey) {
    this(dataset, description, fields, naturalKey, dataset, null, List.of());
  }

  /** The same contract for files in {@code folder} whose name matches {@code fileNameRegex}. */
  public Contract landedAs(String inFolder, String fileNameRegex) {
    return new Contract(dataset, description, fields, naturalKey, inFolder, fileNameRegex, rowRules);
  }

  public Contract withRules(RowRule... rules) {
    return new Contract(dataset, description, fields, naturalKey, folder, fileNames, List.of(rules));
  }

  /** Whether a file of {@link #folder} named {@code fileName} holds this dataset. */
  public boolean holds(String fileName) {
    return fileNames == null || fileName.toLowerCase(Locale.ROOT).matches(fileNames);
  }

  public List<String> columnNames() {
    return fields.stream().map(Field::name).toList();
  }

  public List<String> requiredColumns() {
    return fields.stream().filter(Field::required).map(Field::name).toList();
  }

  /** The headings of the required columns, as a landing file's header must have them (lower case). */
  public List<String> requiredHeaders() {
    return fields.stream().filter(Field::required).map(f -> headingKey(f.header())).toList();
  }

  /** How a heading is matched: case and surrounding spaces do not matter. */
  public static String headingKey(String heading) {
    return heading.trim().toLowerCase(Locale.ROOT);
  }
}
