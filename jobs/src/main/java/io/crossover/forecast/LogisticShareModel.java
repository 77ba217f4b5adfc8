package io.crossover.forecast;

/**
 * The primary model: {@code logit(share) = a + b·t} by weighted least squares, weights
 * {@code total·s·(1−s)} (the inverse variance of a logit share), and {@code log(total) = c + d·t}
 * by least squares. Bootstrap replicates resample the standardised residuals of both fits with
 * the same block indices, so their correlation survives.
 */
public final class LogisticShareModel implements Model {
  public static final String NAME = "logistic_share";
  /** Shares are clipped away from 0 and 1 before the logit; such months get little weight anyway. */
  private static final double CLIP = 1e-4;

  private final double[] t;
  private final double[] weight;
  private final LinearFit share;
  private final LinearFit total;
  private final double[] shareResidual;
  private final double[] totalResidual;
  private final double[] logitShare;
  private final double[] logTotal;

  public LogisticShareModel(History history, int origin) {
    int n = history.size();
    t = new double[n];
    weight = new double[n];
    logitShare = new double[n];
    logTotal = new double[n];
    double weightSum = 0;
    for (int i = 0; i < n; i++) {
      t[i] = history.months()[i] - origin;
      double s = Math.min(1 - CLIP, Math.max(CLIP, history.share(i)));
      logitShare[i] = Math.log(s / (1 - s));
      logTotal[i] = Math.log(history.total(i));
      weight[i] = history.total(i) * s * (1 - s);
      weightSum += weight[i];
    }
    for (int i = 0; i < n; i++) {
      weight[i] = weight[i] * n / weightSum;
    }
    share = LinearFit.weighted(t, logitShare, weight);
    total = LinearFit.ordinary(t, logTotal);
    shareResidual = new double[n];
    totalResidual = new double[n];
    for (int i = 0; i < n; i++) {
      shareResidual[i] = Math.sqrt(weight[i]) * (logitShare[i] - share.at(t[i]));
      totalResidual[i] = logTotal[i] - total.at(t[i]);
    }
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
      shareStar[i] = share.at(t[i]) + shareResidual[indices[i]] / Math.sqrt(weight[i]);
      totalStar[i] = total.at(t[i]) + totalResidual[indices[i]];
    }
    LinearFit s = LinearFit.weighted(t, shareStar, weight);
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
