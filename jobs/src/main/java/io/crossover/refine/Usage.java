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

  /**
   * One row per event id within each event month, the latest ingested winning ({@link Dedupe}), with
   * {@code event_month} added. An event id is unique within its month by contract, so the rows are
   * distributed by month once: the dedupe needs no shuffle of its own, and the month-partitioned
   * silver write finds each month's rows together and in order.
   */
  public static Dataset<Row> latestPerEventWithinMonth(Dataset<Row> usage) {
    TableSpec.requireColumns(usage, "latestPerEventWithinMonth", "event_id", "event_time");
    return Dedupe.latestPerKey(usage.withColumn("event_month", trunc(col("event_time"), "month"))
        .repartition(col("event_month")), "event_month", "event_id");
  }

  /** workload_class: training or inference, with fine_tuning and evaluation mapped as configured. */
  public static Dataset<Row> classifyWorkload(Dataset<Row> usage, String fineTuningAs, String evaluationAs) {
    TableSpec.requireColumns(usage, "classifyWorkload", "workload");
    return usage.withColumn("workload_class",
        when(col("workload").equalTo("fine_tuning"), lit(fineTuningAs))
            .when(col("workload").equalTo("evaluation"), lit(evaluationAs))
            .otherwise(col("workload")));
  }

  /**
   * Joins the catalogue by chip id and adds event_month (unless the rows carry it), device_hours and pflop_days
   * ({@code device_count * duration_hours * bf16_tflops * utilization / 24000}). Events whose chip
   * is not in the catalogue keep a null bf16_tflops; the caller quarantines them as unknown_chip.
   */
  public static Dataset<Row> toPflopDays(Dataset<Row> usage, Dataset<Row> accelerators) {
    TableSpec.requireColumns(usage, "toPflopDays", "chip", "event_time", "device_count",
        "duration_hours", "utilization");
    TableSpec.requireColumns(accelerators, "toPflopDays(accelerators)", "chip_id", "vendor", "bf16_tflops");
    Dataset<Row> catalogue = accelerators.select(col("chip_id").as("_catalogue_chip"),
        col("vendor"), col("bf16_tflops"));
    Dataset<Row> dated = java.util.Arrays.asList(usage.columns()).contains("event_month") ? usage
        : usage.withColumn("event_month", trunc(col("event_time"), "month"));
    return dated.withColumn("chip_id", Keys.chipId(col("chip")))
        .join(broadcast(catalogue), col("chip_id").equalTo(col("_catalogue_chip")), "left")
        .drop("_catalogue_chip")
        .withColumn("device_hours", col("device_count").multiply(col("duration_hours")))
        .withColumn("pflop_days", col("device_hours").multiply(col("bf16_tflops"))
            .multiply(col("utilization")).divide(24000.0));
  }
}
