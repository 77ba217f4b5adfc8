package io.crossover.forecast;

import static org.apache.spark.sql.functions.col;

import io.crossover.panel.Demand;
import java.util.List;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The one way the telemetry forecast is assembled, used by the forecast stage, the what-if and the
 * backtest: every segment is fitted on its own, and the market ('all') is summed bottom-up from the
 * segments of the first segment column only (a second column cuts the same compute again), or
 * fitted directly when no segment column is set.
 */
public final class MarketAssembly {
  private MarketAssembly() {}

  /** Segment forecasts (persisted; the caller unpersists) and the market summed from them. */
  public record Fitted(Dataset<Forecaster.SegmentForecast> segments, List<Forecaster.SegmentForecast> summedMarket) {}

  /** "region=" for segments region,org: the segments the market is the sum of; null when the market is fitted directly. */
  public static String partsPrefix(List<String> segmentColumns) {
    return segmentColumns.isEmpty() ? null : segmentColumns.get(0) + "=";
  }

  /** The panel rows fitted one segment at a time: all but the market when the market is summed. */
  public static Dataset<Row> fittedRows(Dataset<Row> panel, List<String> segmentColumns) {
    return partsPrefix(segmentColumns) == null ? panel : panel.where(col("segment").notEqual(Demand.ALL_SEGMENT));
  }

  /**
   * Fits the segments and sums the market.
   *
   * @param keepAllCurves keep every segment's replicate curves (a what-if shows them), not only the parts'
   */
  public static Fitted fit(Dataset<Row> panel, ForecastConfig config, List<String> segmentColumns,
      boolean keepAllCurves) {
    String prefix = partsPrefix(segmentColumns);
    if (prefix == null) {
      Dataset<Forecaster.SegmentForecast> segments = ForecastStage.fitSegments(panel, config, keepAllCurves ? "" : null)
          .persist(StorageLevel.MEMORY_AND_DISK());
      return new Fitted(segments, List.of());
    }
    History market = PanelHistory.of(Demand.ALL_SEGMENT,
        panel.where(col("segment").equalTo(Demand.ALL_SEGMENT)).collectAsList().iterator());
    ForecastConfig onMarket = onMarketCalendar(market, config);
    Dataset<Forecaster.SegmentForecast> segments = ForecastStage.fitSegments(fittedRows(panel, segmentColumns),
        onMarket, keepAllCurves ? "" : prefix).persist(StorageLevel.MEMORY_AND_DISK());
    List<Forecaster.SegmentForecast> parts = segments
        .filter((FilterFunction<Forecaster.SegmentForecast>) f -> f.segment().startsWith(prefix) && !f.curves().isEmpty())
        .collectAsList();
    return new Fitted(segments, List.of(Forecaster.forecastMarket(market, parts, onMarket)));
  }

  /**
   * Every segment bootstrapped on the market's calendar (shared blocks), and short segments leaning
   * on the market's own trend; unchanged when the market has too little history to lean on.
   */
  public static ForecastConfig onMarketCalendar(History market, ForecastConfig config) {
    if (market.size() < config.minObservations()) {
      return config;
    }
    return config.onMarket(market.months()[0], new LogisticShareModel(market, config.origin()).asParent());
  }
}
