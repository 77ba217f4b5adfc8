package io.crossover.bench;

import io.crossover.config.Settings;
import io.crossover.forecast.Estimate;
import io.crossover.forecast.ForecastConfig;
import io.crossover.forecast.ForecastStage;
import io.crossover.forecast.Forecaster;
import io.crossover.forecast.MarketAssembly;
import io.crossover.forecast.Months;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Fits a {@link MisspecifiedLanding} as the forecast stage does with its default settings
 * ({@code MarketAssembly}): every region bootstrapped on the market's calendar, short regions leaning
 * on the market's trend, and the market summed from the regions replicate by replicate. Only the
 * primary model's ({@code logistic_share}) estimates are kept.
 */
final class TelemetryFit {
  private TelemetryFit() {}

  /**
   * One estimate, its months as indices ({@link MisspecifiedLanding#NONE} where empty).
   *
   * @param flags the estimate's flags; null when the model has none to give
   */
  record Outcome(String status, int p10, int p50, int p90, Double probabilityWithinHorizon, List<String> flags) {
    static Outcome of(Estimate estimate) {
      return new Outcome(estimate.status(), month(estimate.p10()), month(estimate.p50()), month(estimate.p90()),
          estimate.probabilityWithinHorizon(),
          Arrays.stream(estimate.flags().split(",")).filter(f -> !f.isEmpty()).toList());
    }

    private static int month(LocalDate date) {
      return date == null ? MisspecifiedLanding.NONE : Months.index(date);
    }
  }

  record Fitted(List<Outcome> regions, Outcome market) {}

  static Fitted fit(MisspecifiedLanding.Landing landing, int replicates) {
    ForecastConfig config = new ForecastConfig(MisspecifiedLanding.RUN_DATE, MisspecifiedLanding.ORIGIN,
        MisspecifiedLanding.HORIZON_MONTHS, replicates, Settings.BLOCK_MONTHS.read(Settings.BLOCK_MONTHS.defaultValue()),
        ForecastStage.MIN_OBSERVATIONS);
    ForecastConfig onMarket = MarketAssembly.onMarketCalendar(landing.market(), config);
    List<Forecaster.SegmentForecast> regions = landing.regions().stream()
        .map(h -> Forecaster.forecastSegment(h, onMarket, true)).toList();
    List<Forecaster.SegmentForecast> parts = regions.stream().filter(f -> !f.curves().isEmpty()).toList();
    Forecaster.SegmentForecast market = Forecaster.forecastMarket(landing.market(), parts, onMarket);
    return new Fitted(regions.stream().map(f -> Outcome.of(f.estimates().get(0))).toList(),
        Outcome.of(market.estimates().get(0)));
  }
}
