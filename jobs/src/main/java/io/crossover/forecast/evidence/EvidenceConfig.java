package io.crossover.forecast.evidence;

import java.io.Serializable;

/**
 * What an evidence fit needs besides the claims.
 *
 * @param runDate seeds the replicates, so the same inputs and run date give the same tables
 * @param origin the last complete month before the run date
 * @param horizonMonths how far past the origin a crossover counts as within the horizon
 * @param replicates source-bootstrap replicates
 * @param offsetScale prior standard deviation of each measure and scope offset (logit)
 * @param includeForecasts whether analysts' forecasts are fitted as observations (they are always scored)
 */
public record EvidenceConfig(String runDate, int origin, int horizonMonths, int replicates, double offsetScale,
    boolean includeForecasts) implements Serializable {

  public int horizonEnd() {
    return origin + horizonMonths;
  }
}
