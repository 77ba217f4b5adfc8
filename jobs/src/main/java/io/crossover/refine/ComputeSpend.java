package io.crossover.refine;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;
import static org.apache.spark.sql.functions.last_day;

import io.crossover.lake.TableSpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Epoch AI's compute-spend reports: the one public split of compute demand into inference and
 * training (R&amp;D), per company and period.
 */
public final class ComputeSpend {
  public static final String INFERENCE_CATEGORY = "inference cloud compute";
  public static final String RND_CATEGORY = "r&d cloud compute";

  private ComputeSpend() {}

  /**
   * Adds the period each report covers and how its amount reads. A {@code year} is the calendar year
   * of its date, a {@code quarter} the three months ending on it, a {@code month} its month; an
   * {@code annualized} amount is a yearly rate observed in the date's month ({@code annualized} true).
   * {@code categories} is the category list; {@code split_note} says when the categories name both
   * inference and R&amp;D but the amount sits in one of the split columns (that column is taken as
   * the split) or in the total only (no split).
   */
  public static Dataset<Row> attachPeriods(Dataset<Row> spend) {
    TableSpec.requireColumns(spend, "attachPeriods", "date", "period_type", "category", "inference_spend",
        "rnd_spend", "total_spend");
    Column type = col("period_type");
    Column categories = transform(split(lower(col("category")), ","), c -> trim(c));
    Column namesBoth = array_contains(categories, INFERENCE_CATEGORY).and(array_contains(categories, RND_CATEGORY));
    Column inOneSplit = col("inference_spend").isNotNull().or(col("rnd_spend").isNotNull());
    return spend
        .withColumn("categories", when(col("category").isNull(), lit(null)).otherwise(categories))
        .withColumn("period_start", when(type.equalTo("year"), make_date(year(col("date")), lit(1), lit(1)))
            .when(type.equalTo("quarter"), trunc(add_months(col("date"), -2), "month"))
            .otherwise(trunc(col("date"), "month")))
        .withColumn("period_end", when(type.equalTo("year"), make_date(year(col("date")), lit(12), lit(31)))
            .otherwise(last_day(col("date"))))
        .withColumn("period_months", when(type.equalTo("year"), lit(12)).when(type.equalTo("quarter"), lit(3))
            .otherwise(lit(1)))
        .withColumn("annualized", type.equalTo("annualized"))
        .withColumn("split_note", when(namesBoth.and(inOneSplit), concat(
                lit("categories name inference and R&D; the amount is in the "),
                when(col("inference_spend").isNotNull(), lit("inference")).otherwise(lit("R&D")),
                lit(" column, taken as that side")))
            .when(namesBoth, lit("categories name inference and R&D; total only, no split"))
            .when(size(categories).gt(1).and(col("total_spend").isNotNull()),
                concat(lit("amount covers several categories: "), col("category"))));
  }
}
