package io.crossover.refine;

import static io.crossover.lake.ColumnSpec.col;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import io.crossover.lake.ColumnSpec;
import io.crossover.lake.TableSpec;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;

/** The silver tables refine writes: typed, deduplicated on natural keys, in USD and PFLOP-days. */
public final class SilverTables {
  private SilverTables() {}

  /** A table the refine stage writes, every day. */
  private static TableSpec table(String name, String grain, String description, ColumnSpec... columns) {
    return TableSpec.table(name, grain, description, columns).ownedBy(RefineStage.NAME, TableSpec.DAILY);
  }

  private static final ColumnSpec STATUS = col("status", StringType,
      "Provenance: confirmed, press_report, estimate or conflict");
  private static final ColumnSpec SOURCE_URL = col("source_url", StringType, "Where the fact comes from");

  public static final TableSpec FUNDING_ROUNDS = table("silver/funding_rounds", "company x date x round type",
      "Funding rounds with company ids and amounts in US dollars.",
      col("company_id", StringType, "Company id from conf/company_aliases.csv, else a slug of the name"),
      col("company", StringType, "Company name as landed"),
      col("company_matched", BooleanType, "True when the name matched an alias"),
      col("announced_on", DateType, "Announcement date"),
      col("round_type", StringType, "Round type as landed (Series B, strategic investment, ...)"),
      col("amount", DoubleType, "Amount in the original currency"),
      col("currency", StringType, "ISO 4217 code of the amount"),
      col("usd_per_unit", DoubleType, "FX rate used: latest on or before the announcement date"),
      col("amount_usd", DoubleType, "Amount in US dollars"),
      col("post_money_valuation_usd", DoubleType, "Post-money valuation in US dollars, when reported"),
      col("lead_investors", DataTypes.createArrayType(StringType), "Lead investors"),
      STATUS, SOURCE_URL);

  public static final TableSpec VALUATIONS = table("silver/valuations", "company x date x kind",
      "Company valuations in US dollars.",
      col("company_id", StringType, "Company id"),
      col("company", StringType, "Company name as landed"),
      col("company_matched", BooleanType, "True when the name matched an alias"),
      col("as_of", DateType, "Date of the valuation"),
      col("kind", StringType, "round, secondary, tender or market_cap"),
      col("valuation", DoubleType, "Valuation in the original currency"),
      col("currency", StringType, "ISO 4217 code"),
      col("usd_per_unit", DoubleType, "FX rate used: latest on or before as_of"),
      col("valuation_usd", DoubleType, "Valuation in US dollars"),
      STATUS, SOURCE_URL);

  public static final TableSpec ACCELERATORS = table("silver/accelerators", "chip",
      "The accelerator catalogue, one row per chip.",
      col("chip_id", StringType, "Chip name lower-cased with punctuation removed; joins usage to the catalogue"),
      col("vendor", StringType, "Vendor"),
      col("chip", StringType, "Chip name"),
      col("launch_year", LongType, "Year announced or launched"),
      col("foundry", StringType, "Foundry"),
      col("process_node", StringType, "Process node"),
      col("hbm_gb", DoubleType, "High-bandwidth memory, GB"),
      col("mem_bw_tbps", DoubleType, "Memory bandwidth, TB/s"),
      col("bf16_tflops", DoubleType, "Dense BF16 throughput, TFLOP/s"),
      col("fp8_tflops", DoubleType, "Dense FP8 throughput, TFLOP/s"),
      col("tdp_w", DoubleType, "Board power, W"),
      col("designed_for", StringType, "training, inference or both"),
      STATUS, SOURCE_URL);

  public static final TableSpec CHIP_SUPPLY = table("silver/chip_supply", "period x vendor x chip x metric x estimator",
      "Chip and packaging supply facts with their period as a date range.",
      col("period", StringType, "Period as landed: yyyy, yyyy-Qn or yyyy-MM"),
      col("period_start", DateType, "First day of the period"),
      col("period_months", IntegerType, "Length of the period in months (12, 3 or 1)"),
      col("vendor", StringType, "Vendor or foundry"),
      col("chip_id", StringType, "Chip id; empty for foundry-level rows"),
      col("metric", StringType, "units_shipped, cowos_wafers_per_month, ..."),
      col("value", DoubleType, "Value of the metric"),
      col("unit", StringType, "Unit of the value"),
      col("estimate_by", StringType, "Who estimated it"),
      STATUS, SOURCE_URL);

  public static final TableSpec USAGE_EVENTS = table("silver/usage_events", "event",
      "Accelerator usage, one row per event_id, converted to device-hours and PFLOP-days.",
      col("event_id", StringType, "Event id (unique)"),
      col("event_time", TimestampType, "When the event started (UTC)"),
      col("event_month", DateType, "First day of the event's month"),
      col("region", StringType, "Region"),
      col("org", StringType, "Organisation using the devices"),
      col("chip_id", StringType, "Chip id in silver/accelerators"),
      col("vendor", StringType, "Chip vendor"),
      col("device_count", LongType, "Devices used"),
      col("duration_hours", DoubleType, "Hours used"),
      col("utilization", DoubleType, "Mean utilisation, 0..1"),
      col("workload", StringType, "training, inference, fine_tuning or evaluation"),
      col("workload_class", StringType, "training or inference (fine_tuning and evaluation mapped by settings)"),
      col("device_hours", DoubleType, "device_count * duration_hours"),
      col("pflop_days", DoubleType, "device_count * duration_hours * bf16_tflops * utilization / 24000"))
      .partitionedBy("event_month");

  public static final TableSpec FX_RATES = table("silver/fx_rates", "date x currency",
      "US dollars per unit of a currency on a date.",
      col("date", DateType, "Date of the rate"),
      col("currency", StringType, "ISO 4217 code"),
      col("usd_per_unit", DoubleType, "US dollars per unit"),
      SOURCE_URL);

  public static final TableSpec DEMAND_CLAIMS = table("silver/demand_claims", "claim x period x who",
      "Published claims of the inference share of AI compute.",
      col("claim", StringType, "What is claimed"),
      col("period", StringType, "Period the claim is about"),
      col("inference_share", DoubleType, "Claimed inference share, 0..1"),
      col("who", StringType, "Who claims it"),
      col("published", StringType, "When it was published"),
      STATUS, SOURCE_URL);

  public static final List<TableSpec> ALL =
      List.of(FUNDING_ROUNDS, VALUATIONS, ACCELERATORS, CHIP_SUPPLY, USAGE_EVENTS, FX_RATES, DEMAND_CLAIMS);
}
