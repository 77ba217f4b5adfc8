package io.crossover.forecast;

import java.io.Serializable;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Weighted least squares {@code y ≈ design · beta} (Commons Math QR on the square-root-weighted
 * system; the design carries its own intercept column), with the weighted R² and residual RMSE.
 */
public record Regression(double[] beta, double r2, double rmse) implements Serializable {

  public static Regression weighted(double[][] design, double[] y, double[] w) {
    int n = y.length;
    int p = design[0].length;
    double[] yw = new double[n];
    double[][] xw = new double[n][p];
    for (int i = 0; i < n; i++) {
      double root = Math.sqrt(w[i]);
      yw[i] = root * y[i];
      for (int j = 0; j < p; j++) {
        xw[i][j] = root * design[i][j];
      }
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.setNoIntercept(true);
    ols.newSampleData(yw, xw);
    double[] beta = ols.estimateRegressionParameters();
    double weightSum = 0;
    double mean = 0;
    for (int i = 0; i < n; i++) {
      weightSum += w[i];
      mean += w[i] * y[i];
    }
    mean /= weightSum;
    double residual = 0;
    double total = 0;
    for (int i = 0; i < n; i++) {
      double e = y[i] - predict(beta, design[i]);
      residual += w[i] * e * e;
      total += w[i] * (y[i] - mean) * (y[i] - mean);
    }
    return new Regression(beta, total == 0 ? 1.0 : 1.0 - residual / total, Math.sqrt(residual / weightSum));
  }

  public double at(double[] row) {
    return predict(beta, row);
  }

  private static double predict(double[] beta, double[] row) {
    double value = 0;
    for (int j = 0; j < beta.length; j++) {
      value += beta[j] * row[j];
    }
    return value;
  }
}
