package io.crossover.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;

import io.crossover.forecast.Months;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * A market panel of many synthetic segments for the fit-rate measurement: 72 complete months each,
 * a logistic share with a crossover spread over five years, growing totals and 5% noise.
 */
final class ThroughputPanel {
  static final int MONTHS = 72;

  private ThroughputPanel() {}

  /** Rows as the forecast's fitting step reads them: segment, month, training, inference, capital, capacity. */
  static Dataset<Row> of(SparkSession spark, long segments, int origin, long seed) {
    Column i = col("i");
    Column t = i.minus(MONTHS - 1);
    Column crossover = col("id").mod(60).minus(20);
    Column share = lit(1.0).divide(lit(1.0).plus(exp(lit(-0.08).multiply(t.minus(crossover)))));
    Column noisyShare = share.multiply(lit(0.95).plus(rand(seed).multiply(0.1)));
    Column total = lit(1000.0).multiply(exp(i.multiply(0.03))).multiply(lit(0.95).plus(rand(seed + 1).multiply(0.1)));
    Dataset<Row> months = spark.range(MONTHS).withColumnRenamed("id", "i");
    return spark.range(segments).crossJoin(months)
        .select(concat(lit("org=o"), col("id").cast("string")).as("segment"),
            lit(java.sql.Date.valueOf(Months.start(origin))).as("origin_month"),
            col("i"), total.multiply(lit(1.0).minus(noisyShare)).as("training_pflop_days"),
            total.multiply(noisyShare).as("inference_pflop_days"))
        .selectExpr("segment", "add_months(origin_month, CAST(i - " + (MONTHS - 1) + " AS INT)) AS month",
            "training_pflop_days", "inference_pflop_days")
        .withColumn("capital", lit(null).cast(DataTypes.DoubleType))
        .withColumn("capacity", lit(null).cast(DataTypes.DoubleType));
  }
}
