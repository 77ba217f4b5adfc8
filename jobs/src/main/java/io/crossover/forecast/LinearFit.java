package io.crossover.forecast;

import java.io.Serializable;

/** A straight line {@code y = intercept + slope * x} fitted by weighted least squares, with its weighted R² and RMSE. */
public record LinearFit(double intercept, double slope, double r2, double rmse) implements Serializable {

  public static LinearFit weighted(double[] x, double[] y, double[] w) {
    double[][] design = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      design[i] = new double[] {1.0, x[i]};
    }
    Regression fit = Regression.weighted(design, y, w);
    return new LinearFit(fit.beta()[0], fit.beta()[1], fit.r2(), fit.rmse());
  }

  public static LinearFit ordinary(double[] x, double[] y) {
    double[] ones = new double[x.length];
    java.util.Arrays.fill(ones, 1.0);
    return weighted(x, y, ones);
  }

  public double at(double x) {
    return intercept + slope * x;
  }
}
