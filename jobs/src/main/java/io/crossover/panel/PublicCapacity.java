package io.crossover.panel;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;

import io.crossover.lake.TableSpec;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/** Installed compute from Epoch AI's chip sales and GPU clusters, and the CoWoS supply, by quarter and month. */
public final class PublicCapacity {
  private PublicCapacity() {}

  /**
   * Per quarter and designer up to the run date: units and H100-equivalents shipped (sums of Epoch's
   * per-chip medians), their running total since the designer's first quarter in the data, Epoch's
   * own cumulative 5th/50th/95th percentiles where published for that quarter's end, and the
   * designer's CoWoS wafers (median).
   */
  public static Dataset<Row> installedComputeQuarterly(Dataset<Row> shipments, Dataset<Row> cumulative,
      Dataset<Row> components, LocalDate runDate) {
    TableSpec.requireColumns(shipments, "installedComputeQuarterly", "designer", "quarter", "quarter_end",
        "units_p50", "h100e_p50");
    TableSpec.requireColumns(cumulative, "installedComputeQuarterly(cumulative)", "designer", "through",
        "h100e_p05", "h100e_p50", "h100e_p95");
    TableSpec.requireColumns(components, "installedComputeQuarterly(components)", "designer", "quarter",
        "component", "p50");
    Date asOf = Date.valueOf(runDate);
    WindowSpec toDate = Window.partitionBy("designer").orderBy("quarter")
        .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Dataset<Row> perQuarter = shipments.where(col("quarter_end").leq(lit(asOf)))
        .groupBy("designer", "quarter", "quarter_end")
        .agg(sum("units_p50").as("units_shipped"), sum("h100e_p50").as("h100e_shipped"))
        .withColumn("installed_h100e", sum("h100e_shipped").over(toDate))
        .withColumn("installed_units", sum("units_shipped").over(toDate));
    Dataset<Row> published = cumulative.select(lower(col("designer")).as("_designer"), col("through"),
        col("h100e_p05").as("epoch_cumulative_h100e_p05"), col("h100e_p50").as("epoch_cumulative_h100e_p50"),
        col("h100e_p95").as("epoch_cumulative_h100e_p95"));
    Dataset<Row> cowos = components.where(col("component").equalTo("cowos_wafers"))
        .select(lower(col("designer")).as("_cowos_designer"), col("quarter").as("_cowos_quarter"),
            col("p50").as("cowos_wafers"));
    return perQuarter
        .join(published, lower(col("designer")).equalTo(col("_designer")).and(col("quarter_end").equalTo(col("through"))),
            "left")
        .join(cowos, lower(col("designer")).equalTo(col("_cowos_designer"))
            .and(col("quarter").equalTo(col("_cowos_quarter"))), "left")
        .drop("_designer", "through", "_cowos_designer", "_cowos_quarter")
        .withColumn("as_of", lit(asOf));
  }

  /**
   * Per quarter from the first cluster's first operational date to the run date's quarter, and per
   * status (existing, planned, decommissioned): the clusters operational by the quarter's end and
   * their H100-equivalents, a decommissioned cluster no longer counted after its decommissioning.
   * Clusters Epoch flags as possible duplicates and clusters without a first operational date are
   * left out: a duplicate would count one machine twice, and an undated one cannot be placed in time.
   */
  public static Dataset<Row> clusterCapacityQuarterly(Dataset<Row> clusters, LocalDate runDate) {
    TableSpec.requireColumns(clusters, "clusterCapacityQuarterly", "status", "h100e", "first_operational_date",
        "decommissioned_date", "possible_duplicate");
    Date asOf = Date.valueOf(runDate);
    Dataset<Row> dated = clusters.where(col("first_operational_date").isNotNull()
        .and(col("first_operational_date").leq(lit(asOf))).and(col("possible_duplicate").equalTo(false)));
    Dataset<Row> quarters = dated.agg(min(trunc(col("first_operational_date"), "quarter")).as("_first"))
        .select(explode(sequence(col("_first"), trunc(lit(asOf), "quarter"),
            expr("INTERVAL 3 MONTHS"))).as("quarter"));
    Column quarterEnd = last_day(add_months(col("quarter"), 2));
    Column running = col("first_operational_date").leq(quarterEnd)
        .and(col("decommissioned_date").isNull().or(col("decommissioned_date").gt(quarterEnd)));
    return quarters.crossJoin(dated.select("status").distinct())
        .join(dated.withColumnRenamed("status", "_status"), col("status").equalTo(col("_status")).and(running), "left")
        .groupBy("quarter", "status")
        .agg(count(col("_status")).as("clusters"), coalesce(sum("h100e"), lit(0.0)).as("h100e"))
        .withColumn("as_of", lit(asOf));
  }

  /**
   * For each month: H100-equivalents shipped so far (all designers, through the month's quarter),
   * H100-equivalents of existing clusters operational at the quarter's end, and the market's CoWoS
   * wafer supply in the quarter (median).
   */
  public static Dataset<Row> capacityPerMonth(Dataset<Row> months, Dataset<Row> installedQuarterly,
      Dataset<Row> clusterQuarterly, Dataset<Row> components) {
    TableSpec.requireColumns(months, "capacityPerMonth(months)", "month");
    TableSpec.requireColumns(installedQuarterly, "capacityPerMonth(installed)", "quarter", "h100e_shipped");
    TableSpec.requireColumns(clusterQuarterly, "capacityPerMonth(clusters)", "quarter", "status", "h100e");
    TableSpec.requireColumns(components, "capacityPerMonth(components)", "designer", "quarter", "component", "p50");
    Dataset<Row> withQuarter = months.select("month").distinct()
        .withColumn("_quarter", trunc(col("month"), "quarter"));
    Dataset<Row> shipped = withQuarter
        .join(installedQuarterly.select(col("quarter").as("_shipped_quarter"), col("h100e_shipped")),
            col("_shipped_quarter").leq(col("_quarter")), "left")
        .groupBy("month", "_quarter").agg(sum("h100e_shipped").as("installed_h100e"));
    Dataset<Row> clustered = clusterQuarterly.where(col("status").equalTo("existing"))
        .select(col("quarter").as("_cluster_quarter"), col("h100e").as("cluster_h100e_operational"));
    Dataset<Row> cowos = components.where(col("component").equalTo("cowos_wafers").and(col("designer").equalTo("all")))
        .groupBy(col("quarter").as("_cowos_quarter")).agg(first("p50").as("cowos_wafers_quarter"));
    return shipped
        .join(clustered, col("_quarter").equalTo(col("_cluster_quarter")), "left")
        .join(cowos, col("_quarter").equalTo(col("_cowos_quarter")), "left")
        .select(col("month"), col("installed_h100e"), col("cluster_h100e_operational"), col("cowos_wafers_quarter"));
  }
}
