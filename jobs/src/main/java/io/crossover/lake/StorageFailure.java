package io.crossover.lake;

import io.crossover.errors.CrossoverException;
import io.crossover.errors.Errors;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * What a failed command amounts to for its user: the user-facing error somewhere in its causes (a
 * task that failed in an executor arrives wrapped by Spark), else a storage failure (an object
 * store that went away, a reset connection, a failed read or write) naming the lake's endpoint, so
 * an operator reads "the store at X did not answer" rather than a stack trace.
 */
public final class StorageFailure {
  private StorageFailure() {}

  /**
   * The user-facing error {@code failure} amounts to, if any; {@code sparkProperties} give the s3a
   * endpoint of the lake's bucket.
   */
  public static Optional<CrossoverException> explain(Throwable failure, Map<String, String> sparkProperties,
      String lakeRoot) {
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      if (cause instanceof CrossoverException known) {
        return Optional.of(known);
      }
    }
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      if (cause instanceof IOException) {
        return Optional.of(Errors.storageUnreachable(endpoint(sparkProperties, lakeRoot), lakeRoot,
            Storage.rootMessage(cause), failure));
      }
    }
    return Optional.empty();
  }

  static String endpoint(Map<String, String> sparkProperties, String lakeRoot) {
    return Storage.endpoint(lakeRoot, key -> sparkProperties.get("spark.hadoop." + key));
  }

  private static Throwable next(Throwable cause) {
    return cause.getCause() == cause ? null : cause.getCause();
  }
}
