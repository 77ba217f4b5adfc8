package io.crossover.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * The primary model: {@code logit(share) = a + b·t (+ Σ γ·driver(t))} fitted as a quasi-binomial
 * logistic regression (iteratively reweighted least squares, weights {@code total·s·(1−s)}: busy
 * months and months near one half count more), and {@code log(total) = c + d·t} by least squares.
 * Fitting the share itself rather than the logit of noisy observed shares avoids the bias that
 * pushes a projected crossover late. Bootstrap replicates resample the Pearson residuals of the
 * share and the residuals of the total with the same block indices, so their correlation survives.
 */
public final class LogisticShareModel implements Model {
  public static final String NAME = "logistic_share";
  /** Observed shares of exactly 0 or 1 are moved this far inside for the first, log-odds fit. */
  private static final double CLIP = 1e-4;
  private static final int IRLS_ITERATIONS = 25;
  /** IRLS stops when no coefficient moves more than this. */
  private static final double TOLERANCE = 1e-10;

  private final int[] months;
  private final double[] t;
  private final double[] totals;
  private final double[] observed;
  private final double meanTotal;
  private final DriverPath[] paths;
  private final double[][] design;
  private final Regression share;
  private final LinearFit total;
  private final SlopePrior prior;
  private final boolean converged;
  private final double[] pearsonResidual;
  private final Clock clock;
  private final double[] totalResidual;

  /** The model on time alone. */
  public LogisticShareModel(History history, int origin) {
    this(history, origin, List.of(), Scenario.NONE);
  }

  public LogisticShareModel(History history, int origin, List<Driver> drivers, Scenario scenario) {
    this(history, origin, drivers, scenario, null);
  }

  /**
   * The model on time and those of {@code drivers} the history supports (a value in every month
   * and some variation); {@link #drivers()} says which were used. With {@code pooling}, the share's
   * slope is shrunk toward the parent's and the total grows at the parent's rate: a short history
   * borrows the trend it cannot show on its own.
   */
  public LogisticShareModel(History history, int origin, List<Driver> drivers, Scenario scenario, Pooling pooling) {
    this(history, origin, drivers, scenario, pooling, Clock.LINEAR);
  }

  /** The model on time alone, its trend read on {@code clock}. */
  LogisticShareModel(History history, int origin, Clock clock) {
    this(history, origin, List.of(), Scenario.NONE, null, clock);
  }

  private LogisticShareModel(History history, int origin, List<Driver> drivers, Scenario scenario, Pooling pooling,
      Clock clock) {
    this.clock = clock;
    int n = history.size();
    months = history.months().clone();
    t = new double[n];
    totals = new double[n];
    observed = new double[n];
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
    meanTotal = mean;
    for (int i = 0; i < n; i++) {
      totals[i] /= mean;
    }
    prior = pooling == null ? null : new SlopePrior(pooling.shareSlope(), pooling.priorWeight(mean));
    List<DriverPath> usable = new ArrayList<>();
    for (Driver driver : drivers) {
      DriverPath path = DriverPath.of(driver, history.months(), history.driver(driver), origin, scenario);
      if (path != null) {
        usable.add(path);
      }
    }
    ShareFit fit;
    DriverPath[] chosen = usable.toArray(DriverPath[]::new);
    try {
      fit = fitShare(withPrior(designOf(t, clock, chosen), prior), observed, totals, prior);
    } catch (SingularMatrixException collinear) {
      chosen = new DriverPath[0];
      fit = fitShare(withPrior(designOf(t, clock, chosen), prior), observed, totals, prior);
    }
    paths = chosen;
    design = withPrior(designOf(t, clock, paths), prior);
    share = fit.regression();
    converged = fit.converged();
    total = pooling == null ? LinearFit.ordinary(t, logTotal) : LinearFit.withSlope(t, logTotal, pooling.totalSlope());
    pearsonResidual = Residuals.leverageAdjusted(Residuals.pearson(share.beta(), design, observed, totals),
        Residuals.leverages(share.beta(), design, totals, prior == null ? 0 : prior.weight()));
    totalResidual = Residuals.leverageAdjusted(Residuals.ofLine(total, t, logTotal), Residuals.lineLeverages(t));
  }

