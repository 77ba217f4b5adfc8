package io.crossover.lake;

import io.crossover.errors.Errors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import io.delta.exceptions.ConcurrentAppendException;
import io.delta.exceptions.ConcurrentDeleteDeleteException;
import io.delta.exceptions.ConcurrentDeleteReadException;
import io.delta.exceptions.ConcurrentTransactionException;
import io.delta.exceptions.ConcurrentWriteException;
import io.delta.exceptions.MetadataChangedException;
import io.delta.exceptions.ProtocolChangedException;
import java.util.List;
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
  private static final List<Class<? extends RuntimeException>> CONFLICTS = List.of(ConcurrentAppendException.class,
      ConcurrentDeleteReadException.class, ConcurrentDeleteDeleteException.class, ConcurrentTransactionException.class,
      ConcurrentWriteException.class, MetadataChangedException.class, ProtocolChangedException.class);

  private ConflictRetry() {}

  /** Runs {@code write}; past {@link #ATTEMPTS} rejected attempts, the error names {@code table}. */
  static <T> T write(String table, Supplier<T> write) {
    for (int attempt = 1; ; attempt++) {
      try {
        return write.get();
      } catch (RuntimeException e) {
        if (!isConflict(e)) {
          throw e;
        }
        if (attempt == ATTEMPTS) {
          throw Errors.concurrentWrite(table, attempt, e);
        }
        LOG.warn("{}: another run committed first ({}); writing again ({} of {})", table,
            e.getClass().getSimpleName(), attempt + 1, ATTEMPTS);
        pause(attempt);
      }
    }
  }

  /** Whether Delta rejected the commit because another writer committed first (its public exception classes). */
  static boolean isConflict(RuntimeException e) {
    return CONFLICTS.stream().anyMatch(conflict -> conflict.isInstance(e));
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
