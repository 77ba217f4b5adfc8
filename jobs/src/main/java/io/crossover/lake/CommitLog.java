package io.crossover.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossover.errors.Errors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The actions of a Delta table's commits, read straight from {@code _delta_log/<version>.json}:
 * what lets a stage see which files a commit added or removed without a Spark job. Valid for the
 * lake's tables because they keep to plain Parquet data files (no deletion vectors, no column mapping).
 */
final class CommitLog {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CommitLog() {}

  /** Every action of commit {@code version} of the table at {@code tablePath}. */
  static List<JsonNode> actions(FileSystem fs, String tablePath, long version) {
    Path commit = new Path(tablePath + "/_delta_log/" + String.format("%020d.json", version));
    List<JsonNode> actions = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(commit), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          actions.add(JSON.readTree(line));
        }
      }
    } catch (IOException e) {
      throw Errors.cannotWrite(commit.toString(), "reading the commit failed: " + e.getMessage(), e);
    }
    return actions;
  }

  /** The commit's userMetadata (the inputs it was computed from), or null. */
  static String userMetadata(List<JsonNode> actions) {
    return actions.stream().filter(a -> a.has("commitInfo")).findFirst()
        .map(a -> a.get("commitInfo").path("userMetadata").asText(null)).orElse(null);
  }
}
