package io.crossover.forecast;

import java.io.Serializable;

/**
 * What every segment's forecast shares.
 *
 * @param origin the last complete month before the run date (t = 0)
 * @param horizonMonths how far past the origin to look for the crossover
 */
public record ForecastConfig(String runDate, int origin, int horizonMonths, int replicates, int blockMonths,
    int minObservations) implements Serializable {

  public int horizonEnd() {
    return origin + horizonMonths;
  }
}
