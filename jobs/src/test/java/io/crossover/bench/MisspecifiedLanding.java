package io.crossover.bench;

import io.crossover.forecast.Crossover;
import io.crossover.forecast.Curves;
import io.crossover.forecast.History;
import io.crossover.forecast.Months;
import io.crossover.panel.Demand;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

/**
 * Four regions' monthly telemetry whose true share the model did not generate (see
 * {@link Misspecification}), with the true crossover months to score against. The same seed draws
 * the same regions (start share, crossing month, growth) in every scenario, so scenarios differ
 * only in their misspecification.
 */
public final class MisspecifiedLanding {
  public static final String RUN_DATE = "2025-07-01";
  /** The last complete month before the run date: t = 0 of the forecast. */
  public static final int ORIGIN = Months.index(LocalDate.of(2025, 6, 1));
  public static final int HISTORY_MONTHS = 72;
  public static final int FIRST_MONTH = ORIGIN - HISTORY_MONTHS + 1;
  /** The forecast stage's default horizon; a truth later than this is as good as none. */
  public static final int HORIZON_MONTHS = 120;
  /** No upward crossing of one half by the horizon's end. */
  public static final int NONE = Integer.MAX_VALUE;

  /** Region names and compute at the first month: one large region and three smaller ones. */
  static final String[] REGIONS = {"region=na", "region=eu", "region=apac", "region=latam"};
  static final double[] FIRST_TOTALS = {4000, 2000, 1000, 400};
  /**
   * Concentration of the share's noise per region: Beta(κs, κ(1−s))-like variance s(1−s)/κ, so a
   * smaller region's share is noisier, as a count's would be. The logit then has standard deviation
   * 1/√(κ s(1−s)); the noise is drawn on the logit so AR(1) and common shocks are simple to state.
   */
  static final double[] CONCENTRATION = {3000, 1500, 750, 300};
  static final double TOTAL_NOISE = 0.05;
  static final double PLATEAU_CEILING = 0.45;
  static final double SLOPE_BREAK_FACTOR = 3;
  static final double AR1_RHO = 0.6;
  static final double COMMON_CORRELATION = 0.5;
  static final double SEASONAL_AMPLITUDE = 0.25;

  private MisspecifiedLanding() {}

  /** A region's noise-free path by calendar month; {@code plantedMonth} is where its trend was set to reach one half. */
  public record TruePath(String segment, IntToDoubleFunction share, IntToDoubleFunction total, int plantedMonth) {}

  /** The observed histories (regions, and the market as their sum) and the true paths behind them. */
  public record Landing(Misspecification scenario, List<TruePath> truePaths, List<History> regions, History market) {

    /** The month the true share rises through one half (nearest month, upward, as the model reads its curves). */
    public int regionTruth(int region) {
      return truth(truePaths.get(region).share());
    }

    /** The same for the market: the true paths' summed inference over their summed total. */
    public int marketTruth() {
      return truth(this::marketShare);
    }

    public double marketShare(int month) {
      double inference = 0;
      double total = 0;
      for (TruePath path : truePaths) {
        inference += path.total().applyAsDouble(month) * path.share().applyAsDouble(month);
        total += path.total().applyAsDouble(month);
      }
      return inference / total;
    }

    private static int truth(IntToDoubleFunction share) {
      return Crossover.upward(share, FIRST_MONTH, ORIGIN + HORIZON_MONTHS);
    }
  }

  public static Landing generate(Misspecification scenario, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<TruePath> paths = new ArrayList<>();
    for (int r = 0; r < REGIONS.length; r++) {
      double firstShare = 0.03 + 0.07 * random.nextDouble();
      // Crossings 3-36 months after the origin: projected, and rarely already visible in noisy data.
      int planted = ORIGIN + 3 + random.nextInt(34);
      int breakMonth = FIRST_MONTH + 30 + random.nextInt(13);
      int plateauMidpoint = FIRST_MONTH + 24 + random.nextInt(25);
      double growth = 0.02 + 0.03 * random.nextDouble();
      double firstTotal = FIRST_TOTALS[r];
      paths.add(new TruePath(REGIONS[r], share(scenario, firstShare, planted, breakMonth, plateauMidpoint),
          m -> firstTotal * Math.exp(growth * (m - FIRST_MONTH)), planted));
    }
    double[][] noise = logitNoise(scenario, random);
    List<History> regions = new ArrayList<>();
    for (int r = 0; r < REGIONS.length; r++) {
      regions.add(observe(paths.get(r), noise[r], CONCENTRATION[r], random));
    }
    return new Landing(scenario, paths, regions, sum(regions));
  }

