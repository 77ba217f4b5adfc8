package io.crossover.forecast;

import java.io.Serializable;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;

/**
 * Weighted least squares {@code y ≈ design · beta} (the design carries its own intercept column),
 * with the weighted R² and residual RMSE. The designs here have two to four columns, so the normal
 * equations are accumulated in one pass and solved by Commons Math's LU decomposition: an order of
 * magnitude cheaper than a QR of the full design, which matters at hundreds of refits per segment.
 */
public record Regression(double[] beta, double r2, double rmse) implements Serializable {

  public static Regression weighted(double[][] design, double[] y, double[] w) {
    double[] beta = coefficients(design, y, w);
    int n = y.length;
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

  /**
   * The coefficients alone: solves {@code (XᵀWX) beta = XᵀWy}.
   *
   * @throws org.apache.commons.math3.linear.SingularMatrixException when columns are collinear
   */
  public static double[] coefficients(double[][] design, double[] y, double[] w) {
    int p = design[0].length;
    double[][] xtx = new double[p][p];
    double[] xty = new double[p];
    for (int i = 0; i < y.length; i++) {
      double[] row = design[i];
      for (int j = 0; j < p; j++) {
        double wx = w[i] * row[j];
        xty[j] += wx * y[i];
        for (int k = 0; k <= j; k++) {
          xtx[j][k] += wx * row[k];
        }
      }
    }
    for (int j = 0; j < p; j++) {
      for (int k = j + 1; k < p; k++) {
        xtx[j][k] = xtx[k][j];
      }
    }
    return new LUDecomposition(new Array2DRowRealMatrix(xtx, false)).getSolver()
        .solve(new ArrayRealVector(xty, false)).toArray();
  }

  public double at(double[] row) {
    return predict(beta, row);
  }

  static double predict(double[] beta, double[] row) {
    double value = 0;
    for (int j = 0; j < beta.length; j++) {
      value += beta[j] * row[j];
    }
    return value;
  }
}
