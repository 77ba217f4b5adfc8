package io.crossover.ingest;

import static io.crossover.ingest.FieldType.EXPORT_DATE;
import static io.crossover.ingest.FieldType.NUMBER;
import static io.crossover.ingest.FieldType.TEXT;

import java.util.List;

/**
 * Epoch AI's datasets (epoch.ai/data, CC BY 4.0), read exactly as downloaded: unzip a download into
 * the landing folder {@code epoch/} (any sub-folder) and each file is recognised by its name. Columns
 * are read by their headings, so a newer download with more or reordered columns still lands;
 * dates may be ISO or M/D/YYYY and numbers may be in scientific notation, as the raw export writes
 * them.
 */
public final class EpochContracts {
  /** The landing folder every Epoch AI file is dropped into. */
  public static final String FOLDER = "epoch";

  private EpochContracts() {}

  public static final Contract FUNDING_ROUNDS = epoch("epoch_funding_rounds", "(ai_companies_)?funding_rounds.*\\.csv",
      "AI Companies: funding rounds (equity and debt, post-money valuation), as Epoch AI publishes them.",
      List.of(
          text("id", "Id").mandatory(),
          text("company", "Company").mandatory(),
          date("close_date", "Close date"),
          text("status", "Status"),
          amount("funding_equity", "Funding (equity)"),
          amount("funding_debt", "Funding (debt)"),
          amount("post_money_valuation", "Valuation (post-money)"),
          date("report_date", "Report date"),
          text("round_type", "Type"),
          text("confidence", "Confidence"),
          text("source_url", "Source 1"),
          text("notes", "Notes")),
      List.of("company", "id"));

  public static final Contract COMPUTE_SPEND = epoch("epoch_compute_spend", "(ai_companies_)?compute_spend.*\\.csv",
      "AI Companies: compute spend reports, split into inference and R&D where the source does.",
      List.of(
          text("id", "Id").mandatory(),
          text("company", "Company").mandatory(),
          amount("amount", "Amount"),
          text("category", "Category"),
          text("period_type", "Period type").mandatory().oneOf("year", "quarter", "month", "annualized"),
          date("date", "Date").mandatory(),
          date("report_date", "Report date"),
          text("confidence", "Confidence"),
          text("source_type", "Source Type"),
          amount("inference_spend", "Inference compute spend"),
          amount("rnd_spend", "R&D compute spend"),
          amount("total_spend", "Total compute spend"),
          text("source_url", "Source 1"),
          text("notes", "Notes")),
      List.of("company", "id", "report_date"));

  public static final Contract USAGE_REPORTS = epoch("epoch_usage_reports", "(ai_companies_)?usage_reports.*\\.csv",
      "AI Companies: usage reports (active users, daily tokens, daily messages) per product.",
      List.of(
          text("id", "Id").mandatory(),
          text("company", "Company").mandatory(),
          amount("active_users", "Active users"),
          text("active_users_period", "Active users time period"),
          amount("daily_tokens", "Daily tokens"),
          amount("daily_messages", "Daily messages"),
          date("date", "Date").mandatory(),
          date("report_date", "Report date"),
          text("product", "Product"),
          text("confidence", "Confidence"),
          text("source_type", "Source type"),
          text("source_url", "Source 1"),
          text("notes", "Notes")),
      List.of("company", "id", "date"));

  public static final Contract ML_HARDWARE = epoch("epoch_ml_hardware", "ml_hardware.*\\.csv",
      "Machine Learning Hardware: accelerators with their 16-bit and 8-bit throughput, memory, power and release date.",
      List.of(
          text("hardware_name", "Hardware name").mandatory(),
          text("manufacturer", "Manufacturer"),
          text("type", "Type"),
          date("release_date", "Release date"),
          amount("release_price_usd", "Release price (USD)"),
          amount("fp32_flops", "FP32 (single precision) performance (FLOP/s)"),
          amount("fp16_flops", "FP16 (half precision) performance (FLOP/s)"),
          amount("tensor_16bit_flops", "Tensor-FP16/BF16 performance (FLOP/s)"),
          amount("int8_ops", "INT8 performance (OP/s)"),
          amount("fp8_flops", "FP8 performance (FLOP/s)"),
          amount("memory_bytes", "Memory size per board (Byte)"),
          amount("memory_bandwidth_bytes", "Memory bandwidth (byte/s)"),
          amount("tdp_w", "TDP (W)"),
          amount("process_nm", "Process size (nm)"),
          text("foundry", "Foundry"),
          text("source_url", "Link to datasheet"),
          text("notes", "Notes")),
      List.of("hardware_name"));

  public static final Contract CHIP_SALES = epoch("epoch_chip_sales", "timelines_by_chip.*\\.csv",
      "AI Chip Sales: units and H100-equivalents shipped per chip and quarter, median with 5th/95th percentiles.",
      List.of(
          text("name", "Name").mandatory(),
          text("designer", "Chip manufacturer").mandatory(),
          text("chip", "Chip type").mandatory(),
          date("start_date", "Start date").mandatory(),
          date("end_date", "End date").mandatory(),
          text("incomplete", "Incomplete"),
          amount("units_p50", "Number of Units"),
          amount("units_p05", "Number of Units (5th percentile)"),
          amount("units_p95", "Number of Units (95th percentile)"),
          amount("h100e_p50", "Compute estimate in H100e (median)"),
          amount("h100e_p05", "H100e (5th percentile)"),
          amount("h100e_p95", "H100e (95th percentile)"),
          amount("total_tdp_w", "Total TDP (W)"),
          amount("cost_usd", "Cost Estimate (USD)"),
          text("source_url", "Source / Link"),
          text("notes", "Notes")),
      List.of("designer", "chip", "start_date", "end_date"));

