package io.crossover.forecast;

import java.io.Serializable;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * A straight line {@code y = intercept + slope * x} fitted by weighted least squares (Commons Math
 * on the square-root-weighted system), with its weighted R² and residual RMSE.
 */
public record LinearFit(double intercept, double slope, double r2, double rmse) implements Serializable {

  public static LinearFit weighted(double[] x, double[] y, double[] w) {
    int n = x.length;
    double[] yw = new double[n];
    double[][] xw = new double[n][2];
    for (int i = 0; i < n; i++) {
      double root = Math.sqrt(w[i]);
      yw[i] = root * y[i];
      xw[i][0] = root;
      xw[i][1] = root * x[i];
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.setNoIntercept(true);
    ols.newSampleData(yw, xw);
    double[] beta = ols.estimateRegressionParameters();
    return withMetrics(beta[0], beta[1], x, y, w);
  }

  public static LinearFit ordinary(double[] x, double[] y) {
    double[] ones = new double[x.length];
    java.util.Arrays.fill(ones, 1.0);
    return weighted(x, y, ones);
  }

  public double at(double x) {
    return intercept + slope * x;
  }

  private static LinearFit withMetrics(double a, double b, double[] x, double[] y, double[] w) {
    double weightSum = 0;
    double mean = 0;
    for (int i = 0; i < x.length; i++) {
      weightSum += w[i];
      mean += w[i] * y[i];
    }
    mean /= weightSum;
    double residual = 0;
    double total = 0;
    for (int i = 0; i < x.length; i++) {
      double e = y[i] - (a + b * x[i]);
      residual += w[i] * e * e;
      total += w[i] * (y[i] - mean) * (y[i] - mean);
    }
    double r2 = total == 0 ? 1.0 : 1.0 - residual / total;
    return new LinearFit(a, b, r2, Math.sqrt(residual / weightSum));
  }
}
