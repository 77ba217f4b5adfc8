package io.crossover.refine;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import io.crossover.lake.TableSpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Usage events to the two sides of the question and to PFLOP-days. */
public final class Usage {
  private Usage() {}

  /** workload_class: training or inference, with fine_tuning and evaluation mapped as configured. */
  public static Dataset<Row> classifyWorkload(Dataset<Row> usage, String fineTuningAs, String evaluationAs) {
    TableSpec.requireColumns(usage, "classifyWorkload", "workload");
    return usage.withColumn("workload_class",
        when(col("workload").equalTo("fine_tuning"), lit(fineTuningAs))
            .when(col("workload").equalTo("evaluation"), lit(evaluationAs))
            .otherwise(col("workload")));
  }

  /**
   * Joins the catalogue by chip id and adds device_hours and pflop_days
   * ({@code device_count * duration_hours * bf16_tflops * utilization / 24000}). Events whose chip
   * is not in the catalogue keep a null bf16_tflops; the caller quarantines them as unknown_chip.
   */
  public static Dataset<Row> toPflopDays(Dataset<Row> usage, Dataset<Row> accelerators) {
    TableSpec.requireColumns(usage, "toPflopDays", "chip", "event_time", "device_count",
        "duration_hours", "utilization");
    TableSpec.requireColumns(accelerators, "toPflopDays(accelerators)", "chip_id", "vendor", "bf16_tflops");
    Dataset<Row> catalogue = accelerators.select(col("chip_id").as("_catalogue_chip"),
        col("vendor"), col("bf16_tflops"));
    return usage.withColumn("chip_id", Keys.chipId(col("chip")))
        .join(broadcast(catalogue), col("chip_id").equalTo(col("_catalogue_chip")), "left")
        .drop("_catalogue_chip")
        .withColumn("event_month", trunc(col("event_time"), "month"))
        .withColumn("device_hours", col("device_count").multiply(col("duration_hours")))
        .withColumn("pflop_days", col("device_hours").multiply(col("bf16_tflops"))
            .multiply(col("utilization")).divide(24000.0));
  }
}
