package io.crossover.forecast;

/**
 * The primary model: {@code logit(share) = a + b·t} fitted as a quasi-binomial logistic regression
 * (iteratively reweighted least squares, weights {@code total·s·(1−s)}: busy months and months near
 * one half count more), and {@code log(total) = c + d·t} by least squares. Fitting the share itself
 * rather than the logit of noisy observed shares avoids the bias that pushes a projected crossover
 * late. Bootstrap replicates resample the Pearson residuals of the share and the residuals of the
 * total with the same block indices, so their correlation survives.
 */
public final class LogisticShareModel implements Model {
  public static final String NAME = "logistic_share";
  /** Observed shares of exactly 0 or 1 are moved this far inside for the first, log-odds fit. */
  private static final double CLIP = 1e-4;
  private static final int IRLS_ITERATIONS = 8;

  private final double[] t;
  private final double[] totals;
  private final LinearFit share;
  private final LinearFit total;
  private final double[] pearsonResidual;
  private final double[] totalResidual;

  public LogisticShareModel(History history, int origin) {
    int n = history.size();
    t = new double[n];
    totals = new double[n];
    double[] observed = new double[n];
    double[] logTotal = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      t[i] = history.months()[i] - origin;
      totals[i] = history.total(i);
      observed[i] = history.share(i);
      logTotal[i] = Math.log(totals[i]);
      mean += totals[i];
    }
    mean /= n;
    for (int i = 0; i < n; i++) {
      totals[i] /= mean;
    }
    share = fitShare(t, observed, totals);
    total = LinearFit.ordinary(t, logTotal);
    pearsonResidual = new double[n];
    totalResidual = new double[n];
    for (int i = 0; i < n; i++) {
      double mu = Curves.logistic(share.at(t[i]));
      pearsonResidual[i] = (observed[i] - mu) * Math.sqrt(totals[i] / (mu * (1 - mu)));
      totalResidual[i] = logTotal[i] - total.at(t[i]);
    }
  }

  /** Quasi-binomial logistic regression of {@code share} on {@code t}, weights {@code total}, by IRLS. */
  static LinearFit fitShare(double[] t, double[] share, double[] total) {
    int n = t.length;
    double[] z = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      double s = Math.min(1 - CLIP, Math.max(CLIP, share[i]));
      z[i] = Math.log(s / (1 - s));
      w[i] = total[i] * s * (1 - s);
    }
    LinearFit fit = LinearFit.weighted(t, z, w);
    for (int iteration = 0; iteration < IRLS_ITERATIONS; iteration++) {
      for (int i = 0; i < n; i++) {
        double eta = fit.at(t[i]);
        double mu = Math.min(1 - 1e-9, Math.max(1e-9, Curves.logistic(eta)));
        double variance = mu * (1 - mu);
        z[i] = eta + (share[i] - mu) / variance;
        w[i] = total[i] * variance;
      }
      fit = LinearFit.weighted(t, z, w);
    }
    return fit;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Curves fitted() {
    return new Fitted(share.intercept(), share.slope(), total.intercept(), total.slope());
  }

  @Override
  public Curves replicate(int[] indices) {
    int n = t.length;
    double[] shareStar = new double[n];
    double[] totalStar = new double[n];
    for (int i = 0; i < n; i++) {
      double mu = Curves.logistic(share.at(t[i]));
      double draw = mu + pearsonResidual[indices[i]] * Math.sqrt(mu * (1 - mu) / totals[i]);
      shareStar[i] = Math.min(1.0, Math.max(0.0, draw));
      totalStar[i] = total.at(t[i]) + totalResidual[indices[i]];
    }
    LinearFit s = fitShare(t, shareStar, totals);
    LinearFit d = LinearFit.ordinary(t, totalStar);
    return new Fitted(s.intercept(), s.slope(), d.intercept(), d.slope());
  }

  @Override
  public int observations() {
    return t.length;
  }

  @Override
  public double r2() {
    return share.r2();
  }

  @Override
  public double rmse() {
    return share.rmse();
  }

  /** logit(share) = a + b·t, log(total) = c + d·t. */
  record Fitted(double a, double b, double c, double d) implements Curves {
    @Override
    public double share(double t) {
      return Curves.logistic(a + b * t);
    }

    @Override
    public double total(double t) {
      return Math.exp(c + d * t);
    }
  }
}
