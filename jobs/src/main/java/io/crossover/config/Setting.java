package io.crossover.config;

import io.crossover.errors.Errors;
import java.util.function.Function;

/**
 * One {@code spark.crossover.*} property: its key, default, the values it accepts and its doc line.
 *
 * @param parse turns the text into a value, or returns null when the text is not acceptable
 */
public record Setting<T>(
    String key, String defaultValue, String accepted, String doc, Function<String, T> parse) {

  public T read(String text) {
    String value = text == null ? defaultValue : text.trim();
    T parsed;
    try {
      parsed = parse.apply(value);
    } catch (RuntimeException notParseable) {
      parsed = null;
    }
    if (parsed == null) {
      throw Errors.invalidSetting(key, value, accepted);
    }
    return parsed;
  }
}
