package io.crossover.panel;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;

import io.crossover.lake.TableSpec;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Funding and valuations by quarter, and capital raised over trailing twelve months. */
public final class Capital {
  private Capital() {}

  public static Dataset<Row> capitalQuarterly(Dataset<Row> funding, Dataset<Row> valuations, LocalDate runDate) {
    TableSpec.requireColumns(funding, "capitalQuarterly(funding)", "company_id", "announced_on",
        "amount_usd", "post_money_valuation_usd");
    TableSpec.requireColumns(valuations, "capitalQuarterly(valuations)", "company_id", "as_of", "valuation_usd");
    Date asOf = Date.valueOf(runDate);
    Dataset<Row> raised = funding.where(col("announced_on").leq(lit(asOf)))
        .groupBy(trunc(col("announced_on"), "quarter").as("quarter"), col("company_id"))
        .agg(count(lit(1)).as("rounds"), sum("amount_usd").as("capital_raised_usd"),
            max("post_money_valuation_usd").as("post_money_valuation_usd"));
    Dataset<Row> valued = valuations.where(col("as_of").leq(lit(asOf)))
        .groupBy(trunc(col("as_of"), "quarter").as("quarter"), col("company_id"))
        .agg(max_by(col("valuation_usd"), col("as_of")).as("latest_valuation_usd"));
    return raised.join(valued, new String[] {"quarter", "company_id"}, "full_outer")
        .withColumn("rounds", coalesce(col("rounds"), lit(0L)))
        .withColumn("capital_raised_usd", coalesce(col("capital_raised_usd"), lit(0.0)))
        .withColumn("as_of", lit(asOf));
  }

  /** For each month in {@code months}: capital raised in the twelve months up to the month's end. */
  public static Dataset<Row> capitalTrailing12m(Dataset<Row> months, Dataset<Row> funding, LocalDate runDate) {
    TableSpec.requireColumns(months, "capitalTrailing12m(months)", "month");
    TableSpec.requireColumns(funding, "capitalTrailing12m(funding)", "announced_on", "amount_usd");
    Dataset<Row> rounds = funding.where(col("announced_on").leq(lit(Date.valueOf(runDate))))
        .select("announced_on", "amount_usd");
    return months.select("month").distinct()
        .join(rounds, col("announced_on").leq(last_day(col("month")))
            .and(col("announced_on").gt(add_months(last_day(col("month")), -12))), "left")
        .groupBy("month")
        .agg(coalesce(sum("amount_usd"), lit(0.0)).as("capital_raised_ttm_usd"));
  }
}
