package io.crossover.refine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import io.crossover.ingest.BronzeTables;
import io.crossover.ingest.LandingRecords;
import io.crossover.lake.TableSpec;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** One row per natural key: the latest ingested wins, then the later file and line. */
public final class Dedupe {
  private Dedupe() {}

  public static Dataset<Row> latestPerKey(Dataset<Row> rows, String... keys) {
    TableSpec.requireColumns(rows, "latestPerKey", concat(keys,
        BronzeTables.INGESTED_AT, LandingRecords.SOURCE_FILE, LandingRecords.LINE));
    Column[] partition = Arrays.stream(keys).map(k -> col(k)).toArray(Column[]::new);
    var newestFirst = Window.partitionBy(partition).orderBy(
        col(BronzeTables.INGESTED_AT).desc(), col(LandingRecords.SOURCE_FILE).desc(),
        col(LandingRecords.LINE).desc());
    return rows.withColumn("_rank", row_number().over(newestFirst))
        .where(col("_rank").equalTo(1)).drop("_rank");
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
