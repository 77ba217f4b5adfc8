package io.crossover.refine;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;

import io.crossover.lake.TableSpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Company names to ids through the alias table (columns alias, company_id). */
public final class Companies {
  private Companies() {}

  /** Adds company_id (alias match, else a slug of the name) and company_matched. */
  public static Dataset<Row> attachCompanyIds(Dataset<Row> rows, Dataset<Row> aliases) {
    TableSpec.requireColumns(rows, "attachCompanyIds", "company");
    TableSpec.requireColumns(aliases, "attachCompanyIds(aliases)", "alias", "company_id");
    Dataset<Row> byKey = aliases
        .select(Keys.nameKey(col("alias")).as("_alias_key"), col("company_id").as("_alias_id"))
        .groupBy("_alias_key").agg(first("_alias_id").as("_alias_id"));
    return rows.withColumn("_name_key", Keys.nameKey(col("company")))
        .join(broadcast(byKey), col("_name_key").equalTo(col("_alias_key")), "left")
        .withColumn("company_matched", col("_alias_id").isNotNull())
        .withColumn("company_id", coalesce(col("_alias_id"), Keys.slug(col("company"))))
        .drop("_name_key", "_alias_key", "_alias_id");
  }
}
