package io.crossover.maintain;

import io.crossover.lake.Lake;
import io.crossover.lake.TableSpec;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Compaction, vacuum and manifests of one table, through Delta's public {@link DeltaTable} API. */
final class TableMaintenance {
  private TableMaintenance() {}

  /**
   * Bin-packs the table's small files (OPTIMIZE) and deletes unreferenced files older than
   * {@code retentionHours} (VACUUM); says how many files compaction touched.
   */
  static String compactAndVacuum(Lake lake, TableSpec table, int retentionHours) {
    SparkSession spark = lake.spark();
    DeltaTable delta = DeltaTable.forPath(spark, lake.path(table));
    Row compacted = delta.optimize().executeCompaction().first();
    // VACUUM lists the table's folders in spark.sql.sources.parallelPartitionDiscovery.parallelism
    // tasks (10,000 by default: ~12 s of empty tasks per table here); a few per core suffice.
    String listing = "spark.sql.sources.parallelPartitionDiscovery.parallelism";
    String before = spark.conf().get(listing, "10000");
    spark.conf().set(listing, String.valueOf(Math.max(8, 4 * spark.sparkContext().defaultParallelism())));
    try {
      delta.vacuum(retentionHours);
    } finally {
      spark.conf().set(listing, before);
    }
    Object metrics = compacted.getAs("metrics");
    String summary = metrics instanceof Row m
        ? m.getAs("numFilesRemoved") + " files compacted into " + m.getAs("numFilesAdded")
        : "compacted";
    return summary + ", vacuumed files unreferenced for over " + retentionHours + " h";
  }

  /** Writes the table's symlink manifest (the data files of its current version) and says where. */
  static String writeSymlinkManifest(Lake lake, TableSpec table) {
    DeltaTable.forPath(lake.spark(), lake.path(table)).generate("symlink_format_manifest");
    return lake.path(table) + "/_symlink_format_manifest/";
  }
}
