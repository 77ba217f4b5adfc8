package io.crossover.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * How many months the share model's timing was off, measured on the segment's own history: a
 * time-only share trend refitted at every earlier cutoff with at least the history minimum, and for
 * each later observed month the months between when that fit said the share would reach that month's
 * level and when it did. A month's level is a local line through the logit of the shares within
 * {@link #LEVEL_RADIUS} months: a year's window, so a season and a month's scatter do not pass for
 * timing errors, and a line, so the last months' level does not lag a rising share. A crossing is such a timing at the level one half,
 * so these errors at the crossing's lead give a split-conformal p10–p90 that holds on this data
 * whether or not the curve is a logistic: a slope break, a Gompertz path or persistent noise show up
 * as errors the bootstrap of a right model cannot see.
 */
final class RollingOriginErrors {
  /** Fewer errors than this at a lead say too little about that lead; the longest lead with enough stands in, scaled. */
  static final int MIN_ERRORS = 10;
  /** Errors within this many months of the crossing's lead count for it. */
  static final int LEAD_WINDOW = 2;
  static final int LEVEL_RADIUS = 6;
  /** Below this logit slope per month a fit says the share is not rising, and times no level. */
  private static final double FLAT_SLOPE = 1e-6;
  /**
   * An error is counted as at most this many months: a damped fit that never reaches a level the share
   * reached is this early, not infinitely.
   */
  static final double LONGEST_ERROR = 120;

  private final List<List<Double>> byLead;

  private RollingOriginErrors(List<List<Double>> byLead) {
    this.byLead = byLead;
  }

  /**
   * The errors of {@code refit} at every cutoff from the history minimum to the month before the last;
   * empty for a short history.
   */
  static RollingOriginErrors of(History history, int origin, int minObservations,
      Function<History, LogisticShareModel> refit) {
    int n = history.size();
    double[] level = logitLevels(history);
    List<List<Double>> byLead = new ArrayList<>();
    for (int cut = minObservations - 1; cut < n - 1; cut++) {
      LogisticShareModel fit = refit.apply(history.upTo(history.months()[cut]));
      double[] beta = fit.shareCoefficients();
      if (!fit.converged() || beta[1] < FLAT_SLOPE) {
        continue;
      }
      for (int j = cut + 1; j < n; j++) {
        int lead = history.months()[j] - history.months()[cut];
        double reached = history.months()[j] - origin;
        double forecast = fit.clock().inverse((level[j] - beta[0]) / beta[1]);
        double error = Double.isNaN(forecast) ? -LONGEST_ERROR : reached - forecast;
        while (byLead.size() <= lead) {
          byLead.add(new ArrayList<>());
        }
        byLead.get(lead).add(Math.max(-LONGEST_ERROR, Math.min(LONGEST_ERROR, error)));
      }
    }
    return new RollingOriginErrors(byLead);
  }

  /** The mean absolute error over every cutoff and later month; infinite when there is none. */
  double meanAbsoluteError() {
    return byLead.stream().flatMap(List::stream).mapToDouble(Math::abs).average().orElse(Double.POSITIVE_INFINITY);
  }

  private static double[] logitLevels(History history) {
    int n = history.size();
    double[] level = new double[n];
    for (int j = 0; j < n; j++) {
      SimpleRegression line = new SimpleRegression();
      for (int i = 0; i < n; i++) {
        if (Math.abs(history.months()[i] - history.months()[j]) <= LEVEL_RADIUS) {
          line.addData(history.months()[i], Curves.logit(history.share(i)));
        }
      }
      level[j] = line.getN() > 2 ? line.predict(history.months()[j]) : Curves.logit(history.share(j));
    }
    return level;
  }

  /**
   * The p10–p90 of the crossing month around {@code p50}, a crossing {@code lead} months after the
   * last observed month: the errors within {@link #LEAD_WINDOW} of that lead, or, past the longest
   * lead with {@link #MIN_ERRORS}, those of that lead scaled by how much further the crossing is (a
   * slope that is off puts the timing off in proportion to the lead). Null when no lead has enough.
   */
  int[] interval(int p50, int lead) {
    int reach = Math.max(1, lead);
    double scale = 1;
    List<Double> errors = around(reach);
    while (errors.size() < MIN_ERRORS && reach > 1) {
      reach--;
      errors = around(reach);
      scale = (double) Math.max(1, lead) / reach;
    }
    if (errors.size() < MIN_ERRORS) {
      return null;
    }
    double[] sorted = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int count = sorted.length;
    int lower = Math.max(1, (int) Math.floor(0.1 * (count + 1)));
    int upper = Math.min(count, (int) Math.ceil(0.9 * (count + 1)));
    return new int[] {
        p50 + (int) Math.floor(scale * sorted[lower - 1]), p50 + (int) Math.ceil(scale * sorted[upper - 1])};
  }

  private List<Double> around(int lead) {
    List<Double> errors = new ArrayList<>();
    for (int l = Math.max(1, lead - LEAD_WINDOW); l <= lead + LEAD_WINDOW && l < byLead.size(); l++) {
      errors.addAll(byLead.get(l));
    }
    return errors;
  }
}
