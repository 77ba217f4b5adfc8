package io.crossover.forecast;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One row of gold/crossover_estimate, before the run id, as-of date and scenario are added.
 *
 * @param drivers drivers the share model used beside time, comma-separated; empty for none
 */
public record Estimate(String segment, String model, String status, LocalDate p10, LocalDate p50, LocalDate p90,
    Double probabilityWithinHorizon, int observations, Double fitR2, Double fitRmse, String drivers)
    implements Serializable {

  public static final String CROSSED = "crossed";
  public static final String PROJECTED = "projected";
  public static final String BEYOND_HORIZON = "beyond_horizon";
  public static final String INSUFFICIENT_HISTORY = "insufficient_history";
}
