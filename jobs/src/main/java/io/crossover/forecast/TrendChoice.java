package io.crossover.forecast;

/**
 * The share's trend on time alone: the logistic's straight logit, or a damped one whose slope shrinks
 * every month ({@link Clock}), whichever times the history's own levels better at rolling origins
 * ({@link RollingOriginErrors}). A share that is slowing down — a Gompertz-like path, a levelling off
 * — is dated too early by a straight logit, and only its own history can say which it is.
 */
final class TrendChoice {
  /** Monthly dampings tried; the best by the Pearson χ² is the damped candidate. */
  static final double[] DAMPINGS = {0.85, 0.90, 0.93, 0.95, 0.96, 0.97, 0.98, 0.985, 0.99, 0.993, 0.995, 0.997, 0.998};
  /**
   * The damped trend is chosen only when its mean absolute timing error is under this fraction of the
   * straight one's: one more parameter fits noise too, so a tie goes to the logistic.
   */
  static final double MARGIN = 0.8;

  private TrendChoice() {}

  /** The chosen trend's clock and its timing errors. */
  record Choice(Clock clock, RollingOriginErrors errors) {}

  /**
   * Both trends refitted at every rolling origin, the damped one with the damping that fits the whole
   * history best: profiling the damping again on a short early history picks strong damping from
   * noise, and its refits would then never reach levels the share did reach. The damping so sees the
   * later months; the choice needs the damped trend to be clearly better ({@link #MARGIN}) for it.
   */
  static Choice of(History history, int origin, int minObservations) {
    RollingOriginErrors straight = RollingOriginErrors.of(history, origin, minObservations,
        h -> new LogisticShareModel(h, origin));
    Clock damping = bestDamped(history, origin).clock();
    RollingOriginErrors damped = RollingOriginErrors.of(history, origin, minObservations,
        h -> new LogisticShareModel(h, origin, damping));
    if (damped.meanAbsoluteError() < MARGIN * straight.meanAbsoluteError()) {
      return new Choice(damping, damped);
    }
    return new Choice(Clock.LINEAR, straight);
  }

  /** The damped fit with the smallest Pearson χ² over {@link #DAMPINGS}, among those that settle. */
  static LogisticShareModel bestDamped(History history, int origin) {
    LogisticShareModel best = null;
    for (double damping : DAMPINGS) {
      LogisticShareModel fit = new LogisticShareModel(history, origin, new Clock(damping));
      if (fit.converged() && (best == null || fit.pearsonChiSquare() < best.pearsonChiSquare())) {
        best = fit;
      }
    }
    return best == null ? new LogisticShareModel(history, origin) : best;
  }
}
