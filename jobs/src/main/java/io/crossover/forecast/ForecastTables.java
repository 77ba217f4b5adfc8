package io.crossover.forecast;

import static io.crossover.lake.ColumnSpec.col;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import io.crossover.lake.ColumnSpec;
import io.crossover.lake.TableSpec;
import java.util.List;

/** The forecast's gold tables: one set of rows per run date (as_of), replaced when it is re-run. */
public final class ForecastTables {
  private ForecastTables() {}

  /** A table the forecast stage writes, every day. */
  private static TableSpec table(String name, String grain, String description, ColumnSpec... columns) {
    return TableSpec.table(name, grain, description, columns).ownedBy(ForecastStage.NAME, TableSpec.DAILY);
  }

  private static final ColumnSpec RUN_ID = col("run_id", StringType, "Run that wrote the rows");
  private static final ColumnSpec SCENARIO = col("scenario", StringType, "'baseline', or the what-if"
      + " spark.crossover.scenario.* overrides as key=value pairs (e.g. capitalGrowth=-0.3); dashboards read baseline");
  private static final ColumnSpec DRIVERS = col("drivers", StringType, "Drivers the share model used beside time"
      + " (capital, capacity), comma-separated; empty for none");

  private static final ColumnSpec EVIDENCE_AS_OF = col("as_of", DateType, "Run date: only evidence published by then is used");

  public static final TableSpec CROSSOVER_FORECAST = table("gold/crossover_forecast", "run date x scenario x segment x month",
      "Observed and forecast inference share per segment and month (telemetry: primary model, logistic_share;"
          + " public evidence: evidence_logistic, segment all, baseline), per scenario.",
      RUN_ID,
      col("as_of", DateType, "Run date: the forecast uses complete months before it"),
      col("segment", StringType, "'all' (whole market, summed bottom-up from the segments) or <column>=<value>"),
      col("model", StringType, "logistic_share (the telemetry's primary model; empty in rows written before models"
          + " were recorded) or evidence_logistic (the market's reference path fitted on the published evidence)"),
      col("month", DateType, "First day of the month"),
      col("is_history", BooleanType, "True for observed months, false for forecast months and every evidence_logistic month"),
      col("inference_share", DoubleType, "Observed share, or the fitted share for forecast months"),
      col("share_p10", DoubleType, "10th percentile of a forecast month's share: bootstrap curves plus a month's scatter around the trend"),
      col("share_p90", DoubleType, "90th percentile of a forecast month's share: bootstrap curves plus a month's scatter around the trend"),
      col("training_pflop_days", DoubleType, "Observed or predicted training PFLOP-days; empty for evidence_logistic"),
      col("inference_pflop_days", DoubleType, "Observed or predicted inference PFLOP-days; empty for evidence_logistic"),
      SCENARIO);

  public static final TableSpec CROSSOVER_ESTIMATE = table("gold/crossover_estimate", "run date x scenario x segment x model",
      "When inference overtakes training, per segment and model, with bootstrap percentiles.",
      RUN_ID,
      col("as_of", DateType, "Run date"),
      col("segment", StringType, "'all' or <column>=<value>"),
      col("status", StringType, "crossed (observed 3-month share stayed at or above 0.5; evidence_logistic: p50 on"
          + " or before the run date), projected (fitted share reaches 0.5 within the horizon), beyond_horizon,"
          + " always_above, fell_back, plateau, not_converged, insufficient_history (under 3 months; under 12 when the"
          + " market itself has under 12) or"
          + " insufficient_evidence (under 3 published values in 2 periods); docs/forecast.md, Status and flags"),
      col("crossover_month_p10", DateType, "10th percentile of the replicates' crossover month (first day of month);"
          + " for crossed, the earlier of it and p50"),
      col("crossover_month_p50", DateType, "Median crossover month; for crossed, the month the observed share first stayed above 0.5"),
      col("crossover_month_p90", DateType, "90th percentile; empty when beyond the horizon; for crossed, the later of it and p50"),
      col("probability_within_horizon", DoubleType, "Share of replicates that cross within spark.crossover.forecast.horizonMonths"
          + " (evidence_logistic: by the horizon's end, including those crossed already)"),
      col("model", StringType, "logistic_share (telemetry, primary), loglinear (telemetry), or evidence_logistic (the"
          + " market from the published evidence, segment all, baseline only)"),
      col("observations", IntegerType, "Complete months fitted (evidence_logistic: published claims fitted)"),
      col("fit_r2", DoubleType, "Weighted R² of the share fit (loglinear: the lower of the two workloads); empty for the bottom-up market"),
      col("fit_rmse", DoubleType, "Residual RMSE of the fit on the log/logit scale; empty for the bottom-up market"),
      DRIVERS,
      SCENARIO,
      col("probability_crossed", DoubleType, "evidence_logistic: share of replicates crossed by the run date; empty otherwise"),
      col("evidence_rows", IntegerType, "evidence_logistic: published claims fitted (values and bounds); empty otherwise"),
      col("evidence_sources", IntegerType, "evidence_logistic: distinct sources of those claims; empty otherwise"),
      col("flags", StringType, "What to look at before trusting the dates, comma-separated (slope_break, autocorrelated, damped,"
          + " gaps, pooled, not_converged; docs/forecast.md, Status and flags); empty for none"));

  public static final TableSpec CROSSOVER_LATEST = new TableSpec("gold/crossover_latest", "segment x model",
      "The newest baseline estimate per segment and model (the rows of the latest run date in"
          + " gold/crossover_estimate): what a dashboard tile shows. Rewritten by each forecast.",
      CROSSOVER_ESTIMATE.columns()).ownedBy(ForecastStage.NAME, TableSpec.DAILY);

