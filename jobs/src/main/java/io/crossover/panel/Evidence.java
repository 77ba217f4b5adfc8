package io.crossover.panel;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import io.crossover.lake.TableSpec;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The published evidence of the inference share as of a run date, and what of it each month of the panel had. */
public final class Evidence {
  private Evidence() {}

  /**
   * Every evidence row with the month in the middle of its period and whether the run date could
   * know it (published on or before it). Rows not yet published are kept, flagged, so a backfill
   * shows both what was knowable and what came later.
   */
  public static Dataset<Row> shareEvidenceAsOf(Dataset<Row> evidence, LocalDate runDate) {
    TableSpec.requireColumns(evidence, "shareEvidenceAsOf", "period_start", "period_end", "published_on");
    Date asOf = Date.valueOf(runDate);
    Column middle = date_add(col("period_start"), datediff(col("period_end"), col("period_start")).divide(2).cast("int"));
    return evidence
        .withColumn("period_mid_month", trunc(middle, "month"))
        .withColumn("known_on_run_date", col("published_on").leq(lit(asOf)))
        .withColumn("as_of", lit(asOf));
  }

  /**
   * For each month: how many evidence rows known on the run date cover it, and the mean inference
   * share of the market compute-share observations among them (the reference definition).
   */
  public static Dataset<Row> evidencePerMonth(Dataset<Row> months, Dataset<Row> evidenceAsOf) {
    TableSpec.requireColumns(months, "evidencePerMonth(months)", "month");
    TableSpec.requireColumns(evidenceAsOf, "evidencePerMonth", "period_start", "period_end", "known_on_run_date",
        "measure", "scope", "kind", "inference_share");
    Dataset<Row> known = evidenceAsOf.where(col("known_on_run_date"))
        .select("period_start", "period_end", "measure", "scope", "kind", "inference_share");
    Column reference = col("measure").equalTo("compute_share").and(col("scope").equalTo("market"))
        .and(col("kind").equalTo("observation"));
    return months.select("month").distinct()
        .join(known, col("month").geq(trunc(col("period_start"), "month")).and(col("month").leq(col("period_end"))),
            "left")
        .groupBy("month")
        .agg(count(col("period_start")).as("evidence_rows"),
            avg(when(reference, col("inference_share"))).as("market_compute_share_evidence"));
  }
}
