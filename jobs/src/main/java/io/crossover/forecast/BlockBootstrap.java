package io.crossover.forecast;

import java.util.SplittableRandom;

/**
 * Circular block bootstrap over calendar months: a replicate rebuilds the months from blocks of
 * consecutive months, each starting anywhere and wrapping past the last month to the first, so
 * residual autocorrelation within a block survives and every month is drawn equally often. The
 * blocks are drawn once per replicate from a stream that depends only on the run date, and every
 * segment and model reads the same draws: a shock common to all segments in some month stays
 * common in every replicate, and the market's band keeps it.
 */
public final class BlockBootstrap {
  private BlockBootstrap() {}

  /** Calendar positions {@code 0..months-1}, resampled in circular blocks of {@code blockLength}. */
  public static int[] circularPositions(int months, int blockLength, SplittableRandom random) {
    int block = Math.max(1, Math.min(blockLength, months));
    int[] positions = new int[months];
    int filled = 0;
    while (filled < months) {
      int start = random.nextInt(months);
      for (int i = 0; i < block && filled < months; i++) {
        positions[filled++] = (start + i) % months;
      }
    }
    return positions;
  }

  /**
   * A segment's observation indices for one replicate: observation i (at calendar month
   * {@code months[i]}) takes the residual of the month drawn for its calendar position, or of the
   * segment's nearest observed month when it has no data in the drawn one.
   */
  public static int[] observationIndices(int[] months, int calendarStart, int[] positions) {
    int[] indices = new int[months.length];
    for (int i = 0; i < months.length; i++) {
      int drawn = calendarStart + positions[Math.min(positions.length - 1, Math.max(0, months[i] - calendarStart))];
      indices[i] = nearest(months, drawn);
    }
    return indices;
  }

  private static int nearest(int[] months, int month) {
    int at = java.util.Arrays.binarySearch(months, month);
    if (at >= 0) {
      return at;
    }
    int after = -at - 1;
    if (after == 0) {
      return 0;
    }
    if (after == months.length) {
      return months.length - 1;
    }
    return month - months[after - 1] <= months[after] - month ? after - 1 : after;
  }

  /** A seed that depends only on the run date and the stream's name, so every run draws the same numbers. */
  public static long seed(String runDate, String stream) {
    long hash = 1125899906842597L;
    for (char c : (runDate + "|" + stream).toCharArray()) {
      hash = 31 * hash + c;
    }
    return hash;
  }
}
