package io.crossover.lake;

import java.io.Serializable;

/** A file found in a landing folder. */
public record LandingFile(String path, long size, long modifiedAt) implements Serializable {

  /** The file's name, without its folder. */
  public String name() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  public String format() {
    String lower = path.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".parquet")) {
      return "parquet";
    }
    if (lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
      return "json";
    }
    return "csv";
  }
}
