package io.crossover.lake;

import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The lake's tables by name: as temporary views for SQL and notebooks, or in a catalog for BI tools. */
public final class LakeViews {
  private LakeViews() {}

  /**
   * Registers every silver and gold table in the session's catalog (Hive metastore, Glue, Unity or
   * Spark's own) as {@code database.<layer>_<table>} over its location; existing entries are kept.
   * Returns the names registered.
   */
  public static List<String> registerInCatalog(Lake lake, String database, List<TableSpec> tables) {
    SparkSession spark = lake.spark();
    spark.sql("CREATE DATABASE IF NOT EXISTS `" + database + "`");
    List<String> registered = new ArrayList<>();
    for (TableSpec table : tables) {
      if (lake.exists(table)) {
        String name = database + "." + table.name().replace('/', '_');
        spark.sql("CREATE TABLE IF NOT EXISTS " + name + " USING DELTA LOCATION " + SqlLiterals.string(lake.location(table)));
        registered.add(name);
      }
    }
    return registered;
  }

  /**
   * Registers every table in the lake as a temporary view: {@code <layer>_<name>} (e.g.
   * {@code silver_usage_events}), and gold tables also by their bare name ({@code market_panel}).
   * Returns the view names.
   */
  public static List<String> registerViews(Lake lake) {
    SparkSession spark = lake.spark();
    List<String> views = new ArrayList<>();
    for (String layer : List.of("bronze", "silver", "gold", "quarantine", "ops")) {
      for (FileStatus status : lake.storage().listFolder(lake.root() + "/" + layer)) {
        String table = status.getPath().getName();
        String location = lake.root() + "/" + layer + "/" + table;
        if (!status.isDirectory() || !DeltaTable.isDeltaTable(spark, location)) {
          continue;
        }
        Dataset<Row> rows = spark.read().format("delta").load(location);
        rows.createOrReplaceTempView(layer + "_" + table);
        views.add(layer + "_" + table);
        if (layer.equals("gold")) {
          rows.createOrReplaceTempView(table);
          views.add(table);
        }
      }
    }
    return views;
  }
}
