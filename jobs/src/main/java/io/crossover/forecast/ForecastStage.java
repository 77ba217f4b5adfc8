package io.crossover.forecast;

import static org.apache.spark.sql.functions.col;

import io.crossover.forecast.evidence.EvidenceModel;
import io.crossover.forecast.evidence.MarketEvidence;
import io.crossover.lake.Lake;
import io.crossover.lake.Lineage;
import io.crossover.lake.RunContext;
import io.crossover.lake.SqlLiterals;
import io.crossover.lake.StageReport;
import io.crossover.lake.TableSpec;
import io.crossover.lake.TableStat;
import io.crossover.lake.WriteResult;
import io.crossover.panel.Demand;
import io.crossover.panel.GoldTables;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * gold/market_panel to the crossover tables. Each segment is fitted and bootstrapped inside one
 * task (one Spark stage for all segments, no job per segment); the market is then summed
 * bottom-up from the segments of the first segment column, replicate by replicate.
 */
public final class ForecastStage {
  public static final String NAME = "forecast";
  public static final int MIN_OBSERVATIONS = 12;
  /** Segments listed in the HTML report beside the market. */
  private static final int REPORT_SEGMENTS = 200;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ForecastStage.class);

  private ForecastStage() {}

  /** The last complete month on the run date: t = 0 of every fit. */
  public static int origin(LocalDate runDate) {
    boolean monthComplete = runDate.getDayOfMonth() == runDate.lengthOfMonth();
    return Months.index(runDate) - (monthComplete ? 0 : 1);
  }

  public static StageReport run(RunContext run) {
    Lake lake = run.lake();
    StageReport report = new StageReport(NAME);
    var settings = run.settings();
    Scenario scenario = Scenario.of(settings);
    ForecastConfig config = new ForecastConfig(run.runDate().toString(), origin(run.runDate()),
        settings.horizonMonths(), settings.bootstrap(), settings.blockMonths(), MIN_OBSERVATIONS,
        Driver.of(settings.drivers()), scenario);
    Lineage inputs = lake.lineage(List.of(GoldTables.MARKET_PANEL, GoldTables.SHARE_EVIDENCE),
        "runDate=" + run.runDate(), "horizon=" + config.horizonMonths(), "bootstrap=" + config.replicates(),
        "block=" + config.blockMonths(), "drivers=" + settings.drivers(), "segments=" + settings.segments(),
        "scenario=" + scenario.name(), String.join(";", MarketEvidence.fingerprintSettings(settings)));
    if (lake.isCurrent(ForecastTables.CROSSOVER_ESTIMATE, inputs)) {
      for (TableSpec table : ForecastTables.ALL) {
        if (!table.equals(ForecastTables.CROSSOVER_LATEST) && !table.equals(ForecastTables.BACKTEST_METRICS)
            && lake.exists(table)) {
          report.table(TableStat.of(lake.unchanged(table), 0, 0));
        }
      }
      return report;
    }
    Dataset<Row> panel = PanelHistory.completeMonths(lake, run.runDate(), config.origin(), NAME);
    MarketAssembly.Fitted fitted = MarketAssembly.fit(panel, config, settings.segments(), false);
    Dataset<Forecaster.SegmentForecast> forecasts = fitted.segments();
    try {
      List<Forecaster.SegmentForecast> extra = new ArrayList<>(fitted.summedMarket());
      Optional<EvidenceModel.Result> evidence = Optional.empty();
      if (scenario.equals(Scenario.NONE)) {
        evidence = MarketEvidence.fitAndWrite(lake, settings, run.runDate(), run.runId(), inputs, report);
        evidence.ifPresent(e -> extra.add(new Forecaster.SegmentForecast(EvidenceModel.SEGMENT,
            List.of(e.estimate()), e.path(), List.of())));
      }
      Date asOf = Date.valueOf(run.runDate());
      String runId = run.runId();
      String scenarioName = scenario.name();
      FlatMapFunction<Forecaster.SegmentForecast, Row> estimateRows = f -> f.estimates().stream()
          .map(e -> estimateRow(runId, asOf, scenarioName, e)).iterator();
      FlatMapFunction<Forecaster.SegmentForecast, Row> pointRows = f -> f.points().stream()
          .map(p -> pointRow(runId, asOf, scenarioName, p)).iterator();
      Dataset<Forecaster.SegmentForecast> all = forecasts.union(
          lake.spark().createDataset(extra, Encoders.javaSerialization(Forecaster.SegmentForecast.class)));
      String predicate = rowsOf(run.runDate(), scenario);
      WriteResult points = lake.replaceWhere(ForecastTables.CROSSOVER_FORECAST,
          all.flatMap(pointRows, Encoders.row(ForecastTables.CROSSOVER_FORECAST.schema())), predicate, inputs);
      WriteResult estimates = lake.replaceWhere(ForecastTables.CROSSOVER_ESTIMATE,
          all.flatMap(estimateRows, Encoders.row(ForecastTables.CROSSOVER_ESTIMATE.schema())), predicate, inputs);
      report.table(TableStat.of(estimates, 0, 0));
      report.table(TableStat.of(points, 0, 0));
      report.table(TableStat.of(writeLatest(lake), 0, 0));
      noteUnusedDrivers(report, settings.drivers(), forecasts);
      writeReport(run, scenario, forecasts, fitted.summedMarket(), evidence);
    } finally {
      forecasts.unpersist();
    }
    return report;
  }

  /**
   * gold/crossover_latest: the baseline estimates of the newest run date (a backfill does not replace
   * them), from every run's estimates, including those a concurrent run wrote after this one's.
   */
  private static WriteResult writeLatest(Lake lake) {
    return lake.overwrite(ForecastTables.CROSSOVER_LATEST, () -> {
      Dataset<Row> baseline = lake.readLatest(ForecastTables.CROSSOVER_ESTIMATE)
          .where(org.apache.spark.sql.functions.coalesce(col("scenario"), org.apache.spark.sql.functions.lit(
              Scenario.BASELINE)).equalTo(Scenario.BASELINE));
      return baseline.where(col("as_of").equalTo(baseline.selectExpr("max(as_of)").first().getDate(0)));
    }, lake.lineage(List.of()).consuming(ForecastTables.CROSSOVER_ESTIMATE.name(),
        lake.latestVersion(ForecastTables.CROSSOVER_ESTIMATE)));
  }

  /**
   * Fits and bootstraps every segment of {@code panel} inside executors, one group per segment: rows
   * of segment, month, training_pflop_days, inference_pflop_days, capital, capacity (complete months
   * up to the origin). Segments starting with {@code keepCurvesPrefix} keep their replicate curves
   * (for the bottom-up market sum, or for a what-if to show).
   */
  public static Dataset<Forecaster.SegmentForecast> fitSegments(Dataset<Row> panel, ForecastConfig config,
      String keepCurvesPrefix) {
    FlatMapGroupsFunction<String, Row, Forecaster.SegmentForecast> fit = (segment, rows) -> List.of(
        Forecaster.forecastSegment(PanelHistory.of(segment, rows), config,
            keepCurvesPrefix != null && segment.startsWith(keepCurvesPrefix))).iterator();
    return panel
        .groupByKey((MapFunction<Row, String>) row -> row.getString(0), Encoders.STRING())
        .flatMapGroups(fit, Encoders.javaSerialization(Forecaster.SegmentForecast.class));
  }

  /** Says when a configured driver was left out of every segment's fit (no value in some month, or constant). */
  private static void noteUnusedDrivers(StageReport report, List<String> configured,
      Dataset<Forecaster.SegmentForecast> forecasts) {
    if (configured.isEmpty()) {
      return;
    }
    List<String> used = forecasts.flatMap((FlatMapFunction<Forecaster.SegmentForecast, String>) f -> f.estimates()
        .stream().flatMap(e -> java.util.Arrays.stream(e.drivers().split(","))).filter(d -> !d.isEmpty()).iterator(),
        Encoders.STRING()).distinct().collectAsList();
    for (String driver : configured) {
      if (!used.contains(driver)) {
        report.note("driver " + driver + " was left out of every fit: gold/market_panel lacks it in some fitted"
            + " month or it does not vary (docs/forecast.md, Drivers)");
      }
    }
  }

  /** The rows a forecast of {@code runDate} under {@code scenario} replaces (rows from before scenarios count as baseline). */
  static String rowsOf(LocalDate runDate, Scenario scenario) {
    return "as_of = " + SqlLiterals.date(runDate) + " AND coalesce(scenario, " + SqlLiterals.string(Scenario.BASELINE)
        + ") = " + SqlLiterals.string(scenario.name());
  }

  /** The report folder under the lake: reports/<run date>/, and scenarios/<name>/ inside it for a what-if. */
  public static String reportFolder(LocalDate runDate, Scenario scenario) {
    String folder = "reports/" + runDate + "/";
    return scenario.equals(Scenario.NONE) ? folder : folder + "scenarios/" + scenario.name().replace(',', '_') + "/";
  }

  /**
   * crossover.png and crossover.html in the report folder: the telemetry market chart and the
   * estimates; evidence.png and the evidence sections when the public evidence was fitted.
   */
  private static void writeReport(RunContext run, Scenario scenario, Dataset<Forecaster.SegmentForecast> forecasts,
      List<Forecaster.SegmentForecast> market, Optional<EvidenceModel.Result> evidence) {
    Forecaster.SegmentForecast all = market.isEmpty()
        ? forecasts.filter((org.apache.spark.api.java.function.FilterFunction<Forecaster.SegmentForecast>)
            f -> f.segment().equals(Demand.ALL_SEGMENT)).collectAsList().stream().findFirst().orElse(null)
        : market.get(0);
    List<Estimate> estimates = new ArrayList<>();
    evidence.ifPresent(e -> estimates.add(e.estimate()));
    if (all != null) {
      estimates.addAll(all.estimates());
    }
    forecasts.limit(REPORT_SEGMENTS).collectAsList().stream()
        .filter(f -> !f.segment().equals(Demand.ALL_SEGMENT))
        .sorted(java.util.Comparator.comparing(Forecaster.SegmentForecast::segment))
        .forEach(f -> estimates.addAll(f.estimates()));
    List<Report.Claim> claims = publishedClaims(run.lake(), run.runDate());
    Estimate primary = all == null || all.estimates().isEmpty() ? null : all.estimates().get(0);
    String folder = reportFolder(run.runDate(), scenario);
    String png = run.lake().writeFile(folder + "crossover.png", Report.chartPng(run.runDate(),
        all == null ? List.of() : all.points(), primary, claims));
    evidence.ifPresent(e -> run.lake().writeFile(folder + "evidence.png", EvidenceReport.chartPng(run.runDate(), e)));
    run.lake().writeFile(folder + "crossover.html", Report.html(run.runDate(), run.runId(), scenario.name(), estimates,
        claims, latestBacktest(run), run.settings().landing(), evidence.map(EvidenceReport::html).orElse("")));
    LOG.info("report written: {} and crossover.html beside it", png);
  }

  /** The comparison of the newest backtest on or before the run date, if one was run. */
  private static List<Row> latestBacktest(RunContext run) {
    if (!run.lake().exists(ForecastTables.BACKTEST_METRICS)) {
      return List.of();
    }
    Dataset<Row> metrics = run.lake().read(ForecastTables.BACKTEST_METRICS, BacktestStage.NAME)
        .where(col("as_of").leq(Date.valueOf(run.runDate())));
    Row newest = metrics.selectExpr("max(as_of)").first();
    if (newest.isNullAt(0)) {
      return List.of();
    }
    return BacktestStage.comparison(metrics.where(col("as_of").equalTo(newest.getDate(0)))).collectAsList();
  }

  /**
   * The published evidence known on {@code asOf} (silver/share_evidence, bounds left out), placed at
   * the middle of the period each claim is about and labelled with its measure and scope.
   */
  public static List<Report.Claim> publishedClaims(Lake lake, LocalDate asOf) {
    if (!lake.exists(io.crossover.refine.SilverTables.SHARE_EVIDENCE)) {
      return List.of();
    }
    List<Report.Claim> claims = new ArrayList<>();
    Dataset<Row> known = lake.read(io.crossover.refine.SilverTables.SHARE_EVIDENCE, "refine")
        .where(col("published_on").leq(Date.valueOf(asOf)).and(col("kind").notEqual("bound")))
        .orderBy("period_start", "source");
    for (Row row : known.collectAsList()) {
      LocalDate start = row.<Date>getAs("period_start").toLocalDate();
      LocalDate end = row.<Date>getAs("period_end").toLocalDate();
      LocalDate middle = start.plusDays(java.time.temporal.ChronoUnit.DAYS.between(start, end) / 2);
      claims.add(new Report.Claim(row.getAs("source") + " (" + row.getAs("measure") + ", " + row.getAs("scope") + ", "
          + row.getAs("kind") + ")", middle, row.<Double>getAs("inference_share")));
    }
    return claims;
  }

  private static Row estimateRow(String runId, Date asOf, String scenario, Estimate e) {
    return RowFactory.create(runId, asOf, e.segment(), e.status(), date(e.p10()), date(e.p50()), date(e.p90()),
        e.probabilityWithinHorizon(), e.model(), e.observations(), e.fitR2(), e.fitRmse(), e.drivers(), scenario,
        e.probabilityCrossed(), e.evidenceRows(), e.evidenceSources(), e.flags());
  }

  private static Row pointRow(String runId, Date asOf, String scenario, ForecastPoint p) {
    return RowFactory.create(runId, asOf, p.segment(), p.model(), Date.valueOf(p.month()), p.isHistory(), p.inferenceShare(),
        p.shareP10(), p.shareP90(), p.trainingPflopDays(), p.inferencePflopDays(), scenario);
  }

  private static Date date(LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }
}
