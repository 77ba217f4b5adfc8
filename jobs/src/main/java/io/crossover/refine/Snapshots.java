package io.crossover.refine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;

import io.crossover.ingest.BronzeTables;
import io.crossover.ingest.LandingRecords;
import io.crossover.lake.TableSpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Epoch AI's tables are published whole: each download is the curated state of every row, and a
 * later one renames, merges, corrects and closes rows of the earlier (a round "in late discussions"
 * becomes a closed Series E under another id). So when several downloads of one table have landed,
 * the newest alone describes the real events, and landing an older one beside it changes nothing.
 */
public final class Snapshots {
  private Snapshots() {}

  /**
   * The rows of the newest download: the file whose latest {@code vintageDate} is the latest (its
   * vintage, read from the data rather than from file names or landing order), then the one
   * ingested last, then the later path.
   */
  public static Dataset<Row> newestDownload(Dataset<Row> rows, String vintageDate) {
    TableSpec.requireColumns(rows, "newestDownload", vintageDate, LandingRecords.SOURCE_FILE, BronzeTables.INGESTED_AT);
    Dataset<Row> newest = rows.groupBy(LandingRecords.SOURCE_FILE)
        .agg(max(vintageDate).as("_vintage"), max(BronzeTables.INGESTED_AT).as("_ingested"))
        .agg(max(struct(col("_vintage"), col("_ingested"), col(LandingRecords.SOURCE_FILE))).as("_newest"))
        .select(col("_newest." + LandingRecords.SOURCE_FILE).as("_newest_file"));
    return rows.join(newest, col(LandingRecords.SOURCE_FILE).equalTo(col("_newest_file"))).drop("_newest_file");
  }
}
