package io.crossover.lake;

/** What one write did to one table: rows it wrote and the Delta version it made (-1: none). */
public record WriteResult(String table, long rowsWritten, long version) {

  public static WriteResult skipped(String table) {
    return new WriteResult(table, 0, -1);
  }
}
