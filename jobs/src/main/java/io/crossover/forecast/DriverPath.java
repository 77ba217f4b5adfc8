package io.crossover.forecast;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One driver's regressor as a function of t (months after the origin): the observed values up to
 * the origin (months without a value take the nearest earlier one), then the projection.
 *
 * @param first month index of {@code observed[0]}
 * @param observed regressor values for the months {@code first .. origin}
 */
public record DriverPath(Driver driver, int origin, int first, double[] observed, double rawAtOrigin, double perMonth)
    implements Serializable {

  /**
   * The path of {@code driver} through a history whose months are {@code months} and raw values
   * {@code raw} (NaN where missing), continued past {@code origin} by its trend or the scenario.
   * Null when the history leaves the driver unusable: a missing value, or no variation to fit.
   */
  static DriverPath of(Driver driver, int[] months, double[] raw, int origin, Scenario scenario) {
    int n = months.length;
    if (n == 0 || Arrays.stream(raw).anyMatch(v -> !Double.isFinite(v))
        || Arrays.stream(raw).map(driver::regressor).distinct().count() < 2) {
      return null;
    }
    int first = months[0];
    double[] observed = new double[origin - first + 1];
    int at = 0;
    for (int m = first; m <= origin; m++) {
      while (at + 1 < n && months[at + 1] <= m) {
        at++;
      }
      observed[m - first] = driver.regressor(raw[at]);
    }
    double rawAtOrigin = raw[n - 1];
    double perMonth = scenario.override(driver)
        .map(value -> Driver.scenarioRate(driver, value))
        .orElseGet(() -> recentTrend(driver, months, raw, origin));
    double start = driver == Driver.CAPACITY ? scenario.override(driver).orElse(rawAtOrigin) : rawAtOrigin;
    return new DriverPath(driver, origin, first, observed, start, perMonth);
  }

  private static double recentTrend(Driver driver, int[] months, double[] raw, int origin) {
    int from = 0;
    while (from < months.length && months[from] <= origin - Driver.TREND_MONTHS) {
      from++;
    }
    double[] x = new double[months.length - from];
    for (int i = from; i < months.length; i++) {
      x[i - from] = months[i] - origin;
    }
    return driver.trend(x, Arrays.copyOfRange(raw, from, months.length));
  }

  /** The regressor at t months after the origin (t rounded to the month). */
  public double at(double t) {
    int offset = (int) Math.round(t);
    if (offset <= 0) {
      int index = Math.max(0, origin + offset - first);
      return observed[Math.min(index, observed.length - 1)];
    }
    return driver.regressor(driver.project(rawAtOrigin, perMonth, offset));
  }
}
