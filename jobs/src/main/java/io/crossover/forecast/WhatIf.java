package io.crossover.forecast;

import io.crossover.config.Settings;
import io.crossover.errors.Errors;
import io.crossover.lake.Lake;
import io.crossover.panel.Demand;
import io.crossover.panel.GoldTables;
import io.crossover.panel.PanelStage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The forecast fitted in process on the lake's market panel and handed back instead of written:
 * what a notebook uses to try settings (drivers, scenarios, bootstrap size) and to look at the
 * bootstrap replicates behind an estimate. The same fit as the forecast stage, so a what-if with
 * the job's settings reproduces gold/crossover_estimate.
 */
public final class WhatIf {
  private WhatIf() {}

  /**
   * Fits every segment with {@code settings}, using the complete months before {@code asOf} of the
   * panel gold/market_panel holds now: an {@code asOf} before the panel's date shows the forecast
   * as it would have looked then (as the backtest does), on today's data.
   */
  public static Result forecast(Lake lake, Settings settings, LocalDate asOf) {
    LocalDate panelDate = lake.read(GoldTables.MARKET_PANEL, PanelStage.NAME).selectExpr("max(as_of)").first()
        .getDate(0).toLocalDate();
    if (asOf.isAfter(panelDate)) {
      throw Errors.inputNotAsOf(ForecastStage.NAME, GoldTables.MARKET_PANEL.name(),
          panelDate.toString(), asOf.toString());
    }
    Scenario scenario = Scenario.of(settings);
    ForecastConfig config = new ForecastConfig(asOf.toString(), ForecastStage.origin(asOf), settings.horizonMonths(),
        settings.bootstrap(), settings.blockMonths(), ForecastStage.MIN_OBSERVATIONS, Driver.of(settings.drivers()),
        scenario);
    Dataset<Row> panel = PanelHistory.completeMonths(lake, panelDate, config.origin(), ForecastStage.NAME);
    MarketAssembly.Fitted fitted = MarketAssembly.fit(panel, config, settings.segments(), true);
    List<Forecaster.SegmentForecast> forecasts = new ArrayList<>(fitted.segments().collectAsList());
    fitted.segments().unpersist();
    forecasts.addAll(fitted.summedMarket());
    forecasts.sort(java.util.Comparator.comparing((Forecaster.SegmentForecast f) -> !f.segment().equals(
        Demand.ALL_SEGMENT)).thenComparing(Forecaster.SegmentForecast::segment));
    return new Result(asOf, scenario.name(), config, forecasts);
  }

  /** Every segment's forecast under one set of settings; the market ('all') first. */
  public record Result(LocalDate asOf, String scenario, ForecastConfig config,
      List<Forecaster.SegmentForecast> forecasts) {

    public List<Estimate> estimates() {
      return forecasts.stream().flatMap(f -> f.estimates().stream()).toList();
    }

    public Estimate estimate(String segment, String model) {
      return segment(segment).estimates().stream().filter(e -> e.model().equals(model)).findFirst()
          .orElseThrow(() -> Errors.noReplicates(segment, model));
    }

    /** Observed months and the primary model's forecast months with their band. */
    public List<ForecastPoint> points(String segment) {
      return segment(segment).points();
    }

    /**
     * The crossover month of each bootstrap replicate of {@code model} (the distribution behind
     * p10, p50 and p90), earliest first; replicates that do not cross within the horizon are left
     * out (see probability_within_horizon).
     */
    public List<LocalDate> replicateCrossovers(String segment, String model) {
      Forecaster.SegmentForecast forecast = segment(segment);
      CurveSet curves = forecast.curves().stream().filter(c -> c.model().equals(model)).findFirst()
          .orElseThrow(() -> Errors.noReplicates(segment, model));
      int from = Months.index(forecast.points().get(0).month());
      return curves.replicates().stream().mapToInt(c -> Forecaster.crossingMonth(c, from, config))
          .filter(m -> m != Integer.MAX_VALUE).sorted().mapToObj(Months::start).toList();
    }

    private Forecaster.SegmentForecast segment(String segment) {
      return forecasts.stream().filter(f -> Objects.equals(f.segment(), segment)).findFirst()
          .orElseThrow(() -> Errors.unknownSegment(segment,
              forecasts.stream().map(Forecaster.SegmentForecast::segment).toList()));
    }
  }
}
