package io.crossover.forecast.evidence;

import io.crossover.forecast.Months;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * One published claim of the inference share, as the evidence model reads it (a row of
 * gold/share_evidence).
 *
 * @param kind observation, forecast or bound
 * @param relation {@code =} for a value, {@code >=} or {@code <=} for a bound
 * @param status confirmed, press_report or estimate: how much noise the model allows it
 * @param low low end of a published range, or null
 * @param high high end of a published range, or null
 */
public record Claim(String source, String measure, String scope, LocalDate periodStart, LocalDate periodEnd,
    String kind, String relation, double share, Double low, Double high, String status, LocalDate publishedOn)
    implements Serializable {

  public static final String OBSERVATION = "observation";
  public static final String FORECAST = "forecast";
  public static final String BOUND = "bound";
  public static final String REFERENCE_MEASURE = "compute_share";
  public static final String REFERENCE_SCOPE = "market";

  public boolean isBound() {
    return kind.equals(BOUND);
  }

  /** A copy with another share: what a bootstrap replicate observes. */
  public Claim withShare(double replicateShare) {
    return new Claim(source, measure, scope, periodStart, periodEnd, kind, relation, replicateShare, low, high,
        status, publishedOn);
  }

  /** The months the period covers, and each month's weight (its days in the period over the period's days). */
  public double[][] monthWeights() {
    int first = Months.index(periodStart);
    int last = Months.index(periodEnd);
    double[][] weights = new double[2][last - first + 1];
    double days = periodEnd.toEpochDay() - periodStart.toEpochDay() + 1;
    for (int m = first; m <= last; m++) {
      LocalDate from = m == first ? periodStart : Months.start(m);
      LocalDate to = m == last ? periodEnd : Months.start(m + 1).minusDays(1);
      weights[0][m - first] = m;
      weights[1][m - first] = (to.toEpochDay() - from.toEpochDay() + 1) / days;
    }
    return weights;
  }
}
