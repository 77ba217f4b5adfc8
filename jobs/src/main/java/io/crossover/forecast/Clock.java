package io.crossover.forecast;

import java.io.Serializable;

/**
 * How the share's logit trend reads time t (months from the origin): linearly, or damped, its slope
 * shrinking by the factor {@code damping} a month, {@code (1 − φ^t)/(1 − φ)}. A damped trend levels
 * off at 1/(1 − φ) months' worth of today's slope, so a share that is slowing down need not reach one
 * half; at t = 0 both read 0 with slope about 1, so today's level and slope mean the same in both.
 */
record Clock(double damping) implements Serializable {
  static final Clock LINEAR = new Clock(1.0);

  double at(double t) {
    return damping == 1.0 ? t : (1 - Math.pow(damping, t)) / (1 - damping);
  }

  /** The time at which the clock reads {@code reading}; NaN when a damped clock never gets there. */
  double inverse(double reading) {
    if (damping == 1.0) {
      return reading;
    }
    double remaining = 1 - (1 - damping) * reading;
    return remaining <= 0 ? Double.NaN : Math.log(remaining) / Math.log(damping);
  }

  boolean isDamped() {
    return damping != 1.0;
  }
}
