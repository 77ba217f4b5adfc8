package io.crossover.lake;

/**
 * What one write did to one table: rows it wrote and the table's Delta version after it.
 *
 * @param unchanged true when nothing was written because the table was already current
 */
public record WriteResult(String table, long rowsWritten, long version, boolean unchanged) {}
