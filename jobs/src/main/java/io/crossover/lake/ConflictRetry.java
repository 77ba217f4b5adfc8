package io.crossover.lake;

import io.crossover.errors.Errors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.apache.spark.sql.delta.DeltaConcurrentModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeats a table write that Delta's optimistic concurrency rejected because another run committed
 * to the table first. Every write of the lake is safe to repeat: it recomputes its rows or replaces
 * the same rows again.
 */
final class ConflictRetry {
  private static final Logger LOG = LoggerFactory.getLogger(ConflictRetry.class);
  static final int ATTEMPTS = 4;

  private ConflictRetry() {}

  /** Runs {@code write}; past {@link #ATTEMPTS} rejected attempts, the error names {@code table}. */
  static <T> T write(String table, Supplier<T> write) {
    for (int attempt = 1; ; attempt++) {
      try {
        return write.get();
      } catch (DeltaConcurrentModificationException e) {
        if (attempt == ATTEMPTS) {
          throw Errors.concurrentWrite(table, attempt, e);
        }
        LOG.warn("{}: another run committed first ({}); writing again ({} of {})", table,
            e.getClass().getSimpleName(), attempt + 1, ATTEMPTS);
        pause(attempt);
      }
    }
  }

  /** Backs off a little longer each time, with jitter so that two runs do not collide again in step. */
  private static void pause(int attempt) {
    try {
      Thread.sleep(500L * attempt + ThreadLocalRandom.current().nextLong(1000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to write again", e);
    }
  }
}
