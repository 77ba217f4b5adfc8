package io.crossover;

import io.crossover.lake.Lake;
import org.apache.spark.sql.SparkSession;

/** The one SparkSession every test in the JVM shares: local[2], UI off, few shuffle partitions. */
public final class SparkTestSession {
  private static SparkSession spark;

  private SparkTestSession() {}

  public static synchronized SparkSession get() {
    if (spark == null) {
      SparkSession.Builder builder = SparkSession.builder()
          .master("local[2]")
          .appName("crossover-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.sql.adaptive.enabled", "true")
          .config("spark.default.parallelism", "2")
          .config("spark.hadoop.fs.faulty.impl", "io.crossover.storage.FaultInjectingFileSystem")
          .config("spark.hadoop.fs.AbstractFileSystem.faulty.impl", "io.crossover.storage.FaultInjectingFs");
      Lake.sessionDefaults().forEach(builder::config);
      spark = builder.getOrCreate();
      spark.sparkContext().setLogLevel("WARN");
      Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
    }
    return spark;
  }
}
