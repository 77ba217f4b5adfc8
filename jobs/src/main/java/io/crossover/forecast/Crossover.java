package io.crossover.forecast;

/** Where a share path reaches one half. */
public final class Crossover {
  public static final double THRESHOLD = 0.5;

  private Crossover() {}

  /** First position whose share is at least one half, or -1. */
  public static int firstAtOrAbove(double[] shares) {
    for (int i = 0; i < shares.length; i++) {
      if (shares[i] >= THRESHOLD) {
        return i;
      }
    }
    return -1;
  }

  /** Months below one half in a row that count as a real dip rather than noise. */
  public static final int SUSTAINED_DIP_MONTHS = 3;

  /**
   * Where the observed share crossed, or -1 when it has not: the 3-month centred mean (of
   * PFLOP-days, so busy months weigh more) must be at or above one half in the latest month, and
   * the crossover is the first month at or above one half after the last dip of
   * {@link #SUSTAINED_DIP_MONTHS} or more months below it. Shorter dips are noise around the
   * crossing and do not move it.
   */
  public static int observedCrossing(History history) {
    double[] smoothed = smoothedShare(history);
    int n = smoothed.length;
    if (n == 0 || smoothed[n - 1] < THRESHOLD) {
      return -1;
    }
    int below = 0;
    int afterLastDip = 0;
    for (int i = 0; i < n; i++) {
      below = smoothed[i] < THRESHOLD ? below + 1 : 0;
      if (below >= SUSTAINED_DIP_MONTHS) {
        afterLastDip = i + 1;
      }
    }
    for (int i = afterLastDip; i < n; i++) {
      if (smoothed[i] >= THRESHOLD) {
        return i;
      }
    }
    return -1;
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
