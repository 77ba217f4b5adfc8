package io.crossover.lake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs a stage's independent table writes on a few driver threads. Most of a small table's write
 * is driver time (planning, the Delta commit, reading the log back), so several overlap; Spark
 * schedules the jobs of several threads side by side on the executors.
 */
public final class SideBySide {
  /** Writes in flight at once; beyond this the driver's two cores are the limit (docs/performance.md). */
  static final int THREADS = 4;

  private SideBySide() {}

  /**
   * Runs each of {@code writes} with a report of its own, side by side, then adds their reports to
   * {@code report} in the order given, so the summary reads the same however the writes interleaved.
   */
  public static void parts(StageReport report, List<Consumer<StageReport>> writes) {
    List<Callable<StageReport>> tasks = new ArrayList<>();
    for (Consumer<StageReport> write : writes) {
      tasks.add(() -> {
        StageReport part = new StageReport(report.stage());
        write.accept(part);
        return part;
      });
    }
    run(tasks).forEach(report::add);
  }

  /**
   * The results of {@code tasks} in their order. Every task runs to its end; then the first
   * failure in that order is thrown as it was thrown, so a stage fails as it would one table at a time.
   */
  public static <T> List<T> run(List<Callable<T>> tasks) {
    if (tasks.size() <= 1) {
      return tasks.stream().map(SideBySide::call).toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, tasks.size()), runnable -> {
      Thread thread = new Thread(runnable, "crossover-writer");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<T>> futures = tasks.stream().map(pool::submit).toList();
      List<T> results = new ArrayList<>();
      Throwable first = null;
      for (Future<T> future : futures) {
        try {
          results.add(future.get());
        } catch (ExecutionException failed) {
          first = first != null ? first : failed.getCause();
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for a table write", interrupted);
        }
      }
      if (first != null) {
        throw unchecked(first);
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T call(Callable<T> task) {
    try {
      return task.call();
    } catch (Exception e) {
      throw unchecked(e);
    }
  }

  /**
   * Throws {@code failure} as it is: Scala code (Spark, Delta) throws checked exceptions undeclared,
   * and the callers already handle those (see Main), so they pass through unwrapped.
   */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException unchecked(Throwable failure) throws E {
    throw (E) failure;
  }
}
