package io.crossover.notebook;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.crossover.config.Settings;
import io.crossover.errors.Errors;
import io.crossover.forecast.Estimate;
import io.crossover.forecast.EvidenceReport;
import io.crossover.forecast.evidence.EvidenceModel;
import io.crossover.forecast.evidence.MarketEvidence;
import io.crossover.forecast.ForecastPoint;
import io.crossover.forecast.ForecastStage;
import io.crossover.forecast.ForecastTables;
import io.crossover.forecast.LogisticShareModel;
import io.crossover.forecast.Report;
import io.crossover.forecast.Scenario;
import io.crossover.forecast.WhatIf;
import io.crossover.lake.Lake;
import io.crossover.panel.GoldTables;
import io.crossover.panel.PanelStage;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A lake as the notebooks in notebooks/ use it, on the session they hand in: every table as a
 * temporary view (gold tables also by their bare name, as the {@code sql} command does), the
 * forecast refitted in process with other settings, and the charts of the forecast report.
 */
public final class Lakehouse {
  private final SparkSession spark;
  private final Map<String, String> conf;
  private final Lake lake;
  private final List<String> views;

  private Lakehouse(SparkSession spark, Map<String, String> conf) {
    this.spark = spark;
    this.conf = conf;
    Settings settings = Settings.from(conf);
    this.lake = new Lake(spark, settings.lake(), settings.landing());
    this.views = io.crossover.lake.LakeViews.registerViews(lake);
  }

  /** The lake at {@code root}, with the session's spark.crossover.* settings for everything else. */
  public static Lakehouse open(SparkSession spark, String root) {
    Map<String, String> conf = new HashMap<>();
    for (scala.Tuple2<String, String> entry : spark.sparkContext().getConf().getAll()) {
      conf.put(entry._1(), entry._2());
    }
    conf.put(Settings.LAKE.key(), root);
    return new Lakehouse(spark, conf);
  }

  /** The views registered for the lake's tables, e.g. silver_usage_events, quarantine_fx_rates, market_panel. */
  public List<String> views() {
    return views;
  }

  /** Every quarantined row of every dataset, with the rule it broke, its file and line. */
  public Dataset<Row> quarantine() {
    return views.stream().filter(v -> v.startsWith("quarantine_"))
        .map(v -> spark.table(v).select("dataset", "stage", "rule", "column", "detail", "source_file", "line"))
        .reduce(Dataset::unionByName)
        .orElseGet(() -> spark.emptyDataFrame().selectExpr("'' as dataset", "'' as stage", "'' as rule",
            "'' as column", "'' as detail", "'' as source_file", "0L as line").limit(0));
  }

  /** The run date gold/market_panel was built for: the latest data the forecast can use. */
  public LocalDate panelDate() {
    return lake.read(GoldTables.MARKET_PANEL, PanelStage.NAME).selectExpr("max(as_of)").first().getDate(0)
        .toLocalDate();
  }

  /**
   * The forecast as of {@code asOf} (on or before {@link #panelDate()}) with {@code overrides} on top of
   * the session's settings, e.g. {@code spark.crossover.forecast.drivers=capital} and
   * {@code spark.crossover.scenario.capitalGrowth=-0.3}; nothing is written to the lake.
   */
  public WhatIf.Result forecast(LocalDate asOf, Map<String, String> overrides) {
    Map<String, String> settings = new HashMap<>(conf);
    settings.putAll(overrides);
    return WhatIf.forecast(lake, Settings.from(settings), asOf);
  }

  /**
   * The market estimate from the published evidence known on {@code asOf}, refitted in process with
   * the session's settings (the same fit, seed and tables as the forecast stage's; nothing is written).
   */
  public EvidenceModel.Result evidence(LocalDate asOf) {
    return EvidenceModel.estimate(MarketEvidence.knownClaims(lake, asOf),
        MarketEvidence.config(Settings.from(conf), asOf));
  }

  /** The evidence chart of the forecast report: every claim by measure, the fitted path and its band. */
  public BufferedImage evidenceChart(EvidenceModel.Result evidence, LocalDate asOf) {
    return Charts.image(EvidenceReport.chart(asOf, evidence));
  }

  /** The share chart of the forecast report for {@code segment}, from the newest baseline rows in gold. */
  public BufferedImage shareChart(String segment) {
    Dataset<Row> estimates = lake.read(ForecastTables.CROSSOVER_LATEST, ForecastStage.NAME)
        .where(col("segment").equalTo(segment).and(col("model").equalTo(LogisticShareModel.NAME)));
    List<Row> estimate = estimates.collectAsList();
    if (estimate.isEmpty()) {
      throw Errors.unknownSegment(segment, lake.read(ForecastTables.CROSSOVER_LATEST, ForecastStage.NAME)
          .select("segment").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    }
    java.sql.Date asOf = estimate.get(0).getAs("as_of");
    List<ForecastPoint> points = lake.read(ForecastTables.CROSSOVER_FORECAST, ForecastStage.NAME)
        .where(col("as_of").equalTo(asOf).and(col("segment").equalTo(segment))
            .and(coalesce(col("model"), lit(LogisticShareModel.NAME)).equalTo(LogisticShareModel.NAME))
            .and(coalesce(col("scenario"), lit(Scenario.BASELINE)).equalTo(Scenario.BASELINE)))
        .orderBy("month").collectAsList().stream().map(Lakehouse::point).toList();
    return Charts.image(Report.shareChart(segment, asOf.toLocalDate(), points, estimate(estimate.get(0)),
        ForecastStage.publishedClaims(lake, asOf.toLocalDate())));
  }

  /** The share chart of a what-if forecast for {@code segment}, as the report draws it. */
  public BufferedImage shareChart(WhatIf.Result forecast, String segment) {
    return Charts.image(Report.shareChart(segment + ", " + forecast.scenario(), forecast.asOf(),
        forecast.points(segment), forecast.estimate(segment, LogisticShareModel.NAME),
        ForecastStage.publishedClaims(lake, forecast.asOf())));
  }

  private static ForecastPoint point(Row row) {
    return new ForecastPoint(row.getAs("segment"), row.getAs("model"), row.<java.sql.Date>getAs("month").toLocalDate(),
        row.<Boolean>getAs("is_history"), row.<Double>getAs("inference_share"), row.getAs("share_p10"),
        row.getAs("share_p90"), row.<Double>getAs("training_pflop_days"), row.<Double>getAs("inference_pflop_days"));
  }

  private static Estimate estimate(Row row) {
    return new Estimate(row.getAs("segment"), row.getAs("model"), row.getAs("status"),
        day(row.getAs("crossover_month_p10")), day(row.getAs("crossover_month_p50")),
        day(row.getAs("crossover_month_p90")), row.getAs("probability_within_horizon"),
        row.<Integer>getAs("observations"), row.getAs("fit_r2"), row.getAs("fit_rmse"), row.getAs("drivers"),
        row.getAs("flags"));
  }

  private static LocalDate day(java.sql.Date date) {
    return date == null ? null : date.toLocalDate();
  }
}
