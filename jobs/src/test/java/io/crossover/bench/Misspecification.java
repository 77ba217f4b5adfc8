package io.crossover.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a {@link MisspecifiedLanding}'s true share or its noise departs from what the telemetry model
 * assumes (one logistic trend, independent quasi-binomial noise). {@link #CLEAN} departs in nothing
 * and is the reference the others are read against.
 */
public enum Misspecification {
  /** Logistic share, independent noise: the model's own assumptions. */
  CLEAN,
  /** The logit's slope triples at a month in the middle of the history. */
  SLOPE_BREAK,
  /** Logistic with an upper asymptote of 0.45: the share never reaches one half. */
  PLATEAU,
  /** A Gompertz curve: its logit is not a straight line in time. */
  GOMPERTZ,
  /** Logit noise that persists from month to month, AR(1) with ρ = 0.6. */
  AR1,
  /** A 12-month seasonal term on the logit. */
  SEASONAL,
  /** Logit noise with a component common to all regions, correlation 0.5 between regions. */
  COMMON_SHOCKS;

  /** The name on the command line and in the table. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Misspecification of(String label) {
    return Arrays.stream(values()).filter(m -> m.label().equals(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown scenario " + label + "; one of "
            + Arrays.stream(values()).map(Misspecification::label).toList()));
  }
}
