package io.crossover.refine;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import io.crossover.ingest.BronzeTables;
import io.crossover.ingest.LandingRecords;
import io.crossover.lake.TableSpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Epoch AI's rows in the shape of the hand-kept landing files, so one refine serves both: funding
 * rounds and their post-money valuations, and the ML Hardware catalogue as accelerators.
 */
public final class EpochFacts {
  /** Epoch's round status for a round that has closed; others (late discussions, cancelled) raised nothing yet. */
  public static final String CLOSED = "closed";

  private EpochFacts() {}

  /**
   * Epoch funding rounds as funding_rounds rows: dated by the close date, or by the report date for
   * a round that has not closed; amount = equity + debt in US dollars; {@code closed} false for a
   * round in late discussions or cancelled; status from Epoch's confidence (confident, likely,
   * uncertain).
   */
  public static Dataset<Row> roundsAsFundingRounds(Dataset<Row> rounds) {
    TableSpec.requireColumns(rounds, "roundsAsFundingRounds", "company", "close_date", "report_date", "status",
        "funding_equity", "funding_debt", "post_money_valuation", "round_type", "confidence", "source_url", "notes", "id");
    Column equity = col("funding_equity");
    Column debt = col("funding_debt");
    return provenance(rounds.select(
        Keys.stripped(col("company")).as("company"),
        coalesce(col("close_date"), col("report_date")).as("announced_on"),
        coalesce(col("round_type"), lit("round")).as("round_type"),
        when(equity.isNull().and(debt.isNull()), lit(null).cast(DataTypes.DoubleType))
            .otherwise(coalesce(equity, lit(0.0)).plus(coalesce(debt, lit(0.0)))).as("amount"),
        lit("USD").as("currency"),
        col("post_money_valuation"),
        lit(null).cast(DataTypes.StringType).as("lead_investors"),
        col("source_url"),
        lower(col("confidence")).as("status"),
        concat(lit("Epoch AI id '"), col("id"), lit("', status "), coalesce(col("status"), lit("(empty)")))
            .as("notes"),
        coalesce(lower(Keys.stripped(col("status"))), lit(CLOSED)).equalTo(CLOSED).as("closed"),
        col("id").as("epoch_id"),
        col(LandingRecords.SOURCE_FILE), col(LandingRecords.LINE), col(BronzeTables.INGESTED_AT)));
  }

  /** The post-money valuation of each closed Epoch round as a valuations row of kind {@code round}. */
  public static Dataset<Row> roundsAsValuations(Dataset<Row> fundingRounds) {
    TableSpec.requireColumns(fundingRounds, "roundsAsValuations", "company", "announced_on",
        "post_money_valuation", "currency", "closed", "source_url", "status", "notes", "origin");
    return fundingRounds.where(col("closed").and(col("post_money_valuation").gt(0)))
        .select(col("company"), col("announced_on").as("as_of"), col("post_money_valuation").as("valuation"),
            col("currency"), lit("round").as("kind"), col("source_url"), col("status"), col("notes"),
            col("origin"), col("epoch_id"), col(LandingRecords.SOURCE_FILE), col(LandingRecords.LINE),
            col(BronzeTables.INGESTED_AT));
  }

  /**
   * The catalogue: hand-kept accelerators and ML Hardware rows as accelerators, one row per chip id
   * and origin, a hand-kept row preferred for the same chip id.
   */
  public static Dataset<Row> acceleratorCatalogue(Dataset<Row> curatedAccelerators, Dataset<Row> mlHardware) {
    Dataset<Row> both = curated(curatedAccelerators).unionByName(hardwareAsAccelerators(mlHardware), true)
        .withColumn("chip_id", Keys.chipId(col("chip")));
    return Origins.preferCurated(Dedupe.latestPerKey(both, "chip_id", "origin"), null, "chip_id");
  }

  /**
   * ML Hardware rows as accelerators: 16-bit throughput from the tensor (FP16/BF16) figure, else
   * plain FP16; 8-bit from FP8, else INT8; in TFLOP/s, GB and TB/s. Epoch does not say what a chip
   * was designed for, so designed_for is empty.
   */
  public static Dataset<Row> hardwareAsAccelerators(Dataset<Row> hardware) {
    TableSpec.requireColumns(hardware, "hardwareAsAccelerators", "hardware_name", "manufacturer", "release_date",
        "foundry", "process_nm", "memory_bytes", "memory_bandwidth_bytes", "tensor_16bit_flops", "fp16_flops",
        "fp8_flops", "int8_ops", "tdp_w", "source_url", "notes");
    return provenance(hardware.select(
        coalesce(col("manufacturer"), lit("unknown")).as("vendor"),
        Keys.stripped(col("hardware_name")).as("chip"),
        year(col("release_date")).cast(DataTypes.LongType).as("launch_year"),
        col("foundry"),
        when(col("process_nm").isNotNull(), concat(col("process_nm").cast(DataTypes.LongType), lit("nm")))
            .as("process_node"),
        col("memory_bytes").divide(1e9).as("hbm_gb"),
        col("memory_bandwidth_bytes").divide(1e12).as("mem_bw_tbps"),
        coalesce(col("tensor_16bit_flops"), col("fp16_flops")).divide(1e12).as("bf16_tflops"),
        coalesce(col("fp8_flops"), col("int8_ops")).divide(1e12).as("fp8_tflops"),
        col("tdp_w"),
        lit(null).cast(DataTypes.StringType).as("designed_for"),
        col("source_url"),
        lit(null).cast(DataTypes.StringType).as("status"),
        col("notes"),
        col(LandingRecords.SOURCE_FILE), col(LandingRecords.LINE), col(BronzeTables.INGESTED_AT)));
  }

  /** Hand-kept rows of any landing dataset, marked as curated (and, for rounds, closed). */
  public static Dataset<Row> curated(Dataset<Row> rows) {
    return rows.withColumn("origin", lit(Origins.CURATED));
  }

  private static Dataset<Row> provenance(Dataset<Row> rows) {
    return rows.withColumn("origin", lit(Origins.EPOCH));
  }
}
