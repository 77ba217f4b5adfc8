package io.crossover.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The forecasts a model has to beat in the backtest, each with an 80% interval from its own past
 * errors: the last share carried forward, and a straight line fitted to the share.
 */
final class NaiveBaselines {
  static final String LAST_SHARE = "naive_last_share";
  static final String LINEAR_TREND = "naive_linear_trend";
  /** Fewer past errors than this give no interval. */
  static final int MIN_ERRORS = 5;

  private NaiveBaselines() {}

  /** A baseline's share for one month, its interval (null when too few past errors) and crossing month. */
  record Prediction(double share, Double p10, Double p90, Integer crossingMonth) {}

  /**
   * The last known share, with the 10th and 90th percentiles of the history's own
   * {@code horizon}-month changes (on the logit scale) around it; it never crosses.
   */
  static Prediction lastShare(History known, int horizon) {
    double last = known.share(known.size() - 1);
    List<Double> changes = new ArrayList<>();
    for (int i = 0; i < known.size(); i++) {
      int later = Arrays.binarySearch(known.months(), known.months()[i] + horizon);
      if (later >= 0) {
        changes.add(Curves.logit(known.share(later)) - Curves.logit(known.share(i)));
      }
    }
    if (changes.size() < MIN_ERRORS) {
      return new Prediction(last, null, null, null);
    }
    double[] sorted = changes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new Prediction(last, Curves.logistic(Curves.logit(last) + Forecaster.quantile(sorted, 0.1)),
        Curves.logistic(Curves.logit(last) + Forecaster.quantile(sorted, 0.9)), null);
  }

  /**
   * A least-squares line through the share over the known months, read {@code horizon} months after
   * the last, with the 10th and 90th percentiles of its residuals around it (clipped to 0..1); it
   * crosses where the line rises through one half.
   */
  static Prediction linearTrend(History known, int cutoff, int horizon) {
    int n = known.size();
    double[] t = new double[n];
    double[] shares = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = known.months()[i] - cutoff;
      shares[i] = known.share(i);
    }
    LinearFit line = LinearFit.ordinary(t, shares);
    double predicted = clip(line.at(horizon));
    Integer crossing = line.slope() > 0 ? cutoff + (int) Math.round((0.5 - line.intercept()) / line.slope()) : null;
    if (n < MIN_ERRORS) {
      return new Prediction(predicted, null, null, crossing);
    }
    double[] residuals = new double[n];
    for (int i = 0; i < n; i++) {
      residuals[i] = shares[i] - line.at(t[i]);
    }
    Arrays.sort(residuals);
    return new Prediction(predicted, clip(line.at(horizon) + Forecaster.quantile(residuals, 0.1)),
        clip(line.at(horizon) + Forecaster.quantile(residuals, 0.9)), crossing);
  }

  private static double clip(double share) {
    return Math.min(1, Math.max(0, share));
  }
}
