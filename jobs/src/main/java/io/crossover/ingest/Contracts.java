package io.crossover.ingest;

import static io.crossover.ingest.Field.optional;
import static io.crossover.ingest.Field.required;
import static io.crossover.ingest.FieldType.CURRENCY;
import static io.crossover.ingest.FieldType.DATE;
import static io.crossover.ingest.FieldType.DATE_OR_MONTH;
import static io.crossover.ingest.FieldType.NUMBER;
import static io.crossover.ingest.FieldType.PERIOD;
import static io.crossover.ingest.FieldType.TEXT;
import static io.crossover.ingest.FieldType.TIMESTAMP;
import static io.crossover.ingest.FieldType.WHOLE_NUMBER;

import java.util.List;
import java.util.Optional;

/** The landing contracts, one per folder under {@code spark.crossover.landing}. */
public final class Contracts {
  private Contracts() {}

  /** Provenance columns the public-fact files carry; optional so users' own files may omit them. */
  static final Field STATUS = optional("status", TEXT)
      .oneOf("confirmed", "press_report", "estimate", "conflict");
  private static final Field NOTES = optional("notes", TEXT);
  static final Field SOURCE_URL = optional("source_url", TEXT);

  public static final Contract FUNDING_ROUNDS = new Contract(
      "funding_rounds",
      "Funding rounds announced by AI companies; amounts in whole units of the currency.",
      List.of(
          required("company", TEXT),
          required("announced_on", DATE),
          optional("round_type", TEXT),
          required("amount", NUMBER).nonNegative(),
          required("currency", CURRENCY),
          optional("post_money_valuation", NUMBER).nonNegative(),
          optional("lead_investors", TEXT),
          SOURCE_URL, STATUS, NOTES),
      List.of("company_id", "announced_on", "round_type"));

  public static final Contract VALUATIONS = new Contract(
      "valuations",
      "Company valuations: priced rounds, secondaries, tenders and market capitalisations.",
      List.of(
          required("company", TEXT),
          required("as_of", DATE),
          required("valuation", NUMBER).nonNegative(),
          required("currency", CURRENCY),
          optional("kind", TEXT).oneOf("round", "secondary", "tender", "market_cap"),
          SOURCE_URL, STATUS, NOTES),
      List.of("company_id", "as_of", "kind"));

  public static final Contract ACCELERATORS = new Contract(
      "accelerators",
      "The accelerator catalogue: dense BF16/FP8 throughput and what each chip is designed for.",
      List.of(
          required("vendor", TEXT),
          required("chip", TEXT),
          optional("launch_year", WHOLE_NUMBER).between(1990, 2100),
          optional("foundry", TEXT),
          optional("process_node", TEXT),
          optional("hbm_gb", NUMBER).nonNegative(),
          optional("mem_bw_tbps", NUMBER).nonNegative(),
          required("bf16_tflops", NUMBER).nonNegative(),
          optional("fp8_tflops", NUMBER).nonNegative(),
          optional("tdp_w", NUMBER).nonNegative(),
          required("designed_for", TEXT).oneOf("training", "inference", "both"),
          SOURCE_URL, STATUS, NOTES),
      List.of("chip_id"));

  public static final Contract CHIP_SUPPLY = new Contract(
      "chip_supply",
      "Chip and packaging supply: units shipped per chip, foundry capacity (chip empty).",
      List.of(
          required("period", PERIOD),
          optional("vendor", TEXT),
          optional("chip", TEXT),
          required("metric", TEXT),
          required("value", NUMBER),
          optional("unit", TEXT),
          optional("estimate_by", TEXT),
          SOURCE_URL, STATUS, NOTES),
      List.of("period", "vendor", "chip", "metric", "estimate_by"));

  public static final Contract USAGE_EVENTS = new Contract(
      "usage_events",
      "Accelerator usage: one event per job or serving interval (CSV, JSON lines or Parquet). An event id is"
          + " unique within the month of its event_time (`event_month`): the same id in another month is another"
          + " event.",
      List.of(
          required("event_id", TEXT),
          required("event_time", TIMESTAMP),
          required("region", TEXT),
          optional("org", TEXT),
          required("chip", TEXT),
          required("device_count", WHOLE_NUMBER).nonNegative(),
          required("duration_hours", NUMBER).nonNegative(),
          required("workload", TEXT).oneOf("training", "inference", "fine_tuning", "evaluation"),
          required("utilization", NUMBER).between(0, 1)),
      List.of("event_month", "event_id"));

  public static final Contract FX_RATES = new Contract(
      "fx_rates",
      "Exchange rates: US dollars per unit of a currency on a date.",
      List.of(
          required("date", DATE),
          required("currency", CURRENCY),
          required("usd_per_unit", NUMBER).nonNegative(),
          SOURCE_URL),
      List.of("date", "currency"));

  public static final Contract SHARE_EVIDENCE = new Contract(
      "share_evidence",
      "Published evidence of the inference share: one claim a row, what it measures, over which scope and"
          + " period, and whether it was an observation, a forecast or a bound when published.",
      List.of(
          required("source", TEXT),
          required("measure", TEXT).oneOf("compute_share", "spend_share", "revenue_share", "capacity_share",
              "energy_share"),
          required("scope", TEXT).matching("market|(company|vendor|segment):.+"),
          required("period_start", DATE),
          required("period_end", DATE),
          required("kind", TEXT).oneOf("observation", "forecast", "bound"),
          required("relation", TEXT).oneOf("=", ">=", "<="),
          required("inference_share", NUMBER).between(0, 1),
          optional("share_low", NUMBER).between(0, 1),
          optional("share_high", NUMBER).between(0, 1),
          required("published", DATE_OR_MONTH),
          SOURCE_URL, STATUS,
          optional("quote", TEXT)),
      List.of("source", "measure", "scope", "period_start", "period_end", "kind"))
      .withRules(
          RowRule.of("period_end_before_start", "The period ends before it starts (period_end before period_start)",
              List.of("period_start", "period_end"), v -> v.apply("period_end").lt(v.apply("period_start"))),
          RowRule.of("share_outside_range", "The share lies outside its published range (share_low <= inference_share <= share_high does not hold)",
              List.of("share_low", "inference_share", "share_high"),
              v -> v.apply("share_low").gt(v.apply("inference_share"))
                  .or(v.apply("share_high").lt(v.apply("inference_share")))),
          RowRule.of("relation_not_for_kind", "A relation >= or <= on a row that is not a bound, or a bound with =",
              List.of("kind", "relation"),
              v -> v.apply("relation").notEqual("=").notEqual(v.apply("kind").equalTo("bound"))));

  public static final List<Contract> CURATED =
      List.of(FUNDING_ROUNDS, VALUATIONS, ACCELERATORS, CHIP_SUPPLY, USAGE_EVENTS, FX_RATES, SHARE_EVIDENCE);

  public static final List<Contract> ALL = concat(CURATED, EpochContracts.ALL);

  private static List<Contract> concat(List<Contract> first, List<Contract> second) {
    List<Contract> all = new java.util.ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }

  public static Optional<Contract> byDataset(String dataset) {
    return ALL.stream().filter(c -> c.dataset().equals(dataset)).findFirst();
  }
}
