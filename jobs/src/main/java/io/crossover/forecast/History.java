package io.crossover.forecast;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One segment's observed complete months, oldest first: month index, training and inference
 * PFLOP-days, and the raw driver values of each month (indexed by {@link Driver#ordinal()}, NaN
 * where the panel has none). Months with no compute at all are left out.
 */
public record History(String segment, int[] months, double[] training, double[] inference, double[][] drivers)
    implements Serializable {

  /** A history without driver values. */
  public History(String segment, int[] months, double[] training, double[] inference) {
    this(segment, months, training, inference, missingDrivers(months.length));
  }

  public int size() {
    return months.length;
  }

  public int lastMonth() {
    return months[months.length - 1];
  }

  public double total(int i) {
    return training[i] + inference[i];
  }

  public double share(int i) {
    return inference[i] / total(i);
  }

  public double[] driver(Driver driver) {
    return drivers[driver.ordinal()];
  }

  /** The months up to and including {@code month}. */
  public History upTo(int month) {
    int n = 0;
    while (n < size() && months[n] <= month) {
      n++;
    }
    double[][] kept = new double[drivers.length][];
    for (int d = 0; d < drivers.length; d++) {
      kept[d] = Arrays.copyOf(drivers[d], n);
    }
    return new History(segment, Arrays.copyOf(months, n), Arrays.copyOf(training, n), Arrays.copyOf(inference, n), kept);
  }

  private static double[][] missingDrivers(int n) {
    double[][] missing = new double[Driver.values().length][n];
    for (double[] values : missing) {
      Arrays.fill(values, Double.NaN);
    }
    return missing;
  }
}