  /** The true share path: starts at {@code firstShare} and, except on a plateau, reaches one half at {@code planted}. */
  static IntToDoubleFunction share(Misspecification scenario, double firstShare, int planted, int breakMonth,
      int plateauMidpoint) {
    double rise = -logit(firstShare);
    double slope = rise / (planted - FIRST_MONTH);
    return switch (scenario) {
      case CLEAN, AR1, COMMON_SHOCKS -> m -> Curves.logistic(slope * (m - planted));
      case SEASONAL -> m -> Curves.logistic(slope * (m - planted) + SEASONAL_AMPLITUDE * Math.sin(2 * Math.PI * m / 12));
      case SLOPE_BREAK -> {
        // The slope after the break is SLOPE_BREAK_FACTOR times the slope before; the logit still rises by `rise`.
        double before = rise / ((breakMonth - FIRST_MONTH) + SLOPE_BREAK_FACTOR * (planted - breakMonth));
        double after = SLOPE_BREAK_FACTOR * before;
        yield m -> Curves.logistic(m < breakMonth ? after * (breakMonth - planted) + before * (m - breakMonth)
            : after * (m - planted));
      }
      case GOMPERTZ -> {
        // exp(-ln2 · e^{-b(m - planted)}) is one half at `planted`; b makes it firstShare at the first month.
        double rate = Math.log(Math.log(1 / firstShare) / Math.log(2)) / (planted - FIRST_MONTH);
        yield m -> Math.exp(-Math.log(2) * Math.exp(-rate * (m - planted)));
      }
      case PLATEAU -> {
        double ceilingSlope = -logit(firstShare / PLATEAU_CEILING) / (plateauMidpoint - FIRST_MONTH);
        yield m -> PLATEAU_CEILING * Curves.logistic(ceilingSlope * (m - plateauMidpoint));
      }
    };
  }

  /** Standard normal noise per region and month, dependent across months or regions as the scenario says. */
  static double[][] logitNoise(Misspecification scenario, SplittableRandom random) {
    double[][] noise = new double[REGIONS.length][HISTORY_MONTHS];
    double[] common = new double[HISTORY_MONTHS];
    for (int i = 0; i < HISTORY_MONTHS; i++) {
      common[i] = random.nextGaussian();
    }
    for (double[] region : noise) {
      for (int i = 0; i < HISTORY_MONTHS; i++) {
        double own = random.nextGaussian();
        region[i] = switch (scenario) {
          // Stationary AR(1): unit variance in every month.
          case AR1 -> i == 0 ? own : AR1_RHO * region[i - 1] + Math.sqrt(1 - AR1_RHO * AR1_RHO) * own;
          case COMMON_SHOCKS -> Math.sqrt(COMMON_CORRELATION) * common[i] + Math.sqrt(1 - COMMON_CORRELATION) * own;
          default -> own;
        };
      }
    }
    return noise;
  }

  private static History observe(TruePath path, double[] noise, double concentration, SplittableRandom random) {
    int[] months = new int[HISTORY_MONTHS];
    double[] training = new double[HISTORY_MONTHS];
    double[] inference = new double[HISTORY_MONTHS];
    for (int i = 0; i < HISTORY_MONTHS; i++) {
      int m = FIRST_MONTH + i;
      double share = path.share().applyAsDouble(m);
      double sd = 1 / Math.sqrt(concentration * share * (1 - share));
      double observed = Curves.logistic(logit(share) + sd * noise[i]);
      double total = path.total().applyAsDouble(m) * Math.exp(TOTAL_NOISE * random.nextGaussian());
      months[i] = m;
      inference[i] = total * observed;
      training[i] = total * (1 - observed);
    }
    return new History(path.segment(), months, training, inference);
  }

  private static History sum(List<History> regions) {
    double[] training = new double[HISTORY_MONTHS];
    double[] inference = new double[HISTORY_MONTHS];
    for (History region : regions) {
      for (int i = 0; i < HISTORY_MONTHS; i++) {
        training[i] += region.training()[i];
        inference[i] += region.inference()[i];
      }
    }
    return new History(Demand.ALL_SEGMENT, regions.get(0).months().clone(), training, inference);
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }
}
