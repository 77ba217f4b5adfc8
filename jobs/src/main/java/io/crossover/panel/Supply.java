package io.crossover.panel;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import io.crossover.lake.TableSpec;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Supply facts by quarter and the installed capacity they add up to. */
public final class Supply {
  /** The one flow metric: units shipped in a period are spread evenly over its quarters. */
  public static final String UNITS_SHIPPED = "units_shipped";

  private Supply() {}

  public static Dataset<Row> supplyQuarterly(Dataset<Row> supply, Dataset<Row> accelerators, LocalDate runDate) {
    TableSpec.requireColumns(supply, "supplyQuarterly", "period_start", "period_months", "vendor",
        "chip_id", "metric", "value", "unit", "estimate_by");
    TableSpec.requireColumns(accelerators, "supplyQuarterly(accelerators)", "chip_id", "designed_for", "bf16_tflops");
    Date asOf = Date.valueOf(runDate);
    Column quarters = greatest(lit(1), col("period_months").divide(3).cast("int"));
    Column isFlow = col("metric").equalTo(UNITS_SHIPPED);
    Dataset<Row> perEstimate = supply.where(col("period_start").leq(lit(asOf)))
        .withColumn("q", explode(sequence(lit(0), quarters.minus(1))))
        .withColumn("quarter", add_months(trunc(col("period_start"), "quarter"), col("q").multiply(3)))
        .where(col("quarter").leq(lit(asOf)))
        .withColumn("share", when(isFlow, col("value").divide(quarters)).otherwise(col("value")))
        .groupBy("quarter", "vendor", "chip_id", "metric", "unit", "estimate_by")
        .agg(when(first(isFlow), sum("share")).otherwise(avg("share")).as("value"));
    Dataset<Row> catalogue = accelerators.select(col("chip_id").as("_chip"), col("designed_for"), col("bf16_tflops"));
    return perEstimate.groupBy("quarter", "vendor", "chip_id", "metric", "unit")
        .agg(avg("value").as("value"), count(lit(1)).as("estimates"))
        .join(broadcast(catalogue), col("chip_id").equalTo(col("_chip")), "left")
        .withColumn("shipped_pflops", when(col("metric").equalTo(UNITS_SHIPPED),
            col("value").multiply(col("bf16_tflops")).divide(1000.0)))
        .drop("_chip", "bf16_tflops")
        .withColumn("as_of", lit(asOf));
  }

  /** For each month: cumulative shipped PFLOP/s up to that month, one column per designed_for. */
  public static Dataset<Row> installedCapacity(Dataset<Row> months, Dataset<Row> supplyQuarterly) {
    TableSpec.requireColumns(months, "installedCapacity(months)", "month");
    TableSpec.requireColumns(supplyQuarterly, "installedCapacity", "quarter", "designed_for", "shipped_pflops");
    Dataset<Row> shipped = supplyQuarterly.where(col("shipped_pflops").isNotNull())
        .select("quarter", "designed_for", "shipped_pflops");
    return months.select("month").distinct()
        .join(shipped, col("quarter").leq(col("month")))
        .groupBy("month")
        .agg(capacity("training"), capacity("inference"), capacity("both"));
  }

  private static Column capacity(String designedFor) {
    return sum(when(col("designed_for").equalTo(designedFor), col("shipped_pflops")).otherwise(0.0))
        .as("installed_pflops_" + designedFor);
  }
}
