package io.crossover.forecast;

import org.apache.commons.math3.distribution.FDistribution;

/**
 * Whether the share is levelling off below one half: a logistic with an upper asymptote,
 * {@code share = A·logistic(a + b·t)}, profiled over A. The plain logistic has A = 1 and must reach
 * 1 eventually, so a share that plateaus at 0.45 would get a spurious crossover. The test compares
 * the best fit with A under one half against the best with A at one half or above, by the quasi-
 * binomial deviance and an F test (the dispersion estimated from the best fit): its p-value is how
 * well a curve that can still reach one half explains the history.
 */
final class Plateau {
  /** Asymptotes tried, from 0.20 to 1.00 by 0.01. */
  private static final double LOWEST = 0.20;
  private static final double STEP = 0.01;
  /** A plateau is declared when a curve that reaches one half explains the history this badly or worse. */
  static final double P_VALUE = 0.2;
  private static final double EDGE = 1e-6;

  private Plateau() {}

  /** The profile's best asymptote and the p-value of "the asymptote is one half or more". */
  record Test(double asymptote, double pValue) {
    boolean isPlateau() {
      return asymptote < Crossover.THRESHOLD && pValue < P_VALUE;
    }
  }

  /** The test on a history of {@code minMonths} months or more; null for a shorter one. */
  static Test of(History history, int origin, int minMonths) {
    int n = history.size();
    if (n < minMonths) {
      return null;
    }
    double[][] design = new double[n][];
    double[] shares = new double[n];
    double[] totals = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      design[i] = new double[] {1.0, history.months()[i] - origin};
      shares[i] = history.share(i);
      totals[i] = history.total(i);
      mean += totals[i] / n;
    }
    for (int i = 0; i < n; i++) {
      totals[i] /= mean;
    }
    double best = Double.POSITIVE_INFINITY;
    double bestAbove = Double.POSITIVE_INFINITY;
    double asymptote = 1.0;
    for (int k = 0; LOWEST + k * STEP <= 1.0 + 1e-9; k++) {
      double a = LOWEST + k * STEP;
      double deviance = deviance(design, shares, totals, a);
      if (deviance < best) {
        best = deviance;
        asymptote = a;
      }
      if (a >= Crossover.THRESHOLD) {
        bestAbove = Math.min(bestAbove, deviance);
      }
    }
    double dispersion = best / (n - 3);
    if (!(dispersion > 0) || !Double.isFinite(bestAbove)) {
      return new Test(asymptote, 1.0);
    }
    double f = (bestAbove - best) / dispersion;
    return new Test(asymptote, 1 - new FDistribution(1, n - 3).cumulativeProbability(f));
  }

  /** Binomial deviance (weights: relative totals) of the logistic fitted to share / a, scaled back by a. */
  private static double deviance(double[][] design, double[] shares, double[] totals, double a) {
    double[] scaled = new double[shares.length];
    for (int i = 0; i < shares.length; i++) {
      scaled[i] = Math.min(1.0, shares[i] / a);
    }
    LogisticShareModel.ShareFit fit = LogisticShareModel.fitShare(design, scaled, totals);
    if (!fit.converged()) {
      return Double.POSITIVE_INFINITY;
    }
    double deviance = 0;
    for (int i = 0; i < shares.length; i++) {
      double p = clip(a * Curves.logistic(fit.regression().at(design[i])));
      double s = shares[i];
      deviance += 2 * totals[i] * (term(s, p) + term(1 - s, 1 - p));
    }
    return deviance;
  }

  private static double term(double observed, double fitted) {
    return observed <= 0 ? 0 : observed * Math.log(observed / clip(fitted));
  }

  private static double clip(double p) {
    return Math.min(1 - EDGE, Math.max(EDGE, p));
  }
}
