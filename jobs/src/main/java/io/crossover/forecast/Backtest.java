package io.crossover.forecast;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolling-origin evaluation: refit both models on the history up to each cutoff and compare what
 * they said with what happened. The share model is also refitted with each combination of drivers
 * the history supports, the drivers projected from what was known at the cutoff, so the scores say
 * whether drivers help. Pure Java, one call per segment inside an executor.
 */
public final class Backtest {
  public static final int[] HORIZONS = {6, 12, 24};
  public static final int CUTOFF_STEP_MONTHS = 6;
  public static final int LOOKBACK_MONTHS = 36;

  private Backtest() {}

  /** A model and the drivers it used beside time (comma-separated, empty for none). */
  public record Variant(String model, String drivers) implements Serializable {}

  /** One scored forecast: a model fitted at a cutoff, read {@code horizonMonths} later. */
  public record Score(String segment, Variant variant, int cutoff, int horizonMonths, double predictedShare,
      double observedShare, Integer crossoverErrorMonths) implements Serializable {
    public String model() {
      return variant.model();
    }
  }

  /** A segment's scores, and the curves fitted at each cutoff (variant -> cutoff -> curves) for the market sum. */
  public record SegmentBacktest(String segment, List<Score> scores, Map<Variant, Map<Integer, Curves>> curves)
      implements Serializable {}

  /** Every non-empty combination of drivers, in declaration order. */
  static final List<List<Driver>> DRIVER_SETS = List.of(List.of(Driver.CAPITAL), List.of(Driver.CAPACITY),
      List.of(Driver.CAPITAL, Driver.CAPACITY));

  /** Cutoffs every 6 months over the 36 months before the origin. */
  public static List<Integer> cutoffs(int origin) {
    List<Integer> cutoffs = new ArrayList<>();
    for (int c = origin - LOOKBACK_MONTHS; c < origin; c += CUTOFF_STEP_MONTHS) {
      cutoffs.add(c);
    }
    return cutoffs;
  }

  public static SegmentBacktest evaluate(History history, int origin, int minObservations) {
    Map<Variant, Map<Integer, Curves>> curves = new LinkedHashMap<>();
    for (int cutoff : cutoffs(origin)) {
      History known = history.upTo(cutoff);
      if (known.size() < minObservations) {
        continue;
      }
      List<Model> models = new ArrayList<>(List.of(new LogisticShareModel(known, cutoff), new LogLinearModel(known, cutoff)));
      for (List<Driver> drivers : DRIVER_SETS) {
        Model withDrivers = new LogisticShareModel(known, cutoff, drivers, Scenario.NONE);
        boolean supported = withDrivers.drivers().equals(
            String.join(",", drivers.stream().map(Driver::label).toList()));
        if (supported) {
          models.add(withDrivers);
        }
      }
      for (Model model : models) {
        curves.computeIfAbsent(new Variant(model.name(), model.drivers()), m -> new LinkedHashMap<>())
            .put(cutoff, model.fitted());
      }
    }
    return new SegmentBacktest(history.segment(), score(history, curves, origin), curves);
  }

  /** Scores curves fitted at cutoffs (t = 0 at the cutoff) against the observed history. */
  public static List<Score> score(History history, Map<Variant, Map<Integer, Curves>> curves, int origin) {
    int observedIndex = Crossover.observedCrossing(history);
    Integer observedCrossing = observedIndex < 0 ? null : history.months()[observedIndex];
    List<Score> scores = new ArrayList<>();
    curves.forEach((variant, byCutoff) -> byCutoff.forEach((cutoff, fitted) -> {
      Integer crossoverError = null;
      if (observedCrossing != null) {
        int predicted = Crossover.upward(m -> fitted.share(m - cutoff), cutoff - 120, cutoff + 240);
        crossoverError = predicted == Integer.MAX_VALUE ? null : predicted - observedCrossing;
      }
      for (int horizon : HORIZONS) {
        int month = cutoff + horizon;
        int at = Arrays.binarySearch(history.months(), month);
        if (month <= origin && at >= 0) {
          scores.add(new Score(history.segment(), variant, cutoff, horizon, fitted.share(horizon),
              history.share(at), crossoverError));
        }
      }
    }));
    return scores;
  }

}
