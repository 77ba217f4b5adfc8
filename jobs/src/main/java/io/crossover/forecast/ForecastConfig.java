package io.crossover.forecast;

import java.io.Serializable;
import java.util.List;

/**
 * What every segment's forecast shares.
 *
 * @param origin the last complete month before the run date (t = 0)
 * @param horizonMonths how far past the origin to look for the crossover
 * @param drivers drivers the share model adds to its trend, where a segment's history supports them
 * @param scenario what-if paths of the drivers after the origin
 * @param historyStart the market's first month: the calendar every segment's bootstrap blocks are
 *     drawn on, so all segments share them; {@link #OWN_HISTORY} for each segment's own first month
 * @param pooling the market's trend a short segment leans on; null when short segments are not fitted
 */
public record ForecastConfig(String runDate, int origin, int horizonMonths, int replicates, int blockMonths,
    int minObservations, List<Driver> drivers, Scenario scenario, int historyStart,
    LogisticShareModel.Pooling pooling) implements Serializable {

  public static final int OWN_HISTORY = Integer.MIN_VALUE;

  /** A forecast on time alone. */
  public ForecastConfig(String runDate, int origin, int horizonMonths, int replicates, int blockMonths,
      int minObservations) {
    this(runDate, origin, horizonMonths, replicates, blockMonths, minObservations, List.of(), Scenario.NONE);
  }

  public ForecastConfig(String runDate, int origin, int horizonMonths, int replicates, int blockMonths,
      int minObservations, List<Driver> drivers, Scenario scenario) {
    this(runDate, origin, horizonMonths, replicates, blockMonths, minObservations, drivers, scenario, OWN_HISTORY,
        null);
  }

  /** This configuration on the market's calendar, with short segments leaning on the market's trend. */
  public ForecastConfig onMarket(int marketStart, LogisticShareModel.Pooling marketTrend) {
    return new ForecastConfig(runDate, origin, horizonMonths, replicates, blockMonths, minObservations, drivers,
        scenario, marketStart, marketTrend);
  }

  public int horizonEnd() {
    return origin + horizonMonths;
  }
}
