package io.crossover.forecast;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;

import io.crossover.lake.Lake;
import io.crossover.lake.RunContext;
import io.crossover.lake.SqlLiterals;
import io.crossover.lake.StageReport;
import io.crossover.lake.TableStat;
import io.crossover.lake.WriteResult;
import io.crossover.panel.Demand;
import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Scores both models by rolling origin into gold/backtest_metrics (rows of the run date replaced).
 * Segments are refitted inside executors; the market is summed bottom-up as in the forecast.
 */
public final class BacktestStage {
  public static final String NAME = "backtest";

  private BacktestStage() {}

  public static StageReport run(RunContext run) {
    Lake lake = run.lake();
    StageReport report = new StageReport(NAME);
    int origin = ForecastStage.origin(run.runDate());
    Dataset<Row> panel = PanelHistory.completeMonths(lake, run.runDate(), origin, NAME);
    String partitionPrefix = MarketAssembly.partsPrefix(run.settings().segments());
    Dataset<Row> fitted = MarketAssembly.fittedRows(panel, run.settings().segments());
    FlatMapGroupsFunction<String, Row, Backtest.SegmentBacktest> evaluate = (segment, rows) -> List.of(
        Backtest.evaluate(PanelHistory.of(segment, rows), origin, ForecastStage.MIN_OBSERVATIONS)).iterator();
    List<Backtest.SegmentBacktest> segments = fitted
        .groupByKey((MapFunction<Row, String>) row -> row.getString(0), Encoders.STRING())
        .flatMapGroups(evaluate, Encoders.javaSerialization(Backtest.SegmentBacktest.class))
        .collectAsList();
    List<Backtest.Score> scores = new ArrayList<>();
    segments.forEach(s -> scores.addAll(s.scores()));
    if (partitionPrefix != null) {
      History market = PanelHistory.of(Demand.ALL_SEGMENT,
          panel.where(col("segment").equalTo(Demand.ALL_SEGMENT)).collectAsList().iterator());
      scores.addAll(Backtest.score(market, summedCurves(segments, partitionPrefix), origin));
    }
    Date asOf = Date.valueOf(run.runDate());
    List<Row> rows = scores.stream().map(s -> RowFactory.create(run.runId(), asOf, s.model(), s.segment(),
        Date.valueOf(Months.start(s.cutoff())), s.horizonMonths(), s.predictedShare(), s.observedShare(),
        Math.abs(s.predictedShare() - s.observedShare()), s.crossoverErrorMonths(), s.variant().drivers(), s.shareP10(),
        s.shareP90(), s.inside(), s.intervalScore())).toList();
    WriteResult written = lake.replaceWhere(ForecastTables.BACKTEST_METRICS,
        lake.spark().createDataFrame(rows, ForecastTables.BACKTEST_METRICS.schema()), "as_of = " + SqlLiterals.date(run.runDate()));
    report.table(TableStat.of(written, 0, 0));
    return report;
  }

  /** variant -> cutoff -> the partition segments' curves at that cutoff, summed. */
  private static Map<Backtest.Variant, Map<Integer, CurveSet>> summedCurves(List<Backtest.SegmentBacktest> segments,
      String prefix) {
    Map<Backtest.Variant, Map<Integer, List<CurveSet>>> parts = new LinkedHashMap<>();
    for (Backtest.SegmentBacktest segment : segments) {
      if (!segment.segment().startsWith(prefix)) {
        continue;
      }
      segment.curves().forEach((model, byCutoff) -> byCutoff.forEach((cutoff, curves) ->
          parts.computeIfAbsent(model, m -> new LinkedHashMap<>()).computeIfAbsent(cutoff, c -> new ArrayList<>()).add(curves)));
    }
    Map<Backtest.Variant, Map<Integer, CurveSet>> summed = new LinkedHashMap<>();
    parts.forEach((variant, byCutoff) -> byCutoff.forEach((cutoff, sets) ->
        summed.computeIfAbsent(variant, v -> new LinkedHashMap<>()).put(cutoff, CurveSet.sum(variant.model(), sets))));
    return summed;
  }

  /**
   * Per model, drivers and horizon: mean share error, mean absolute crossover error, forecasts scored,
   * and where the model gives intervals the share of observed months inside p10–p90 and the mean
   * interval score. A table written before intervals were scored reads as having none.
   */
  public static Dataset<Row> comparison(Dataset<Row> metrics) {
    Dataset<Row> scored = metrics;
    for (String column : List.of("inside_p10_p90", "interval_score")) {
      if (!List.of(scored.columns()).contains(column)) {
        scored = scored.withColumn(column, lit(null).cast(column.equals("inside_p10_p90") ? "boolean" : "double"));
      }
    }
    return scored.groupBy("model", "drivers", "horizon_months")
        .agg(round(avg("share_abs_error"), 4).as("mean_share_abs_error"),
            round(avg(abs(col("crossover_error_months"))), 2).as("mean_abs_crossover_error_months"),
            count(lit(1)).as("forecasts"),
            round(avg(col("inside_p10_p90").cast("double")), 3).as("p10_p90_coverage"),
            round(avg("interval_score"), 4).as("mean_interval_score"))
        .orderBy("horizon_months", "model", "drivers");
  }
}