  public static final TableSpec BACKTEST_METRICS = table("gold/backtest_metrics",
      "run date x model x drivers x segment x cutoff x horizon",
      "Rolling-origin backtest: each model (the share model also with each combination of drivers) refitted on"
          + " the history up to a cutoff (every 6 months over the last 3 years) and read 6, 12 and 24 months later.",
      RUN_ID,
      col("as_of", DateType, "Run date of the backtest"),
      col("model", StringType, "logistic_share, loglinear, or a baseline: naive_last_share, naive_linear_trend"),
      col("segment", StringType, "'all' (summed bottom-up, as in the forecast) or <column>=<value>"),
      col("cutoff", DateType, "Last month the model saw"),
      col("horizon_months", IntegerType, "Months after the cutoff the forecast is read"),
      col("predicted_share", DoubleType, "Share the model fitted at the cutoff predicted for cutoff + horizon"),
      col("observed_share", DoubleType, "Share observed in that month"),
      col("share_abs_error", DoubleType, "|predicted_share - observed_share|"),
      col("crossover_error_months", IntegerType, "Predicted minus observed crossover month, where the segment"
          + " has crossed by the run date; empty otherwise"),
      DRIVERS,
      col("share_p10", DoubleType, "10th percentile of the predicted share (bootstrap curves plus a month's scatter;"
          + " naive baselines: their own past errors); empty for variants without intervals"),
      col("share_p90", DoubleType, "90th percentile of the predicted share; empty for variants without intervals"),
      col("inside_p10_p90", BooleanType, "Whether the observed share fell in share_p10..share_p90"),
      col("interval_score", DoubleType, "Interval score of p10-p90: width + 10 x distance outside (lower is better)"))
      .ownedBy(BacktestStage.NAME, TableSpec.WEEKLY);

  public static final TableSpec EVIDENCE_OFFSETS = table("gold/evidence_offsets", "run date x kind x name",
      "What the evidence model fitted beside the reference path: the logit offset of each measure and scope against"
          + " the market's compute share, and the noise scale of each status, with the source bootstrap's p10-p90.",
      RUN_ID, EVIDENCE_AS_OF,
      col("kind", StringType, "measure, scope or noise"),
      col("name", StringType, "The measure (spend_share, ...), the scope (company:OpenAI, ...) or the status"),
      col("estimate", DoubleType, "Offset in logit (measure, scope; positive: the definition reads a higher share"
          + " than the market's compute share), or the noise standard deviation in logit (noise)"),
      col("p10", DoubleType, "10th percentile over the bootstrap replicates"),
      col("p90", DoubleType, "90th percentile over the bootstrap replicates"),
      col("claims", IntegerType, "Fitted claims that inform it (carry the measure or scope, or have the status)"),
      col("sources", IntegerType, "Distinct sources of those claims"));

  public static final TableSpec EVIDENCE_LEAVE_ONE_OUT = table("gold/evidence_leave_one_out", "run date x source",
      "How the evidence model's crossover month moves without each source's claims (refitted and bootstrapped"
          + " with the same seed).",
      RUN_ID, EVIDENCE_AS_OF,
      col("source", StringType, "The source left out"),
      col("claims", IntegerType, "Fitted claims of that source"),
      col("status", StringType, "Status of the estimate without it (insufficient_evidence when too little is left)"),
      col("crossover_month_p50", DateType, "Median crossover month without it"),
      col("shift_months", IntegerType, "That month minus the p50 with every source; empty when either has none"),
      col("probability_crossed", DoubleType, "P(crossed by the run date) without it"));

  public static final TableSpec EVIDENCE_FORECAST_SCORES = table("gold/evidence_forecast_scores", "run date x analyst forecast",
      "Each analyst forecast (share_evidence kind forecast) known on the run date, against the path fitted on the"
          + " evidence read in the forecast's own measure and scope, and against observations published after it.",
      RUN_ID, EVIDENCE_AS_OF,
      col("source", StringType, "Who published the forecast"),
      col("measure", StringType, "What it forecasts"),
      col("scope", StringType, "Of what"),
      col("period_start", DateType, "First day of the period forecast"),
      col("period_end", DateType, "Last day of that period"),
      col("published_on", DateType, "When it could first be known"),
      col("forecast_share", DoubleType, "The share forecast"),
      col("fitted_share", DoubleType, "The evidence model's share for that measure, scope and period"),
      col("fitted_p10", DoubleType, "10th percentile of it over the bootstrap replicates"),
      col("fitted_p90", DoubleType, "90th percentile of it over the bootstrap replicates"),
      col("error_logit", DoubleType, "logit(forecast_share) - logit(fitted_share): positive when the analyst was higher"),
      col("within_band", BooleanType, "True when the forecast lies within fitted_p10..fitted_p90"),
      col("later_observed_share", DoubleType, "Mean of the observations of the same measure, scope and period"
          + " published after the forecast; empty when there are none"),
      col("later_sources", StringType, "Their sources"),
      col("fitted", BooleanType, "True when the forecast was also fitted (spark.crossover.evidence.includeForecasts)"));

  public static final List<TableSpec> ALL = List.of(CROSSOVER_FORECAST, CROSSOVER_ESTIMATE, CROSSOVER_LATEST,
      BACKTEST_METRICS, EVIDENCE_OFFSETS, EVIDENCE_LEAVE_ONE_OUT, EVIDENCE_FORECAST_SCORES);
}
