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

  public static final TableSpec CROSSOVER_FORECAST = table("gold/crossover_forecast", "run date x scenario x segment x month",
      "Observed and forecast inference share per segment and month (primary model, logistic_share), per scenario.",
      RUN_ID,
      col("as_of", DateType, "Run date: the forecast uses complete months before it"),
      col("segment", StringType, "'all' (whole market, summed bottom-up from the segments) or <column>=<value>"),
      col("month", DateType, "First day of the month"),
      col("is_history", BooleanType, "True for observed months, false for forecast months"),
      col("inference_share", DoubleType, "Observed share, or the fitted share for forecast months"),
      col("share_p10", DoubleType, "10th percentile of the bootstrap replicates' share (forecast months)"),
      col("share_p90", DoubleType, "90th percentile of the bootstrap replicates' share (forecast months)"),
      col("training_pflop_days", DoubleType, "Observed or predicted training PFLOP-days"),
      col("inference_pflop_days", DoubleType, "Observed or predicted inference PFLOP-days"),
      SCENARIO);

  public static final TableSpec CROSSOVER_ESTIMATE = table("gold/crossover_estimate", "run date x scenario x segment x model",
      "When inference overtakes training, per segment and model, with bootstrap percentiles.",
      RUN_ID,
      col("as_of", DateType, "Run date"),
      col("segment", StringType, "'all' or <column>=<value>"),
      col("status", StringType, "crossed (observed 3-month share stayed at or above 0.5), projected (fitted share"
          + " reaches 0.5 within the horizon), beyond_horizon, or insufficient_history (under 12 months)"),
      col("crossover_month_p10", DateType, "10th percentile of the replicates' crossover month (first day of month);"
          + " for crossed, the earlier of it and p50"),
      col("crossover_month_p50", DateType, "Median crossover month; for crossed, the month the observed share first stayed above 0.5"),
      col("crossover_month_p90", DateType, "90th percentile; empty when beyond the horizon; for crossed, the later of it and p50"),
      col("probability_within_horizon", DoubleType, "Share of replicates that cross within spark.crossover.forecast.horizonMonths"),
      col("model", StringType, "logistic_share (primary) or loglinear"),
      col("observations", IntegerType, "Complete months fitted"),
      col("fit_r2", DoubleType, "Weighted R² of the share fit (loglinear: the lower of the two workloads); empty for the bottom-up market"),
      col("fit_rmse", DoubleType, "Residual RMSE of the fit on the log/logit scale; empty for the bottom-up market"),
      DRIVERS,
      SCENARIO);

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
      col("model", StringType, "logistic_share or loglinear"),
      col("segment", StringType, "'all' (summed bottom-up, as in the forecast) or <column>=<value>"),
      col("cutoff", DateType, "Last month the model saw"),
      col("horizon_months", IntegerType, "Months after the cutoff the forecast is read"),
      col("predicted_share", DoubleType, "Share the model fitted at the cutoff predicted for cutoff + horizon"),
      col("observed_share", DoubleType, "Share observed in that month"),
      col("share_abs_error", DoubleType, "|predicted_share - observed_share|"),
      col("crossover_error_months", IntegerType, "Predicted minus observed crossover month, where the segment"
          + " has crossed by the run date; empty otherwise"),
      DRIVERS).ownedBy(BacktestStage.NAME, TableSpec.WEEKLY);

  public static final List<TableSpec> ALL = List.of(CROSSOVER_FORECAST, CROSSOVER_ESTIMATE, CROSSOVER_LATEST,
      BACKTEST_METRICS);
}
