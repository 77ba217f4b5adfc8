package io.crossover.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * What a user should look at before trusting a segment's dates: checks of the share fit's
 * assumptions on its own residuals. docs/forecast.md (Status and flags) says what to do about each.
 */
public final class Flags {
  /** The share's trend changed slope: the logistic's one slope does not describe the history. */
  public static final String SLOPE_BREAK = "slope_break";
  /** Neighbouring months' residuals move together: the interval rests on fewer independent months than it shows. */
  public static final String AUTOCORRELATED = "autocorrelated";
  /** Months without compute between the first and the last: the history is shorter than its count. */
  public static final String GAPS = "gaps";
  /** Under the history minimum: the trend leans on the market's (partial pooling). */
  public static final String POOLED = "pooled";
  /**
   * The share's trend is slowing: a damped logit trend timed the history's levels better at rolling
   * origins than the logistic's straight one, and the dates come from it ({@link TrendChoice}).
   */
  public static final String DAMPED = "damped";
  /** The fit's iterations did not settle; the dates rest on the observed share only. */
  public static final String NOT_CONVERGED = "not_converged";

  /**
   * Andrews' (1993) 1% critical value of the sup-F statistic for one break parameter, 15% trimming:
   * the largest F over every candidate break month is compared with it, not the single-test 6.6.
   */
  static final double SLOPE_BREAK_CRITICAL_F = 12.16;
  static final double TRIMMING = 0.15;
  /** Lag-one autocorrelation above this many standard errors (1/√n) of an independent series flags. */
  static final double AUTOCORRELATION_SE = 2.0;

  private Flags() {}

  /** The flags of one segment's share fit, comma-separated in a fixed order. */
  static String of(History history, LogisticShareModel model, boolean pooled) {
    List<String> flags = new ArrayList<>();
    if (!pooled && slopeBreakStatistic(model) > SLOPE_BREAK_CRITICAL_F) {
      flags.add(SLOPE_BREAK);
    }
    if (lagOneAutocorrelation(history.months(), model.pearsonResiduals())
        > AUTOCORRELATION_SE / Math.sqrt(history.size())) {
      flags.add(AUTOCORRELATED);
    }
    if (hasGaps(history.months())) {
      flags.add(GAPS);
    }
    if (pooled) {
      flags.add(POOLED);
    }
    if (!model.converged()) {
      flags.add(NOT_CONVERGED);
    }
    return String.join(",", flags);
  }

  static boolean hasGaps(int[] months) {
    return months.length > 0 && months[months.length - 1] - months[0] + 1 != months.length;
  }

  /** Lag-one autocorrelation of the residuals over pairs of consecutive calendar months. */
  static double lagOneAutocorrelation(int[] months, double[] residuals) {
    double mean = java.util.Arrays.stream(residuals).average().orElse(0);
    double lagged = 0;
    double squares = 0;
    for (int i = 0; i < residuals.length; i++) {
      double e = residuals[i] - mean;
      squares += e * e;
      if (i > 0 && months[i] == months[i - 1] + 1) {
        lagged += e * (residuals[i - 1] - mean);
      }
    }
    return squares == 0 ? 0 : lagged / squares;
  }

  /**
   * The largest F statistic, over break months within the trimmed middle of the history, for adding
   * a hinge {@code max(0, t - τ)} to the share's design: how much a change of slope at τ reduces the
   * Pearson χ² against the χ² left per degree of freedom, scaled by (1 − ρ)/(1 + ρ) for a lag-one
   * autocorrelation ρ > 0 of the hinged fit's residuals: persistent noise makes a bend in the trend
   * look likely, and its months count for fewer independent ones. The quasi-binomial dispersion cancels.
   */
  static double slopeBreakStatistic(LogisticShareModel model) {
    double[][] design = model.observedDesign();
    double[] share = model.observedShares();
    double[] totals = model.relativeTotals();
    int n = share.length;
    int p = design[0].length;
    int trim = Math.max(p + 1, (int) Math.ceil(TRIMMING * n));
    if (n - 2 * trim < 1 || n <= p + 2) {
      return 0;
    }
    double restricted = sumOfSquares(model.pearsonResiduals());
    double largest = 0;
    for (int k = trim; k < n - trim; k++) {
      double[][] hinged = withHinge(design, design[k][1]);
      LogisticShareModel.ShareFit fit = LogisticShareModel.fitShare(hinged, share, totals);
      double[] residuals = Residuals.pearson(fit.regression().beta(), hinged, share, totals);
      double unrestricted = sumOfSquares(residuals);
      double rho = Math.max(0, lagOneAutocorrelation(model.months(), residuals));
      if (fit.converged() && unrestricted > 0) {
        largest = Math.max(largest, (restricted - unrestricted) / (unrestricted / (n - p - 1)) * (1 - rho) / (1 + rho));
      }
    }
    return largest;
  }

  private static double[][] withHinge(double[][] design, double breakAt) {
    double[][] hinged = new double[design.length][];
    for (int i = 0; i < design.length; i++) {
      hinged[i] = java.util.Arrays.copyOf(design[i], design[i].length + 1);
      hinged[i][design[i].length] = Math.max(0, design[i][1] - breakAt);
    }
    return hinged;
  }

  private static double sumOfSquares(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v * v;
    }
    return sum;
  }
}
