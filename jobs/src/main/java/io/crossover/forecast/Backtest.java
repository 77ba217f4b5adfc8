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
  /** Bootstrap replicates per model and cutoff for the share intervals (fewer than the forecast's: six cutoffs each). */
  public static final int REPLICATES = 200;
  static final int BLOCK_MONTHS = 6;
  /** The intervals scored are p10–p90: nominal miss rate 0.2. */
  static final double MISS_RATE = 0.2;

  private Backtest() {}

  /** A model and the drivers it used beside time (comma-separated, empty for none). */
  public record Variant(String model, String drivers) implements Serializable {}

  /**
   * One scored forecast: a model fitted at a cutoff, read {@code horizonMonths} later, with its
   * predictive p10–p90 of that month's share where the model gives one.
   */
  public record Score(String segment, Variant variant, int cutoff, int horizonMonths, double predictedShare,
      double observedShare, Integer crossoverErrorMonths, Double shareP10, Double shareP90) implements Serializable {
    public String model() {
      return variant.model();
    }

    /** Whether the observed share fell in p10–p90; null without an interval. */
    public Boolean inside() {
      return shareP10 == null ? null : shareP10 <= observedShare && observedShare <= shareP90;
    }

    /**
     * Gneiting and Raftery's interval score of p10–p90: its width plus 2/0.2 times how far the observed
     * share fell outside it. Lower is better; a narrow interval that misses pays for the miss.
     */
    public Double intervalScore() {
      if (shareP10 == null) {
        return null;
      }
      double below = Math.max(0, shareP10 - observedShare);
      double above = Math.max(0, observedShare - shareP90);
      return shareP90 - shareP10 + 2 / MISS_RATE * (below + above);
    }
  }

  /** A segment's scores, and the curves fitted at each cutoff (variant -> cutoff -> curves) for the market sum. */
  public record SegmentBacktest(String segment, List<Score> scores, Map<Variant, Map<Integer, CurveSet>> curves)
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

  /**
   * Fits every variant at every cutoff with enough history; the share model on time alone and the
   * log-linear model are bootstrapped so their intervals can be scored.
   */
  public static SegmentBacktest evaluate(History history, int origin, int minObservations) {
    Map<Variant, Map<Integer, CurveSet>> curves = new LinkedHashMap<>();
    for (int cutoff : cutoffs(origin)) {
      History known = history.upTo(cutoff);
      if (known.size() < minObservations) {
        continue;
      }
      ForecastConfig atCutoff = atCutoff(cutoff);
      List<CurveSet> sets = new ArrayList<>(List.of(CurveSet.bootstrap(new LogisticShareModel(known, cutoff), atCutoff),
          CurveSet.bootstrap(new LogLinearModel(known, cutoff), atCutoff)));
      for (List<Driver> drivers : DRIVER_SETS) {
        Model withDrivers = new LogisticShareModel(known, cutoff, drivers, Scenario.NONE);
        boolean supported = withDrivers.drivers().equals(
            String.join(",", drivers.stream().map(Driver::label).toList()));
        if (supported) {
          sets.add(new CurveSet(withDrivers.name(), withDrivers.drivers(), withDrivers.fitted(), List.of(),
              withDrivers.converged()));
        }
      }
      for (CurveSet set : sets) {
        curves.computeIfAbsent(new Variant(set.model(), set.drivers()), m -> new LinkedHashMap<>()).put(cutoff, set);
      }
    }
    return new SegmentBacktest(history.segment(), score(history, curves, origin), curves);
  }

  /** The bootstrap's configuration at a cutoff: its draws depend on the cutoff only, so re-runs agree. */
  static ForecastConfig atCutoff(int cutoff) {
    return new ForecastConfig(Months.start(cutoff).toString(), cutoff, 240, REPLICATES, BLOCK_MONTHS, 1);
  }

  /**
   * Scores curves fitted at cutoffs (t = 0 at the cutoff) against the observed history, and the
   * naive baselines at the same cutoffs.
   */
  public static List<Score> score(History history, Map<Variant, Map<Integer, CurveSet>> curves, int origin) {
    int observedIndex = Crossover.observedCrossing(history);
    Integer observedCrossing = observedIndex < 0 ? null : history.months()[observedIndex];
    List<Score> scores = new ArrayList<>();
    curves.forEach((variant, byCutoff) -> byCutoff.forEach((cutoff, set) -> {
      Integer crossoverError = null;
      if (observedCrossing != null) {
        int predicted = Crossover.upward(m -> set.fitted().share(m - cutoff), cutoff - 120, cutoff + 240);
        crossoverError = predicted == Integer.MAX_VALUE ? null : predicted - observedCrossing;
      }
      MonthNoise noise = set.replicates().isEmpty() ? null
          : MonthNoise.of(history.upTo(cutoff), set.fitted(), atCutoff(cutoff));
      for (int horizon : HORIZONS) {
        int at = observedAt(history, cutoff + horizon, origin);
        if (at >= 0) {
          double[] band = noise == null ? null : band(set, noise, horizon);
          scores.add(new Score(history.segment(), variant, cutoff, horizon, set.fitted().share(horizon),
              history.share(at), crossoverError, band == null ? null : band[0], band == null ? null : band[1]));
        }
      }
    }));
    curves.values().stream().flatMap(byCutoff -> byCutoff.keySet().stream()).distinct().sorted()
        .forEach(cutoff -> scores.addAll(baselines(history, cutoff, origin, observedCrossing)));
    return scores;
  }

  private static int observedAt(History history, int month, int origin) {
    return month <= origin ? Arrays.binarySearch(history.months(), month) : -1;
  }

  /** p10 and p90 of the replicates' share {@code horizon} months after the cutoff, with a month's scatter. */
  private static double[] band(CurveSet set, MonthNoise noise, int horizon) {
    double[] shares = set.replicates().stream().mapToDouble(c -> noise.around(c.share(horizon))).sorted().toArray();
    return new double[] {Forecaster.quantile(shares, 0.1), Forecaster.quantile(shares, 0.9)};
  }

  private static List<Score> baselines(History history, int cutoff, int origin, Integer observedCrossing) {
    History known = history.upTo(cutoff);
    List<Score> scores = new ArrayList<>();
    for (int horizon : HORIZONS) {
      int at = observedAt(history, cutoff + horizon, origin);
      if (at < 0 || known.size() == 0) {
        continue;
      }
      NaiveBaselines.Prediction last = NaiveBaselines.lastShare(known, horizon);
      NaiveBaselines.Prediction line = NaiveBaselines.linearTrend(known, cutoff, horizon);
      Integer lineError = observedCrossing == null || line.crossingMonth() == null ? null
          : line.crossingMonth() - observedCrossing;
      scores.add(new Score(history.segment(), new Variant(NaiveBaselines.LAST_SHARE, ""), cutoff, horizon,
          last.share(), history.share(at), null, last.p10(), last.p90()));
      scores.add(new Score(history.segment(), new Variant(NaiveBaselines.LINEAR_TREND, ""), cutoff, horizon,
          line.share(), history.share(at), lineError, line.p10(), line.p90()));
    }
    return scores;
  }
}
