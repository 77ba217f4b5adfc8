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
 */
public record ForecastConfig(String runDate, int origin, int horizonMonths, int replicates, int blockMonths,
    int minObservations, List<Driver> drivers, Scenario scenario) implements Serializable {

  /** A forecast on time alone. */
  public ForecastConfig(String runDate, int origin, int horizonMonths, int replicates, int blockMonths,
      int minObservations) {
    this(runDate, origin, horizonMonths, replicates, blockMonths, minObservations, List.of(), Scenario.NONE);
  }

  public int horizonEnd() {
    return origin + horizonMonths;
  }
}
