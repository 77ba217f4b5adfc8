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

  private final double[] t;
  private final double[] totals;
  private final DriverPath[] paths;
  private final double[][] design;
  private final Regression share;
  private final LinearFit total;
  private final double[] pearsonResidual;
  private final double[] totalResidual;

  /** The model on time alone. */
  public LogisticShareModel(History history, int origin) {
    this(history, origin, List.of(), Scenario.NONE);
  }

  /**
   * The model on time and those of {@code drivers} the history supports (a value in every month
   * and some variation); {@link #drivers()} says which were used.
   */
  public LogisticShareModel(History history, int origin, List<Driver> drivers, Scenario scenario) {
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
    List<DriverPath> usable = new ArrayList<>();
    for (Driver driver : drivers) {
      DriverPath path = DriverPath.of(driver, history.months(), history.driver(driver), origin, scenario);
      if (path != null) {
        usable.add(path);
      }
    }
    Regression fit;
    DriverPath[] chosen = usable.toArray(DriverPath[]::new);
    try {
      fit = fitShare(designOf(t, chosen), observed, totals);
    } catch (SingularMatrixException collinear) {
      chosen = new DriverPath[0];
      fit = fitShare(designOf(t, chosen), observed, totals);
    }
    paths = chosen;
    design = designOf(t, paths);
    share = fit;
    total = LinearFit.ordinary(t, logTotal);
    pearsonResidual = new double[n];
    totalResidual = new double[n];
    for (int i = 0; i < n; i++) {
      double mu = Curves.logistic(share.at(design[i]));
      pearsonResidual[i] = (observed[i] - mu) * Math.sqrt(totals[i] / (mu * (1 - mu)));
      totalResidual[i] = logTotal[i] - total.at(t[i]);
    }
  }

  /** Rows {@code [1, t, driver(t)...]}. */
  private static double[][] designOf(double[] t, DriverPath[] paths) {
    double[][] design = new double[t.length][];
    for (int i = 0; i < t.length; i++) {
      design[i] = row(t[i], paths);
    }
    return design;
  }

  static double[] row(double t, DriverPath[] paths) {
    double[] row = new double[2 + paths.length];
    row[0] = 1.0;
    row[1] = t;
    for (int k = 0; k < paths.length; k++) {
      row[2 + k] = paths[k].at(t);
    }
    return row;
  }

  /** Quasi-binomial logistic regression of {@code share} on the design, weights {@code total}, by IRLS. */
  static Regression fitShare(double[][] design, double[] share, double[] total) {
    int n = share.length;
    double[] z = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      double s = Math.min(1 - CLIP, Math.max(CLIP, share[i]));
      z[i] = Math.log(s / (1 - s));
      w[i] = total[i] * s * (1 - s);
    }
    double[] beta = iterate(design, share, total, Regression.coefficients(design, z, w), z, w);
    workingResponse(design, share, total, beta, z, w);
    return Regression.weighted(design, z, w);
  }

  /**
   * IRLS steps from {@code beta} until the coefficients move less than {@link #TOLERANCE} (at most
   * {@link #IRLS_ITERATIONS}); {@code z} and {@code w} are scratch space.
   */
  private static double[] iterate(double[][] design, double[] share, double[] total, double[] beta, double[] z,
      double[] w) {
    for (int iteration = 0; iteration < IRLS_ITERATIONS; iteration++) {
      workingResponse(design, share, total, beta, z, w);
      double[] next = Regression.coefficients(design, z, w);
      double change = 0;
      for (int j = 0; j < beta.length; j++) {
        change = Math.max(change, Math.abs(next[j] - beta[j]));
      }
      beta = next;
      if (change < TOLERANCE) {
        break;
      }
    }
    return beta;
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
    return new Fitted(share.beta(), paths, total.intercept(), total.slope());
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
    double[] beta = iterate(design, shareStar, totals, share.beta(), new double[n], new double[n]);
    LinearFit d = LinearFit.ordinary(t, totalStar);
    return new Fitted(beta, paths, d.intercept(), d.slope());
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

  /** logit(share) = beta · [1, t, driver(t)...], log(total) = c + d·t. */
  record Fitted(double[] beta, DriverPath[] paths, double c, double d) implements Curves {
    @Override
    public double share(double t) {
      double eta = beta[0] + beta[1] * t;
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