  /** How a short segment leans on its parent: the parent's share slope and total growth, and its dispersion. */
  public record Pooling(double shareSlope, double totalSlope, double parentDispersion, double parentMeanTotal)
      implements java.io.Serializable {
    /** A slope this far (logit per month) from the parent's is one standard deviation of the prior. */
    static final double SLOPE_SD = 0.05;

    /**
     * The prior's weight in the working least squares: the segment's dispersion over the prior's
     * variance. Binomial-like counts make a segment's dispersion grow as its volume shrinks.
     */
    double priorWeight(double segmentMeanTotal) {
      return parentDispersion * parentMeanTotal / segmentMeanTotal / (SLOPE_SD * SLOPE_SD);
    }
  }

  /** A normal prior on the share's slope, as one pseudo-observation of the slope with this weight. */
  record SlopePrior(double slope, double weight) implements java.io.Serializable {}

  /** The share fit and whether its iterations settled. */
  record ShareFit(Regression regression, boolean converged) {}

  /** The design with the prior's pseudo-row {@code [0, 1, 0...]} appended. */
  private static double[][] withPrior(double[][] design, SlopePrior prior) {
    if (prior == null) {
      return design;
    }
    double[][] augmented = java.util.Arrays.copyOf(design, design.length + 1);
    double[] row = new double[design[0].length];
    row[1] = 1.0;
    augmented[design.length] = row;
    return augmented;
  }

  /** Rows {@code [1, clock(t), driver(t)...]}. */
  private static double[][] designOf(double[] t, Clock clock, DriverPath[] paths) {
    double[][] design = new double[t.length][];
    for (int i = 0; i < t.length; i++) {
      design[i] = row(t[i], clock, paths);
    }
    return design;
  }

  static double[] row(double t, Clock clock, DriverPath[] paths) {
    double[] row = new double[2 + paths.length];
    row[0] = 1.0;
    row[1] = clock.at(t);
    for (int k = 0; k < paths.length; k++) {
      row[2 + k] = paths[k].at(t);
    }
    return row;
  }

  /**
   * Quasi-binomial logistic regression of {@code share} on the design, weights {@code total}, by IRLS;
   * with a prior, the design's last row is its pseudo-observation.
   */
  static ShareFit fitShare(double[][] design, double[] share, double[] total, SlopePrior prior) {
    int n = share.length;
    double[] z = new double[design.length];
    double[] w = new double[design.length];
    for (int i = 0; i < n; i++) {
      double s = Math.min(1 - CLIP, Math.max(CLIP, share[i]));
      z[i] = Math.log(s / (1 - s));
      w[i] = total[i] * s * (1 - s);
    }
    placePrior(prior, z, w, n);
    Irls irls = iterate(design, share, total, Regression.coefficients(design, z, w), z, w, prior);
    workingResponse(design, share, total, irls.beta(), z, w);
    return new ShareFit(Regression.weighted(design, z, w), irls.converged());
  }

  static ShareFit fitShare(double[][] design, double[] share, double[] total) {
    return fitShare(design, share, total, null);
  }

  private static void placePrior(SlopePrior prior, double[] z, double[] w, int n) {
    if (prior != null) {
      z[n] = prior.slope();
      w[n] = prior.weight();
    }
  }

  /** Coefficients after IRLS and whether they settled within {@link #IRLS_ITERATIONS} steps. */
  record Irls(double[] beta, boolean converged) {}

  /**
   * IRLS steps from {@code beta} until the coefficients move less than {@link #TOLERANCE} (at most
   * {@link #IRLS_ITERATIONS}); {@code z} and {@code w} are scratch space.
   */
  private static Irls iterate(double[][] design, double[] share, double[] total, double[] beta, double[] z,
      double[] w, SlopePrior prior) {
    for (int iteration = 0; iteration < IRLS_ITERATIONS; iteration++) {
      workingResponse(design, share, total, beta, z, w);
      placePrior(prior, z, w, share.length);
      double[] next = Regression.coefficients(design, z, w);
      double change = 0;
      for (int j = 0; j < beta.length; j++) {
        change = Math.max(change, Math.abs(next[j] - beta[j]));
      }
      beta = next;
      if (change < TOLERANCE) {
        return new Irls(beta, java.util.Arrays.stream(beta).allMatch(Double::isFinite));
      }
    }
    return new Irls(beta, false);
  }