  public static final Contract CHIP_SALES_BY_DESIGNER = epoch("epoch_chip_sales_by_designer",
      "cumulative_timelines_by_designer.*\\.csv",
      "AI Chip Sales: cumulative units and H100-equivalents per designer from its series start, with 5th/95th percentiles.",
      List.of(
          text("name", "Name").mandatory(),
          text("designer", "Chip manufacturer").mandatory(),
          date("start_date", "Start date").mandatory(),
          date("end_date", "End date").mandatory(),
          amount("h100e_p50", "Compute estimate in H100e (median)"),
          amount("h100e_p05", "Compute estimate in H100e (5th percentile)"),
          amount("h100e_p95", "Compute estimate in H100e (95th percentile)"),
          amount("units_p50", "Number of units (median)"),
          amount("units_p05", "Number of units (5th percentile)"),
          amount("units_p95", "Number of units (95th percentile)"),
          amount("power_mw_p50", "Power in MW (median)"),
          text("incomplete", "Incomplete"),
          text("notes", "Notes")),
      List.of("designer", "start_date", "end_date"));

  public static final Contract CHIP_COMPONENTS = epoch("epoch_chip_components", "quarterly_by_designer.*\\.csv",
      "AI Chip Components: logic wafers, CoWoS wafers and HBM cost per designer and quarter, with 5th/95th percentiles.",
      List.of(
          text("name", "Name").mandatory(),
          text("designer", "Designer").mandatory(),
          date("start_date", "Start date").mandatory(),
          date("end_date", "End date").mandatory(),
          amount("logic_wafers_p05", "Logic wafers (5th percentile)"),
          amount("logic_wafers_p50", "Logic wafers (median)"),
          amount("logic_wafers_p95", "Logic wafers (95th percentile)"),
          amount("cowos_wafers_p05", "CoWoS wafers (5th percentile)"),
          amount("cowos_wafers_p50", "CoWoS wafers (median)"),
          amount("cowos_wafers_p95", "CoWoS wafers (95th percentile)"),
          amount("hbm_cost_usd_p05", "HBM cost (USD) (5th percentile)"),
          amount("hbm_cost_usd_p50", "HBM cost (USD) (median)"),
          amount("hbm_cost_usd_p95", "HBM cost (USD) (95th percentile)")),
      List.of("designer", "start_date"));

  public static final Contract COMPONENT_SUPPLY = epoch("epoch_component_supply", "supply_denominators.*\\.csv",
      "AI Chip Components: the whole market's logic wafer, CoWoS wafer and HBM supply per quarter.",
      List.of(
          text("quarter", "Quarter").mandatory(),
          date("start_date", "Start date").mandatory(),
          date("end_date", "End date").mandatory(),
          amount("logic_wafers_p05", "Logic supply (5th percentile)"),
          amount("logic_wafers_p50", "Logic supply (median)"),
          amount("logic_wafers_p95", "Logic supply (95th percentile)"),
          amount("cowos_wafers_p05", "CoWoS supply (5th percentile)"),
          amount("cowos_wafers_p50", "CoWoS supply (median)"),
          amount("cowos_wafers_p95", "CoWoS supply (95th percentile)"),
          amount("hbm_cost_usd_p05", "HBM supply (USD) (5th percentile)"),
          amount("hbm_cost_usd_p50", "HBM supply (USD) (median)"),
          amount("hbm_cost_usd_p95", "HBM supply (USD) (95th percentile)")),
      List.of("start_date"));

  public static final Contract GPU_CLUSTERS = epoch("epoch_gpu_clusters", "gpu_clusters.*\\.csv",
      "GPU Clusters: AI supercomputers with their H100-equivalents, chips, owner, status and first operational date.",
      List.of(
          text("name", "Name").mandatory(),
          text("status", "Status").mandatory(),
          text("certainty", "Certainty"),
          text("single_cluster", "Single cluster?"),
          amount("h100e", "H100 equivalents"),
          text("chip_type", "Chip type (primary)"),
          amount("chip_quantity", "Chip quantity (primary)"),
          text("country", "Country"),
          text("owner", "Owner"),
          date("first_operational_date", "First Operational Date"),
          date("decommissioned_date", "Decommissioned Date (if applicable)"),
          text("sector", "Sector"),
          amount("power_mw", "Power Capacity (MW)"),
          text("possible_duplicate", "Possible Duplicate"),
          text("source_url", "Source 1")),
      List.of("name"));

  public static final List<Contract> ALL = List.of(FUNDING_ROUNDS, COMPUTE_SPEND, USAGE_REPORTS, ML_HARDWARE,
      CHIP_SALES, CHIP_SALES_BY_DESIGNER, CHIP_COMPONENTS, COMPONENT_SUPPLY, GPU_CLUSTERS);

  private static Contract epoch(String dataset, String fileNames, String description, List<Field> fields,
      List<String> naturalKey) {
    return new Contract(dataset, description + " File " + fileNames.replace("\\.", ".") + " in " + FOLDER + "/.",
        fields, naturalKey).landedAs(FOLDER, fileNames);
  }

  private static Field text(String name, String heading) {
    return Field.optional(name, TEXT).from(heading);
  }

  private static Field date(String name, String heading) {
    return Field.optional(name, EXPORT_DATE).from(heading);
  }

  private static Field amount(String name, String heading) {
    return Field.optional(name, NUMBER).nonNegative().from(heading);
  }
}
