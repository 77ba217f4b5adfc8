package io.crossover.forecast;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Residuals the bootstrap resamples. Each is divided by {@code sqrt(1 - h)}, its leverage
 * adjustment: a fitted line passes closer to the points at its ends, so raw residuals there
 * understate the noise and a bootstrap built on them is too narrow exactly where the forecast starts.
 */
final class Residuals {
  /** Leverage is capped here so a month that alone decides a coefficient does not blow its residual up. */
  private static final double MAX_LEVERAGE = 0.9;

  private Residuals() {}

  /** {@code (s - μ)·sqrt(total / (μ(1-μ)))} for each observed row (rows of {@code design} past the shares are ignored). */
  static double[] pearson(double[] beta, double[][] design, double[] share, double[] total) {
    double[] residuals = new double[share.length];
    for (int i = 0; i < share.length; i++) {
      double mu = Curves.logistic(Regression.predict(beta, design[i]));
      residuals[i] = (share[i] - mu) * Math.sqrt(total[i] / (mu * (1 - mu)));
    }
    return residuals;
  }

  /**
   * The diagonal of the IRLS hat matrix {@code W½X(XᵀWX)⁻¹XᵀW½} for the observed rows; the design
   * may carry a prior's pseudo-row of weight {@code priorWeight} after them, which takes part in
   * {@code XᵀWX} only.
   */
  static double[] leverages(double[] beta, double[][] design, double[] total, double priorWeight) {
    int n = total.length;
    double[] w = new double[design.length];
    for (int i = 0; i < design.length; i++) {
      double mu = Curves.logistic(Regression.predict(beta, design[i]));
      w[i] = i < n ? total[i] * mu * (1 - mu) : priorWeight;
    }
    return hatDiagonal(design, w, n);
  }

  /** Leverages of a straight line fitted by ordinary least squares on {@code x}. */
  static double[] lineLeverages(double[] x) {
    double[][] design = new double[x.length][];
    double[] w = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      design[i] = new double[] {1.0, x[i]};
      w[i] = 1.0;
    }
    return hatDiagonal(design, w, x.length);
  }

  static double[] ofLine(LinearFit line, double[] x, double[] y) {
    double[] residuals = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      residuals[i] = y[i] - line.at(x[i]);
    }
    return residuals;
  }

  /** {@code r / sqrt(1 - h)}, centred on zero so resampling adds no drift. */
  static double[] leverageAdjusted(double[] residuals, double[] leverages) {
    double[] adjusted = new double[residuals.length];
    double mean = 0;
    for (int i = 0; i < residuals.length; i++) {
      adjusted[i] = residuals[i] / Math.sqrt(1 - Math.min(MAX_LEVERAGE, leverages[i]));
      mean += adjusted[i] / residuals.length;
    }
    for (int i = 0; i < residuals.length; i++) {
      adjusted[i] -= mean;
    }
    return adjusted;
  }

  private static double[] hatDiagonal(double[][] design, double[] w, int rows) {
    int p = design[0].length;
    double[][] xtwx = new double[p][p];
    for (int i = 0; i < design.length; i++) {
      for (int j = 0; j < p; j++) {
        for (int k = 0; k < p; k++) {
          xtwx[j][k] += w[i] * design[i][j] * design[i][k];
        }
      }
    }
    double[] leverage = new double[rows];
    RealMatrix inverse;
    try {
      inverse = new LUDecomposition(new Array2DRowRealMatrix(xtwx, false)).getSolver().getInverse();
    } catch (org.apache.commons.math3.linear.SingularMatrixException tooFewRows) {
      java.util.Arrays.fill(leverage, MAX_LEVERAGE);
      return leverage;
    }
    for (int i = 0; i < rows; i++) {
      double[] x = design[i];
      double quadratic = 0;
      for (int j = 0; j < p; j++) {
        for (int k = 0; k < p; k++) {
          quadratic += x[j] * inverse.getEntry(j, k) * x[k];
        }
      }
      leverage[i] = w[i] * quadratic;
    }
    return leverage;
  }
}
