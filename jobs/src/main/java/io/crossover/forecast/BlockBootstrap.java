package io.crossover.forecast;

import java.util.SplittableRandom;

/**
 * Moving-block bootstrap indices: a series of length n rebuilt from blocks of consecutive
 * positions, each starting at random, so residual autocorrelation within a block survives.
 */
public final class BlockBootstrap {
  private BlockBootstrap() {}

  public static int[] indices(int n, int blockLength, SplittableRandom random) {
    int block = Math.max(1, Math.min(blockLength, n));
    int[] indices = new int[n];
    int filled = 0;
    while (filled < n) {
      int start = random.nextInt(n - block + 1);
      for (int i = 0; i < block && filled < n; i++) {
        indices[filled++] = start + i;
      }
    }
    return indices;
  }

  /** A seed that depends only on the run date and the segment, so every run draws the same numbers. */
  public static long seed(String runDate, String segment) {
    long hash = 1125899906842597L;
    for (char c : (runDate + "|" + segment).toCharArray()) {
      hash = 31 * hash + c;
    }
    return hash;
  }
}
