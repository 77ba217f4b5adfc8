package io.crossover.forecast;

import java.io.Serializable;

/**
 * Fitted monthly demand of one segment as functions of t, months after the forecast origin: the
 * inference share and the total PFLOP-days. Predicted inference is total × share.
 */
public interface Curves extends Serializable {
  double share(double t);

  double total(double t);

  default double inference(double t) {
    return total(t) * share(t);
  }

  default double training(double t) {
    return total(t) * (1 - share(t));
  }

  static double logistic(double x) {
    return 1.0 / (1.0 + Math.exp(-x));
  }

  /** The logit of a share held 1e-4 inside 0..1, so a month with no training or no inference stays finite. */
  static double logit(double share) {
    double inside = Math.min(1 - 1e-4, Math.max(1e-4, share));
    return Math.log(inside / (1 - inside));
  }
}
