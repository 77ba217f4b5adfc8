package io.crossover.refine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.when;

import io.crossover.ingest.LandingRecords;
import io.crossover.lake.TableSpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Amounts to US dollars at the latest rate on or before the date. */
public final class Money {
  private Money() {}

  /**
   * Adds usd_per_unit: 1 for USD, else the rate of the latest fx_rates date on or before
   * {@code dateColumn}; null when there is none (the caller quarantines the row as no_fx_rate).
   */
  public static Dataset<Row> attachUsdRate(Dataset<Row> rows, Dataset<Row> fxRates, String dateColumn) {
    TableSpec.requireColumns(rows, "attachUsdRate", "currency", dateColumn,
        LandingRecords.SOURCE_FILE, LandingRecords.LINE);
    TableSpec.requireColumns(fxRates, "attachUsdRate(fx_rates)", "date", "currency", "usd_per_unit");
    Dataset<Row> fx = fxRates.select(col("date").as("_fx_date"), col("currency").as("_fx_currency"),
        col("usd_per_unit").as("_fx_rate"));
    Dataset<Row> rates = rows.select(LandingRecords.SOURCE_FILE, LandingRecords.LINE, "currency", dateColumn)
        .join(fx, col("currency").equalTo(col("_fx_currency"))
            .and(col("_fx_date").leq(col(dateColumn))))
        .groupBy(LandingRecords.SOURCE_FILE, LandingRecords.LINE)
        .agg(max_by(col("_fx_rate"), col("_fx_date")).as("_rate"));
    return rows.join(rates, new String[] {LandingRecords.SOURCE_FILE, LandingRecords.LINE}, "left")
        .withColumn("usd_per_unit", when(col("currency").equalTo("USD"), lit(1.0)).otherwise(col("_rate")))
        .drop("_rate");
  }
}
