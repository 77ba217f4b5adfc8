package io.crossover.refine;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;

import io.crossover.lake.TableSpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Where a silver fact came from ({@code origin}): the hand-kept files ({@value #CURATED}), Epoch AI's
 * datasets ({@value #EPOCH}) or a derivation ({@value #DERIVED}); and which wins when two describe
 * the same thing.
 */
public final class Origins {
  public static final String CURATED = "curated";
  public static final String EPOCH = "epoch";
  public static final String DERIVED = "derived";
  /** Two reports of one round (announcement, close) this many days apart or fewer are the same round. */
  public static final int SAME_EVENT_DAYS = 45;

  private Origins() {}

  /**
   * Curated rows, and the other rows no curated row describes: equal {@code keys} (company id and
   * kind, chip id) and, when {@code dateColumn} is given, dates at most {@link #SAME_EVENT_DAYS}
   * apart mean the same fact. The hand-kept row wins because it was checked against its source and
   * carries its currency and lead investors.
   */
  public static Dataset<Row> preferCurated(Dataset<Row> rows, String dateColumn, String... keys) {
    TableSpec.requireColumns(rows, "preferCurated", "origin");
    TableSpec.requireColumns(rows, "preferCurated", keys);
    Dataset<Row> curated = rows.where(col("origin").equalTo(CURATED));
    Dataset<Row> others = rows.where(col("origin").notEqual(CURATED));
    Column[] curatedKeys = new Column[keys.length + (dateColumn == null ? 0 : 1)];
    Column same = null;
    for (int i = 0; i < keys.length; i++) {
      curatedKeys[i] = col(keys[i]).as("_curated_" + keys[i]);
      Column equal = others.col(keys[i]).eqNullSafe(col("_curated_" + keys[i]));
      same = same == null ? equal : same.and(equal);
    }
    if (dateColumn != null) {
      curatedKeys[keys.length] = col(dateColumn).as("_curated_date");
      same = same.and(abs(datediff(others.col(dateColumn), col("_curated_date"))).leq(SAME_EVENT_DAYS));
    }
    Dataset<Row> described = curated.select(curatedKeys).distinct();
    return curated.unionByName(others.join(described, same, "left_anti"));
  }
}
