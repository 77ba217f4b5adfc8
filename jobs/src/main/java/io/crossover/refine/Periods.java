package io.crossover.refine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import io.crossover.lake.TableSpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/** Supply periods (yyyy, yyyy-Qn, yyyy-MM) as a start date and a length in months. */
public final class Periods {
  private Periods() {}

  public static Dataset<Row> attachPeriodRange(Dataset<Row> rows) {
    TableSpec.requireColumns(rows, "attachPeriodRange", "period");
    Column year = substring(col("period"), 1, 4).cast(DataTypes.IntegerType);
    Column isQuarter = col("period").contains("-Q");
    Column isMonth = col("period").rlike("^[0-9]{4}-[0-9]{2}$");
    Column quarter = substring(col("period"), 7, 1).cast(DataTypes.IntegerType);
    Column month = substring(col("period"), 6, 2).cast(DataTypes.IntegerType);
    Column startMonth = when(isQuarter, quarter.minus(1).multiply(3).plus(1))
        .when(isMonth, month).otherwise(lit(1));
    return rows
        .withColumn("period_start", make_date(year, startMonth, lit(1)))
        .withColumn("period_months", when(isQuarter, lit(3)).when(isMonth, lit(1)).otherwise(lit(12)));
  }
}
