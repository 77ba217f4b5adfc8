package io.crossover.forecast;

import java.util.Arrays;
import java.util.List;

/**
 * A market-wide monthly series the share model may add to its trend. Each driver enters the
 * regression on its own scale and, after the origin, follows its own recent trend unless a
 * scenario fixes its path.
 */
public enum Driver {
  /** Trailing-12-month capital raised by AI labs (USD); enters as log(1 + billions). */
  CAPITAL("capital"),
  /** Inference-designed share of installed accelerator capacity (0..1); enters as is. */
  CAPACITY("capacity");

  /** Months of recent history a driver's own trend is fitted on. */
  static final int TREND_MONTHS = 24;
  /** Fewer usable months than this and the driver's trend is flat. */
  static final int MIN_TREND_MONTHS = 6;

  private final String label;

  Driver(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Driver of(String label) {
    return Arrays.stream(values()).filter(d -> d.label.equals(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no driver " + label));
  }

  public static List<Driver> of(List<String> labels) {
    return labels.stream().map(Driver::of).toList();
  }

  /** The value the regression sees for a raw panel value. */
  double regressor(double raw) {
    return this == CAPITAL ? Math.log1p(raw / 1e9) : raw;
  }

  /**
   * The raw value {@code months} after the origin, from the value at the origin: capital grows at
   * a constant rate per month (log scale), the capacity share moves linearly and stays in [0, 1].
   */
  double project(double atOrigin, double perMonth, int months) {
    return this == CAPITAL
        ? atOrigin * Math.exp(perMonth * months)
        : Math.min(1.0, Math.max(0.0, atOrigin + perMonth * months));
  }

  /** The per-month change of the recent trend: log growth for capital, slope for the capacity share. */
  double trend(double[] months, double[] raw) {
    int n = 0;
    double[] x = new double[raw.length];
    double[] y = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      boolean usable = this == CAPITAL ? raw[i] > 0 : Double.isFinite(raw[i]);
      if (usable) {
        x[n] = months[i];
        y[n] = this == CAPITAL ? Math.log(raw[i]) : raw[i];
        n++;
      }
    }
    return n < MIN_TREND_MONTHS ? 0.0 : LinearFit.ordinary(Arrays.copyOf(x, n), Arrays.copyOf(y, n)).slope();
  }

  /** The per-month change a scenario value stands for: annual growth for capital, none for a held share. */
  static double scenarioRate(Driver driver, double value) {
    return driver == CAPITAL ? Math.log1p(value) / 12.0 : 0.0;
  }
}