  private static void workingResponse(double[][] design, double[] share, double[] total, double[] beta, double[] z,
      double[] w) {
    for (int i = 0; i < share.length; i++) {
      double eta = Regression.predict(beta, design[i]);
      double mu = Math.min(1 - 1e-9, Math.max(1e-9, Curves.logistic(eta)));
      double variance = mu * (1 - mu);
      z[i] = eta + (share[i] - mu) / variance;
      w[i] = total[i] * variance;
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String drivers() {
    return java.util.Arrays.stream(paths).map(p -> p.driver().label()).collect(Collectors.joining(","));
  }

  @Override
  public Curves fitted() {
    return new Fitted(share.beta(), paths, clock, total.intercept(), total.slope());
  }

  @Override
  public int[] months() {
    return months.clone();
  }

  @Override
  public Curves replicate(int[] indices) {
    int n = t.length;
    double[] shareStar = new double[n];
    double[] totalStar = new double[n];
    for (int i = 0; i < n; i++) {
      double mu = Curves.logistic(share.at(design[i]));
      double draw = mu + pearsonResidual[indices[i]] * Math.sqrt(mu * (1 - mu) / totals[i]);
      shareStar[i] = Math.min(1.0, Math.max(0.0, draw));
      totalStar[i] = total.at(t[i]) + totalResidual[indices[i]];
    }
    double[] beta = iterate(design, shareStar, totals, share.beta(), new double[design.length],
        new double[design.length], prior).beta();
    LinearFit d = total.fixedSlope() ? LinearFit.withSlope(t, totalStar, total.slope()) : LinearFit.ordinary(t, totalStar);
    return new Fitted(beta, paths, clock, d.intercept(), d.slope());
  }

  @Override
  public boolean converged() {
    return converged;
  }

  /** This fit as the trend short segments lean on: its slopes, and its dispersion per unit of its mean total. */
  public Pooling asParent() {
    double dispersion = pearsonChiSquare() / Math.max(1, t.length - share.beta().length);
    return new Pooling(share.beta()[1], total.slope(), dispersion, meanTotal);
  }

  /** The share fit's coefficients: logit(share) = beta · [1, clock(t), driver(t)...]. */
  double[] shareCoefficients() {
    return share.beta().clone();
  }

  Clock clock() {
    return clock;
  }

  /** The Pearson χ² of the share fit: how far the observed shares sit from it, in units of their variance. */
  double pearsonChiSquare() {
    double sum = 0;
    for (double r : pearsonResiduals()) {
      sum += r * r;
    }
    return sum;
  }

  /** Pearson residuals of the share fit, in month order, before the leverage adjustment. */
  double[] pearsonResiduals() {
    return Residuals.pearson(share.beta(), observedDesign(), observed, totals);
  }

  /** The design rows of the observed months (without the prior's pseudo-row). */
  double[][] observedDesign() {
    return java.util.Arrays.copyOf(design, t.length);
  }

  double[] observedShares() {
    return observed;
  }

  double[] relativeTotals() {
    return totals;
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

  /** logit(share) = beta · [1, clock(t), driver(t)...], log(total) = c + d·t. */
  record Fitted(double[] beta, DriverPath[] paths, Clock clock, double c, double d) implements Curves {
    @Override
    public double share(double t) {
      double eta = beta[0] + beta[1] * clock.at(t);
      for (int k = 0; k < paths.length; k++) {
        eta += beta[2 + k] * paths[k].at(t);
      }
      return Curves.logistic(eta);
    }

    @Override
    public double total(double t) {
      return Math.exp(c + d * t);
    }
  }
}
