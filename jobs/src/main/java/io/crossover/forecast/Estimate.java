package io.crossover.forecast;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One row of gold/crossover_estimate, before the run id, as-of date and scenario are added.
 *
 * @param drivers drivers the share model used beside time, comma-separated; empty for none
 * @param probabilityCrossed share of replicates that cross by the run date (evidence model), else null
 * @param evidenceRows published claims fitted (evidence model), else null
 * @param evidenceSources sources of those claims (evidence model), else null
 * @param flags what a user should look at before trusting the dates, comma-separated (see {@link #SLOPE_BREAK}
 *     and the other flag names); empty for none
 */
public record Estimate(String segment, String model, String status, LocalDate p10, LocalDate p50, LocalDate p90,
    Double probabilityWithinHorizon, int observations, Double fitR2, Double fitRmse, String drivers,
    Double probabilityCrossed, Integer evidenceRows, Integer evidenceSources, String flags) implements Serializable {

  /** An estimate of a telemetry model. */
  public Estimate(String segment, String model, String status, LocalDate p10, LocalDate p50, LocalDate p90,
      Double probabilityWithinHorizon, int observations, Double fitR2, Double fitRmse, String drivers,
      String flags) {
    this(segment, model, status, p10, p50, p90, probabilityWithinHorizon, observations, fitR2, fitRmse, drivers,
        null, null, null, flags);
  }

  public static final String CROSSED = "crossed";
  public static final String PROJECTED = "projected";
  public static final String BEYOND_HORIZON = "beyond_horizon";
  public static final String INSUFFICIENT_HISTORY = "insufficient_history";
  /** Above one half from the first month: crossed before the history began (left-censored), no date. */
  public static final String ALWAYS_ABOVE = "always_above";
  /** Crossed, stayed above, and is below one half again: no trend model describes a reversal. */
  public static final String FELL_BACK = "fell_back";
  /** Not crossed, and the share fit did not settle: no projection. */
  public static final String NOT_CONVERGED = "not_converged";
  /** Not crossed, and the share levels off below one half: a curve that reaches it explains the history poorly. */
  public static final String PLATEAU = "plateau";
  public static final String INSUFFICIENT_EVIDENCE = "insufficient_evidence";
}
