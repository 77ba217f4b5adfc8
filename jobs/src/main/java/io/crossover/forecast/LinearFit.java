package io.crossover.forecast;

import java.io.Serializable;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * A straight line {@code y = intercept + slope * x} fitted by weighted least squares, with its weighted R² and RMSE.
 *
 * @param fixedSlope the slope was given, not fitted (only the intercept was)
 */
public record LinearFit(double intercept, double slope, double r2, double rmse, boolean fixedSlope)
    implements Serializable {

  public LinearFit(double intercept, double slope, double r2, double rmse) {
    this(intercept, slope, r2, rmse, false);
  }

  /** The line of the given slope through the points' mean: a short series that borrows its growth. */
  public static LinearFit withSlope(double[] x, double[] y, double slope) {
    double intercept = 0;
    for (int i = 0; i < x.length; i++) {
      intercept += y[i] - slope * x[i];
    }
    intercept /= x.length;
    double squares = 0;
    for (int i = 0; i < x.length; i++) {
      double e = y[i] - intercept - slope * x[i];
      squares += e * e;
    }
    return new LinearFit(intercept, slope, Double.NaN, Math.sqrt(squares / x.length), true);
  }

  public static LinearFit weighted(double[] x, double[] y, double[] w) {
    double[][] design = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      design[i] = new double[] {1.0, x[i]};
    }
    Regression fit = Regression.weighted(design, y, w);
    return new LinearFit(fit.beta()[0], fit.beta()[1], fit.r2(), fit.rmse());
  }

  /** Ordinary least squares by Commons Math's SimpleRegression (one pass, no matrices). */
  public static LinearFit ordinary(double[] x, double[] y) {
    SimpleRegression fit = new SimpleRegression();
    for (int i = 0; i < x.length; i++) {
      fit.addData(x[i], y[i]);
    }
    double r2 = fit.getTotalSumSquares() == 0 ? 1.0 : fit.getRSquare();
    return new LinearFit(fit.getIntercept(), fit.getSlope(), r2, Math.sqrt(fit.getSumSquaredErrors() / x.length));
  }

  public double at(double x) {
    return intercept + slope * x;
  }
}
