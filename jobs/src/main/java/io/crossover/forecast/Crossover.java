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

  /**
   * The first month from which the observed share, as a 3-month centred mean, stayed at or above
   * one half to the last month; -1 when the latest smoothed share is below it.
   */
  public static int observedCrossing(History history) {
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
    int first = -1;
    for (int i = n - 1; i >= 0 && smoothed[i] >= THRESHOLD; i--) {
      first = i;
    }
    return first;
  }
}
