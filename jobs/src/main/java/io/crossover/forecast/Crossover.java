package io.crossover.forecast;

/** Where a share path reaches one half, counted upward only. */
public final class Crossover {
  public static final double THRESHOLD = 0.5;
  /** Months in a row on one side of one half that count as a real state rather than noise. */
  public static final int SUSTAINED_MONTHS = 3;

  private Crossover() {}

  /** What the observed share did; {@code index} is the crossing's position for {@link Kind#CROSSED}, else -1. */
  public record Observed(Kind kind, int index) {}

  public enum Kind {
    /** Below one half now (or never stayed above): the models project the crossing. */
    BELOW,
    /** Rose through one half and stayed above. */
    CROSSED,
    /** Above one half from the first month with no sustained dip: the crossing is before the history (left-censored). */
    ALWAYS_ABOVE,
    /** Stayed above one half for a while and is below again for a sustained stretch. */
    FELL_BACK
  }

  /**
   * Reads the 3-month centred mean of the observed share (of PFLOP-days, so busy months weigh more).
   * Dips shorter than {@link #SUSTAINED_MONTHS} are noise around the crossing and move nothing: the
   * crossing is the first month at or above one half after the last sustained dip, and a history
   * whose latest months form a sustained dip has crossed only if it once stayed above for as long.
   */
  public static Observed observed(History history) {
    double[] smoothed = smoothedShare(history);
    int n = smoothed.length;
    if (n == 0) {
      return new Observed(Kind.BELOW, -1);
    }
    int trailingBelow = 0;
    while (trailingBelow < n && smoothed[n - 1 - trailingBelow] < THRESHOLD) {
      trailingBelow++;
    }
    if (trailingBelow >= SUSTAINED_MONTHS || trailingBelow == n) {
      boolean stayedAbove = longestRunAtOrAbove(smoothed, n - trailingBelow) >= SUSTAINED_MONTHS;
      return new Observed(stayedAbove ? Kind.FELL_BACK : Kind.BELOW, -1);
    }
    int afterLastDip = -1;
    int below = 0;
    for (int i = 0; i < n; i++) {
      below = smoothed[i] < THRESHOLD ? below + 1 : 0;
      if (below >= SUSTAINED_MONTHS) {
        afterLastDip = i + 1;
      }
    }
    if (afterLastDip < 0 && smoothed[0] >= THRESHOLD) {
      return new Observed(Kind.ALWAYS_ABOVE, -1);
    }
    for (int i = Math.max(0, afterLastDip); i < n; i++) {
      if (smoothed[i] >= THRESHOLD) {
        return new Observed(Kind.CROSSED, i);
      }
    }
    return new Observed(Kind.BELOW, -1);
  }

  /**
   * The month nearest to where {@code share} first rises through one half between {@code from} and
   * {@code to}: the first month at or above one half after a month below it, or the month before
   * when the crossing (interpolated between the two) lies nearer to that one. Taking the first month
   * at or above would put the estimate half a month late on average. A path already above one half
   * at {@code from} has not crossed there; a falling path never crosses. {@link Integer#MAX_VALUE}
   * when it does not rise through one half.
   */
  public static int upward(java.util.function.IntToDoubleFunction share, int from, int to) {
    double previous = share.applyAsDouble(from);
    for (int m = from + 1; m <= to; m++) {
      double current = share.applyAsDouble(m);
      if (previous < THRESHOLD && current >= THRESHOLD) {
        return (THRESHOLD - previous) / (current - previous) < 0.5 ? m - 1 : m;
      }
      previous = current;
    }
    return Integer.MAX_VALUE;
  }

  /** Where the observed share crossed upward and stayed above, or -1. */
  public static int observedCrossing(History history) {
    Observed observed = observed(history);
    return observed.kind() == Kind.CROSSED ? observed.index() : -1;
  }

  private static int longestRunAtOrAbove(double[] values, int end) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < end; i++) {
      run = values[i] >= THRESHOLD ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }

  static double[] smoothedShare(History history) {
    int n = history.size();
    double[] smoothed = new double[n];
    for (int i = 0; i < n; i++) {
      double inference = 0;
      double total = 0;
      for (int j = Math.max(0, i - 1); j <= Math.min(n - 1, i + 1); j++) {
        inference += history.inference()[j];
        total += history.total(j);
      }
      smoothed[i] = inference / total;
    }
    return smoothed;
  }
}
