package io.crossover.panel;

import static io.crossover.lake.ColumnSpec.col;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import io.crossover.lake.ColumnSpec;
import io.crossover.lake.TableSpec;
import io.crossover.refine.SilverTables;
import java.util.List;
import java.util.stream.Stream;

/** The gold tables panel writes: monthly demand, quarterly capital and supply, the market panel. */
public final class GoldTables {
  private GoldTables() {}

  /** A table the panel stage writes, every day. */
  private static TableSpec table(String name, String grain, String description, ColumnSpec... columns) {
    return TableSpec.table(name, grain, description, columns).ownedBy(PanelStage.NAME, TableSpec.DAILY);
  }

  private static final ColumnSpec AS_OF = col("as_of", DateType,
      "Run date the table reflects: only data on or before it is used");
  private static final ColumnSpec SEGMENT = col("segment", StringType,
      "'all' (whole market) or <column>=<value>, e.g. region=eu-west");

  public static final TableSpec DEMAND_MONTHLY = table("gold/demand_monthly", "month x segment x workload",
      "Accelerator demand per month, segment and workload class.",
      col("month", DateType, "First day of the month"),
      SEGMENT,
      col("workload", StringType, "training or inference"),
      col("events", LongType, "Usage events counted"),
      col("device_hours", DoubleType, "Device-hours"),
      col("pflop_days", DoubleType, "PFLOP-days of dense BF16 compute actually used"),
      AS_OF);

  public static final TableSpec CAPITAL_QUARTERLY = table("gold/capital_quarterly", "quarter x company",
      "Capital raised and latest known valuation per company and quarter, in US dollars.",
      col("quarter", DateType, "First day of the quarter"),
      col("company_id", StringType, "Company id"),
      col("rounds", LongType, "Funding rounds announced in the quarter"),
      col("capital_raised_usd", DoubleType, "Sum of round amounts in the quarter, USD"),
      col("post_money_valuation_usd", DoubleType, "Highest post-money valuation reported in the quarter, USD"),
      col("latest_valuation_usd", DoubleType, "Latest valuation (any kind) dated in the quarter, USD"),
      AS_OF);

  public static final TableSpec SUPPLY_QUARTERLY = table("gold/supply_quarterly", "quarter x vendor x chip x metric",
      "Supply facts per quarter: flows (units_shipped) spread over the period, levels repeated; "
          + "estimates for the same quarter averaged.",
      col("quarter", DateType, "First day of the quarter"),
      col("vendor", StringType, "Vendor or foundry"),
      col("chip_id", StringType, "Chip id; empty for foundry-level rows"),
      col("metric", StringType, "Metric name"),
      col("unit", StringType, "Unit of value"),
      col("value", DoubleType, "Value in the quarter"),
      col("estimates", LongType, "Source rows behind the value"),
      col("designed_for", StringType, "training, inference or both (from the catalogue; empty if unknown)"),
      col("shipped_pflops", DoubleType, "units_shipped x bf16_tflops / 1000; empty for other metrics"),
      AS_OF);

  public static final TableSpec MARKET_PANEL = table("gold/market_panel", "month x segment",
      "The joined monthly panel the forecast reads.",
      col("month", DateType, "First day of the month"),
      SEGMENT,
      col("training_pflop_days", DoubleType, "Training PFLOP-days (fine-tuning included by default)"),
      col("inference_pflop_days", DoubleType, "Inference PFLOP-days (evaluation included by default)"),
      col("total_pflop_days", DoubleType, "Training + inference PFLOP-days"),
      col("inference_share", DoubleType, "inference / (inference + training); empty when both are 0"),
      col("is_complete_month", BooleanType, "False for the run date's month unless it is its last day"),
      col("capital_raised_ttm_usd", DoubleType, "Capital raised by all companies in the 12 months to the month's end, USD"),
      col("installed_pflops_training", DoubleType, "Cumulative shipped PFLOP/s of training-designed chips"),
      col("installed_pflops_inference", DoubleType, "Cumulative shipped PFLOP/s of inference-designed chips"),
      col("installed_pflops_both", DoubleType, "Cumulative shipped PFLOP/s of chips designed for both"),
      col("installed_h100e", DoubleType, "H100-equivalents shipped through the month's quarter, all designers (Epoch AI chip sales, medians)"),
      col("cluster_h100e_operational", DoubleType, "H100-equivalents of existing GPU clusters operational at the quarter's end (Epoch AI)"),
      col("cowos_wafers_quarter", DoubleType, "The market's CoWoS wafer supply in the month's quarter, median (Epoch AI)"),
      col("evidence_rows", LongType, "Published evidence rows known on the run date whose period covers the month"),
      col("market_compute_share_evidence", DoubleType, "Mean of the market compute-share observations among them"),
      AS_OF);

