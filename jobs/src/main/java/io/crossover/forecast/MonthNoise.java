package io.crossover.forecast;

import java.util.SplittableRandom;

/**
 * A month's scatter around the fitted trend: the residuals of the last {@link #RECENT_MONTHS} months
 * on the logit scale (observed minus fitted, centred), one drawn at random for each replicate and
 * forecast month. Recent months only, because how much a share scatters depends on its level
 * (more on the logit scale near 0 or 1 for a share of many jobs, more near 1 for noise proportional
 * to the share) and the forecast months sit nearer the recent level than the early one. Only each
 * month's own distribution enters the band's percentiles, so the draws need not keep the residuals'
 * order. Shares of exactly 0 or 1 are held a little inside so their logit is finite.
 */
final class MonthNoise {
  /** The stream the draws come from, with the run date. */
  static final String STREAM = "month-noise";
  static final int RECENT_MONTHS = 36;

  private final double[] residuals;
  private final SplittableRandom random;

  private MonthNoise(double[] residuals, SplittableRandom random) {
    this.residuals = residuals;
    this.random = random;
  }

  static MonthNoise of(History history, Curves fitted, ForecastConfig config) {
    int first = Math.max(0, history.size() - RECENT_MONTHS);
    int n = history.size() - first;
    double[] residuals = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      double t = history.months()[first + i] - config.origin();
      residuals[i] = Curves.logit(history.share(first + i)) - Curves.logit(fitted.share(t));
      mean += residuals[i] / n;
    }
    for (int i = 0; i < n; i++) {
      residuals[i] -= mean;
    }
    return new MonthNoise(residuals, new SplittableRandom(BlockBootstrap.seed(config.runDate(), STREAM)));
  }

  /** {@code share} moved by one drawn residual on the logit scale. */
  double around(double share) {
    if (residuals.length == 0) {
      return share;
    }
    return Curves.logistic(Curves.logit(share) + residuals[random.nextInt(residuals.length)]);
  }
}
