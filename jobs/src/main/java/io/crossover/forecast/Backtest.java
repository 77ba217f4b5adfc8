package io.crossover.forecast;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolling-origin evaluation: refit both models on the history up to each cutoff and compare what
 * they said with what happened. Pure Java, one call per segment inside an executor.
 */
public final class Backtest {
  public static final int[] HORIZONS = {6, 12, 24};
  public static final int CUTOFF_STEP_MONTHS = 6;
  public static final int LOOKBACK_MONTHS = 36;

  private Backtest() {}

  /** One scored forecast: a model fitted at a cutoff, read {@code horizonMonths} later. */
  public record Score(String segment, String model, int cutoff, int horizonMonths, double predictedShare,
      double observedShare, Integer crossoverErrorMonths) implements Serializable {}

  /** A segment's scores, and the curves fitted at each cutoff (model -> cutoff -> curves) for the market sum. */
  public record SegmentBacktest(String segment, List<Score> scores, Map<String, Map<Integer, Curves>> curves)
      implements Serializable {}

  /** Cutoffs every 6 months over the 36 months before the origin. */
  public static List<Integer> cutoffs(int origin) {
    List<Integer> cutoffs = new ArrayList<>();
    for (int c = origin - LOOKBACK_MONTHS; c < origin; c += CUTOFF_STEP_MONTHS) {
      cutoffs.add(c);
    }
    return cutoffs;
  }

  public static SegmentBacktest evaluate(History history, int origin, int minObservations) {
    Map<String, Map<Integer, Curves>> curves = new LinkedHashMap<>();
    for (int cutoff : cutoffs(origin)) {
      History known = upTo(history, cutoff);
      if (known.size() < minObservations) {
        continue;
      }
      for (Model model : List.of(new LogisticShareModel(known, cutoff), new LogLinearModel(known, cutoff))) {
        curves.computeIfAbsent(model.name(), m -> new LinkedHashMap<>()).put(cutoff, model.fitted());
      }
    }
    return new SegmentBacktest(history.segment(), score(history, curves, origin), curves);
  }

  /** Scores curves fitted at cutoffs (t = 0 at the cutoff) against the observed history. */
  public static List<Score> score(History history, Map<String, Map<Integer, Curves>> curves, int origin) {
    int observedIndex = Crossover.observedCrossing(history);
    Integer observedCrossing = observedIndex < 0 ? null : history.months()[observedIndex];
    List<Score> scores = new ArrayList<>();
    curves.forEach((model, byCutoff) -> byCutoff.forEach((cutoff, fitted) -> {
      Integer crossoverError = null;
      if (observedCrossing != null) {
        for (int m = cutoff - 120; m <= cutoff + 240; m++) {
          if (fitted.share(m - cutoff) >= Crossover.THRESHOLD) {
            crossoverError = m - observedCrossing;
            break;
          }
        }
      }
      for (int horizon : HORIZONS) {
        int month = cutoff + horizon;
        int at = Arrays.binarySearch(history.months(), month);
        if (month <= origin && at >= 0) {
          scores.add(new Score(history.segment(), model, cutoff, horizon, fitted.share(horizon),
              history.share(at), crossoverError));
        }
      }
    }));
    return scores;
  }

  private static History upTo(History history, int cutoff) {
    int n = 0;
    while (n < history.size() && history.months()[n] <= cutoff) {
      n++;
    }
    return new History(history.segment(), Arrays.copyOf(history.months(), n),
        Arrays.copyOf(history.training(), n), Arrays.copyOf(history.inference(), n));
  }
}