  /** Silver's evidence columns, then where each claim sits in time and whether the run date could know it. */
  public static final TableSpec SHARE_EVIDENCE = TableSpec.table("gold/share_evidence", "claim",
      "Every published claim of the inference share, curated or derived from Epoch AI's compute spend, with its"
          + " lineage, the month in the middle of its period and whether the run date could know it.",
      Stream.concat(SilverTables.SHARE_EVIDENCE.columns().stream(), Stream.of(
          col("period_mid_month", DateType, "First day of the month in the middle of the period"),
          col("known_on_run_date", BooleanType, "True when published on or before the run date"),
          AS_OF)).toArray(ColumnSpec[]::new))
      .ownedBy(PanelStage.NAME, TableSpec.DAILY);

  public static final TableSpec INSTALLED_COMPUTE_QUARTERLY = table("gold/installed_compute_quarterly",
      "quarter x designer",
      "AI chips shipped and installed per quarter and designer (Epoch AI chip sales and components), up to the run date.",
      col("quarter", DateType, "First day of the quarter"),
      col("quarter_end", DateType, "Last day of the quarter"),
      col("designer", StringType, "Chip designer"),
      col("units_shipped", DoubleType, "Units shipped in the quarter (sum of per-chip medians)"),
      col("h100e_shipped", DoubleType, "H100-equivalents shipped in the quarter (sum of per-chip medians)"),
      col("installed_units", DoubleType, "Units shipped since the designer's first quarter in the data"),
      col("installed_h100e", DoubleType, "H100-equivalents shipped since the designer's first quarter in the data"),
      col("epoch_cumulative_h100e_p05", DoubleType, "Epoch's cumulative H100e through the quarter, 5th percentile (from its series start)"),
      col("epoch_cumulative_h100e_p50", DoubleType, "Epoch's cumulative H100e through the quarter, median"),
      col("epoch_cumulative_h100e_p95", DoubleType, "Epoch's cumulative H100e through the quarter, 95th percentile"),
      col("cowos_wafers", DoubleType, "CoWoS wafers for the designer's chips in the quarter, median"),
      AS_OF);

  public static final TableSpec CLUSTER_CAPACITY_QUARTERLY = table("gold/cluster_capacity_quarterly", "quarter x status",
      "GPU clusters operational at each quarter's end and their H100-equivalents, by status (Epoch AI GPU clusters;"
          + " possible duplicates and clusters without a first operational date left out).",
      col("quarter", DateType, "First day of the quarter"),
      col("status", StringType, "existing, planned or decommissioned (Epoch's status today)"),
      col("clusters", LongType, "Clusters operational by the quarter's end"),
      col("h100e", DoubleType, "Their H100-equivalents"),
      AS_OF);

  public static final List<TableSpec> ALL = List.of(DEMAND_MONTHLY, CAPITAL_QUARTERLY, SUPPLY_QUARTERLY, MARKET_PANEL,
      SHARE_EVIDENCE, INSTALLED_COMPUTE_QUARTERLY, CLUSTER_CAPACITY_QUARTERLY);
}
