package io.crossover.panel;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.crossover.lake.TableSpec;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Month x segment: the two workloads side by side, the share, and the drivers beside them. */
public final class MarketPanel {
  private MarketPanel() {}

  public static Dataset<Row> marketPanel(Dataset<Row> demandMonthly, Dataset<Row> capitalTtm,
      Dataset<Row> installedCapacity, LocalDate runDate) {
    TableSpec.requireColumns(demandMonthly, "marketPanel", "month", "segment", "workload", "pflop_days");
    TableSpec.requireColumns(capitalTtm, "marketPanel(capital)", "month", "capital_raised_ttm_usd");
    TableSpec.requireColumns(installedCapacity, "marketPanel(capacity)", "month",
        "installed_pflops_training", "installed_pflops_inference", "installed_pflops_both");
    Column total = col("training_pflop_days").plus(col("inference_pflop_days"));
    return demandMonthly.groupBy("month", "segment")
        .agg(workload("training"), workload("inference"))
        .withColumn("total_pflop_days", total)
        .withColumn("inference_share",
            when(total.gt(0), col("inference_pflop_days").divide(total)))
        .withColumn("is_complete_month", last_day(col("month")).leq(lit(Date.valueOf(runDate))))
        .join(capitalTtm, new String[] {"month"}, "left")
        .join(installedCapacity, new String[] {"month"}, "left")
        .withColumn("as_of", lit(Date.valueOf(runDate)));
  }

  /** The panel with the month's public data beside it: installed compute, CoWoS supply and the evidence known. */
  public static Dataset<Row> withPublicData(Dataset<Row> panel, Dataset<Row> capacityPerMonth,
      Dataset<Row> evidencePerMonth) {
    TableSpec.requireColumns(panel, "withPublicData", "month", "segment");
    TableSpec.requireColumns(capacityPerMonth, "withPublicData(capacity)", "month", "installed_h100e",
        "cluster_h100e_operational", "cowos_wafers_quarter");
    TableSpec.requireColumns(evidencePerMonth, "withPublicData(evidence)", "month", "evidence_rows",
        "market_compute_share_evidence");
    return panel.join(capacityPerMonth, new String[] {"month"}, "left")
        .join(evidencePerMonth, new String[] {"month"}, "left");
  }

  private static Column workload(String name) {
    return sum(when(col("workload").equalTo(name), col("pflop_days")).otherwise(0.0))
        .as(name + "_pflop_days");
  }
}
