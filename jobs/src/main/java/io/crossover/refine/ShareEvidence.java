package io.crossover.refine;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.crossover.ingest.LandingRecords;
import io.crossover.lake.TableSpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * The published evidence of the inference share: the curated claims as landed, and the claims
 * derived from Epoch AI's compute-spend split, in one shape with their lineage.
 */
public final class ShareEvidence {
  private ShareEvidence() {}

  /**
   * The date a claim could first be known: its day, or the last day of its month when only the
   * month is published (no earlier, so a backfill never uses what was not yet out).
   */
  public static Column publishedOn(Column published) {
    return when(length(published).equalTo(7), last_day(to_date(concat(published, lit("-01")))))
        .otherwise(to_date(published));
  }

  /** Curated evidence rows with their origin, the date they were published on and their landing file and line. */
  public static Dataset<Row> curatedEvidence(Dataset<Row> landed) {
    TableSpec.requireColumns(landed, "curatedEvidence", "source", "measure", "scope", "period_start", "period_end",
        "kind", "relation", "inference_share", "published", LandingRecords.SOURCE_FILE, LandingRecords.LINE);
    return landed
        .withColumn("published_on", publishedOn(col("published")))
        .withColumn("origin", lit(Origins.CURATED))
        .withColumn("derivation", lit(null).cast(DataTypes.StringType))
        .withColumn("lineage", concat(col(LandingRecords.SOURCE_FILE), lit("#"),
            col(LandingRecords.LINE).cast(DataTypes.StringType)));
  }

  /**
   * One spend_share row per company and period whose compute spend has an inference amount and an
   * R&amp;D amount (share = inference / (inference + R&amp;D)) or, lacking R&amp;D, a total (share =
   * inference / total). Where several reports give the same amount, the latest report wins. The
   * row is an observation when it was reported after the middle of its period, else a forecast; its
   * status is the weakest of Epoch's confidences behind it (confident = confirmed, likely =
   * press_report, uncertain = estimate).
   */
  public static Dataset<Row> derivedFromComputeSpend(Dataset<Row> spend) {
    TableSpec.requireColumns(spend, "derivedFromComputeSpend", "company", "id", "period_start", "period_end",
        "annualized", "inference_spend", "rnd_spend", "total_spend", "report_date", "date", "confidence",
        "source_url", LandingRecords.SOURCE_FILE, LandingRecords.LINE);
    Column reported = coalesce(col("report_date"), col("date"));
    Column inference = col("inference_usd");
    Column rnd = col("rnd_usd");
    Column total = col("total_usd");
    Column billions = lit(1e9);
    Column confidence = lower(col("confidence"));
    Column weakness = when(confidence.equalTo("uncertain"), lit(3)).when(confidence.equalTo("likely"), lit(2))
        .when(confidence.equalTo("confident"), lit(1)).otherwise(lit(3));
    Dataset<Row> perPeriod = spend
        .groupBy("company", "period_start", "period_end", "annualized")
        .agg(latest(col("inference_spend"), reported).as("inference_usd"),
            latest(col("rnd_spend"), reported).as("rnd_usd"),
            latest(col("total_spend"), reported).as("total_usd"),
            max(reported).as("published_on"),
            max(weakness).as("weakness"),
            max_by(col("source_url"), when(col("source_url").isNotNull(), reported)).as("source_url"),
            sort_array(collect_set(concat(col("id"), lit(" ("), col(LandingRecords.SOURCE_FILE), lit("#"),
                col(LandingRecords.LINE).cast(DataTypes.StringType), lit(")")))).as("_rows"));
    Column share = when(inference.isNotNull().and(rnd.isNotNull()), inference.divide(inference.plus(rnd)))
        .when(inference.isNotNull().and(total.gt(0)), inference.divide(total));
    Column derivation = when(rnd.isNotNull(), format_string("%.2f / (%.2f + %.2f): inference / (inference + R&D),"
            + " US$ billion", inference.divide(billions), inference.divide(billions), rnd.divide(billions)))
        .otherwise(format_string("%.2f / %.2f: inference / total, US$ billion", inference.divide(billions),
            total.divide(billions)));
    Column midpoint = date_add(col("period_start"), datediff(col("period_end"), col("period_start")).divide(2).cast("int"));
    return perPeriod
        .withColumn("inference_share", share)
        .where(col("inference_share").isNotNull().and(col("annualized").equalTo(false)))
        .select(
            concat(lit("Epoch AI, AI Companies: compute spend, "), col("company")).as("source"),
            lit("spend_share").as("measure"),
            concat(lit("company:"), col("company")).as("scope"),
            col("period_start"), col("period_end"),
            when(col("published_on").geq(midpoint), lit("observation")).otherwise(lit("forecast")).as("kind"),
            lit("=").as("relation"),
            col("inference_share"),
            lit(null).cast(DataTypes.DoubleType).as("share_low"),
            lit(null).cast(DataTypes.DoubleType).as("share_high"),
            date_format(col("published_on"), "yyyy-MM-dd").as("published"),
            col("published_on"),
            col("source_url"),
            when(col("weakness").equalTo(1), lit("confirmed")).when(col("weakness").equalTo(2), lit("press_report"))
                .otherwise(lit("estimate")).as("status"),
            lit(null).cast(DataTypes.StringType).as("quote"),
            lit(Origins.DERIVED).as("origin"),
            derivation.as("derivation"),
            concat(lit("epoch_compute_spend: "), concat_ws("; ", col("_rows"))).as("lineage"));
  }

  /** The value of the latest report that gives one, ignoring reports that leave it empty. */
  private static Column latest(Column value, Column reported) {
    return max_by(value, when(value.isNotNull(), reported));
  }
}
