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
      "Provenance: confirmed, press_report, estimate or conflict (hand-kept); confident, likely or uncertain (Epoch AI's confidence)");
  private static final ColumnSpec ORIGIN = col("origin", StringType,
      "curated (hand-kept landing files, preferred) or epoch (Epoch AI's dataset)");
  private static final ColumnSpec EPOCH_ID = col("epoch_id", StringType, "Epoch AI's id of the row; empty for hand-kept rows");
  private static final ColumnSpec LANDED_FILE = col("_source_file", StringType, "Landing file the row came from");
  private static final ColumnSpec LANDED_LINE = col("_line", LongType, "Line of that file");
  private static final ColumnSpec SOURCE_URL = col("source_url", StringType, "Where the fact comes from");

  public static final TableSpec FUNDING_ROUNDS = table("silver/funding_rounds", "funding round",
      "Funding rounds with company ids and amounts in US dollars: the hand-kept rounds and Epoch AI's"
          + " (newest download), a hand-kept round preferred over an Epoch round of the company within 45 days.",
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
      col("closed", BooleanType, "False for a round Epoch lists as in late discussions or cancelled: no capital raised yet"),
      STATUS, SOURCE_URL, ORIGIN, EPOCH_ID);

  public static final TableSpec VALUATIONS = table("silver/valuations", "company x date x kind x origin",
      "Company valuations in US dollars: hand-kept, and the post-money valuations of Epoch AI's closed rounds"
          + " (kind round) where no hand-kept valuation of that kind has the company within 45 days.",
      col("company_id", StringType, "Company id"),
      col("company", StringType, "Company name as landed"),
      col("company_matched", BooleanType, "True when the name matched an alias"),
      col("as_of", DateType, "Date of the valuation"),
      col("kind", StringType, "round, secondary, tender or market_cap"),
      col("valuation", DoubleType, "Valuation in the original currency"),
      col("currency", StringType, "ISO 4217 code"),
      col("usd_per_unit", DoubleType, "FX rate used: latest on or before as_of"),
      col("valuation_usd", DoubleType, "Valuation in US dollars"),
      STATUS, SOURCE_URL, ORIGIN, EPOCH_ID);

  public static final TableSpec ACCELERATORS = table("silver/accelerators", "chip",
      "The accelerator catalogue, one row per chip: the hand-kept chips and Epoch AI's Machine Learning"
          + " Hardware (a hand-kept row wins for the same chip id).",
      col("chip_id", StringType, "Chip name lower-cased with punctuation removed; joins usage to the catalogue"),
      col("vendor", StringType, "Vendor"),
      col("chip", StringType, "Chip name"),
      col("launch_year", LongType, "Year announced or launched"),
      col("foundry", StringType, "Foundry"),
      col("process_node", StringType, "Process node"),
      col("hbm_gb", DoubleType, "High-bandwidth memory, GB"),
      col("mem_bw_tbps", DoubleType, "Memory bandwidth, TB/s"),
      col("bf16_tflops", DoubleType, "Dense BF16 throughput, TFLOP/s (Epoch rows: tensor FP16/BF16, else FP16; empty when"
          + " neither is published, and usage on such a chip is quarantined as unknown_chip)"),
      col("fp8_tflops", DoubleType, "Dense FP8 throughput, TFLOP/s"),
      col("tdp_w", DoubleType, "Board power, W"),
      col("designed_for", StringType, "training, inference or both; empty for Epoch rows (not published)"),
      STATUS, SOURCE_URL, ORIGIN);

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
      "Accelerator usage, one row per event_id and event_month, converted to device-hours and PFLOP-days.",
      col("event_id", StringType, "Event id (unique within its event_month)"),
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

  public static final TableSpec SHARE_EVIDENCE = table("silver/share_evidence", "claim",
      "Published evidence of the inference share: the curated claims and those derived from Epoch AI's compute spend.",
      col("source", StringType, "Who published it"),
      col("measure", StringType, "compute_share, spend_share, revenue_share, capacity_share or energy_share"),
      col("scope", StringType, "market, company:<name>, vendor:<name> or segment:<name>"),
      col("period_start", DateType, "First day of the period the claim is about"),
      col("period_end", DateType, "Last day of that period"),
      col("kind", StringType, "observation, forecast or bound, as of publication"),
      col("relation", StringType, "= for a value, >= or <= for a bound"),
      col("inference_share", DoubleType, "The inference share claimed, 0..1"),
      col("share_low", DoubleType, "Low end of a published range, when one is given"),
      col("share_high", DoubleType, "High end of a published range, when one is given"),
      col("published", StringType, "Publication day or month as published"),
      col("published_on", DateType, "The day it could first be known: the day, or the last day of a published month"),
      SOURCE_URL,
      col("status", StringType, "confirmed, press_report or estimate"),
      col("quote", StringType, "The source's exact wording (curated rows)"),
      col("origin", StringType, "curated (share_evidence landing files) or derived (from silver/compute_spend)"),
      col("derivation", StringType, "The arithmetic of a derived row, e.g. 1.80 / (1.80 + 4.00)"),
      col("lineage", StringType, "Landing file#line of a curated row; the compute-spend rows (id, file#line) of a derived one"));

  public static final TableSpec COMPUTE_SPEND = table("silver/compute_spend", "company x report",
      "Epoch AI's compute-spend reports (newest download): inference, R&D and total compute spend per company and period.",
      col("company_id", StringType, "Company id"),
      col("company", StringType, "Company name as published"),
      col("epoch_id", StringType, "Epoch AI's id of the report"),
      col("period_type", StringType, "year, quarter, month or annualized"),
      col("period_start", DateType, "First day of the period"),
      col("period_end", DateType, "Last day of the period"),
      col("period_months", IntegerType, "Months in the period (an annualized amount is a rate seen in one month)"),
      col("annualized", BooleanType, "True when the amount is an annual rate, not spend in the period"),
      col("date", DateType, "The date the report is about"),
      col("report_date", DateType, "When it was reported"),
      col("categories", DataTypes.createArrayType(StringType), "Epoch's categories (R&D cloud compute, Inference cloud compute, Data)"),
      col("inference_usd", DoubleType, "Inference compute spend, USD"),
      col("rnd_usd", DoubleType, "R&D (training and research) compute spend, USD"),
      col("total_usd", DoubleType, "Total compute spend when not split, USD"),
      col("split_note", StringType, "How a report whose categories and columns disagree was read"),
      col("confidence", StringType, "Epoch's confidence: Confident, Likely or Uncertain"),
      SOURCE_URL, LANDED_FILE, LANDED_LINE);

  public static final TableSpec USAGE_REPORTS = table("silver/usage_reports", "company x report x date",
      "Epoch AI's usage reports (newest download): active users, daily tokens and messages per product.",
      col("company_id", StringType, "Company id"),
      col("company", StringType, "Company name as published"),
      col("epoch_id", StringType, "Epoch AI's id of the report"),
      col("product", StringType, "Product"),
      col("date", DateType, "The date the figure is about"),
      col("report_date", DateType, "When it was reported"),
      col("active_users", DoubleType, "Active users"),
      col("active_users_period", StringType, "Daily, Weekly or Monthly"),
      col("daily_tokens", DoubleType, "Tokens processed per day"),
      col("daily_messages", DoubleType, "Messages per day"),
      col("confidence", StringType, "Epoch's confidence"),
      SOURCE_URL);

  public static final TableSpec CHIP_SHIPMENTS = table("silver/chip_shipments", "chip x quarter",
      "Epoch AI's chip sales (newest download): units and H100-equivalents shipped per chip and quarter.",
      col("designer", StringType, "Chip designer (Nvidia, Google, AMD, Amazon, Huawei, ...)"),
      col("chip", StringType, "Chip as published"),
      col("chip_id", StringType, "Chip id (as silver/accelerators)"),
      col("quarter", DateType, "First day of the quarter"),
      col("quarter_end", DateType, "Last day of the quarter"),
      col("incomplete", BooleanType, "Epoch marks the quarter incomplete"),
      col("units_p05", DoubleType, "Units shipped, 5th percentile"),
      col("units_p50", DoubleType, "Units shipped, median"),
      col("units_p95", DoubleType, "Units shipped, 95th percentile"),
      col("h100e_p05", DoubleType, "H100-equivalents shipped, 5th percentile"),
      col("h100e_p50", DoubleType, "H100-equivalents shipped, median"),
      col("h100e_p95", DoubleType, "H100-equivalents shipped, 95th percentile"),
      col("cost_usd", DoubleType, "Estimated cost of the units, USD"),
      SOURCE_URL);

  public static final TableSpec CHIP_SHIPMENTS_CUMULATIVE = table("silver/chip_shipments_cumulative", "designer x quarter",
      "Epoch AI's cumulative chip sales per designer from its series start (percentiles of a sum are not sums of percentiles).",
      col("designer", StringType, "Chip designer"),
      col("series_start", DateType, "First day counted"),
      col("through", DateType, "Last day counted"),
      col("incomplete", BooleanType, "Epoch marks the last quarter incomplete"),
      col("units_p05", DoubleType, "Units, 5th percentile"),
      col("units_p50", DoubleType, "Units, median"),
      col("units_p95", DoubleType, "Units, 95th percentile"),
      col("h100e_p05", DoubleType, "H100-equivalents, 5th percentile"),
      col("h100e_p50", DoubleType, "H100-equivalents, median"),
      col("h100e_p95", DoubleType, "H100-equivalents, 95th percentile"),
      col("power_mw_p50", DoubleType, "Power of the units, MW, median"));

  public static final TableSpec CHIP_COMPONENTS = table("silver/chip_components", "designer x quarter x component",
      "Epoch AI's chip components beside chip_supply: logic wafers, CoWoS wafers and HBM cost per designer and quarter;"
          + " designer 'all' is the whole market's supply.",
      col("designer", StringType, "Designer, or all for the market's supply"),
      col("quarter", DateType, "First day of the quarter"),
      col("quarter_end", DateType, "Last day of the quarter"),
      col("component", StringType, "logic_wafers, cowos_wafers or hbm_cost_usd"),
      col("p05", DoubleType, "5th percentile"),
      col("p50", DoubleType, "Median"),
      col("p95", DoubleType, "95th percentile"));

  public static final TableSpec GPU_CLUSTERS = table("silver/gpu_clusters", "cluster",
      "Epoch AI's GPU clusters (newest download): AI supercomputers with H100-equivalents, status and first operational date.",
      col("name", StringType, "Cluster name"),
      col("status", StringType, "existing, planned or decommissioned"),
      col("certainty", StringType, "Epoch's certainty that it exists as described"),
      col("h100e", DoubleType, "H100-equivalents"),
      col("chip_type", StringType, "Primary chip"),
      col("chip_quantity", DoubleType, "Number of primary chips"),
      col("country", StringType, "Country"),
      col("owner", StringType, "Owner"),
      col("sector", StringType, "Sector"),
      col("first_operational_date", DateType, "First operational date (empty when not known)"),
      col("decommissioned_date", DateType, "Decommissioned date, when it was"),
      col("power_mw", DoubleType, "Power capacity, MW"),
      col("possible_duplicate", BooleanType, "Epoch flags it as a possible duplicate of another cluster"),
      col("single_cluster", StringType, "Yes, No or Unclear"),
      SOURCE_URL);

  public static final List<TableSpec> ALL =
      List.of(FUNDING_ROUNDS, VALUATIONS, ACCELERATORS, CHIP_SUPPLY, USAGE_EVENTS, FX_RATES, SHARE_EVIDENCE,
          COMPUTE_SPEND, USAGE_REPORTS, CHIP_SHIPMENTS, CHIP_SHIPMENTS_CUMULATIVE, CHIP_COMPONENTS, GPU_CLUSTERS);
}
