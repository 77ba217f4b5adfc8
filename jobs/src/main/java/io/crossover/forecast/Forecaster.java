package io.crossover.forecast;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a segment's history into its estimates (both models) and forecast rows (primary model).
 * Pure Java: runs inside an executor, one call per segment, no Spark job.
 */
public final class Forecaster {
  /** Fewer months than this give no dates even with pooling; the segment's curves still count in the market. */
  public static final int MIN_POOLED_MONTHS = 3;
  /** How far before the history an upward crossing of a fitted curve is looked for. */
  static final int LOOKBACK_MONTHS = 120;

  private Forecaster() {}

  /** A segment's estimates and forecast rows, and its curves when the market is summed from it. */
  public record SegmentForecast(String segment, List<Estimate> estimates, List<ForecastPoint> points,
      List<CurveSet> curves) implements Serializable {}

  /**
   * Fits both models, or, under the history minimum, the share model leaning on the market's trend
   * when the configuration carries it (the log-linear comparison is then left out).
   */
  public static SegmentForecast forecastSegment(History history, ForecastConfig config, boolean keepCurves) {
    boolean shortHistory = history.size() < config.minObservations();
    if (history.size() == 0 || shortHistory && config.pooling() == null) {
      List<Estimate> none = List.of(LogisticShareModel.NAME, LogLinearModel.NAME).stream()
          .map(model -> insufficient(history, model, "")).toList();
      return new SegmentForecast(history.segment(), none, observedPoints(history), List.of());
    }
    LogisticShareModel straight = new LogisticShareModel(history, config.origin(), config.drivers(),
        config.scenario(), shortHistory ? config.pooling() : null);
    String flags = Flags.of(history, straight, shortHistory);
    TrendChoice.Choice trend = shortHistory || !straight.drivers().isEmpty() ? null
        : TrendChoice.of(history, config.origin(), config.minObservations());
    boolean damped = trend != null && trend.clock().isDamped();
    LogisticShareModel share = damped ? new LogisticShareModel(history, config.origin(), trend.clock()) : straight;
    if (damped) {
      flags = flags.isEmpty() ? Flags.DAMPED : flags + "," + Flags.DAMPED;
    }
    LogLinearModel loglinear = shortHistory ? null : new LogLinearModel(history, config.origin());
    boolean bothWorkloads = loglinear != null && loglinear.months().length >= config.minObservations();
    List<Model> models = bothWorkloads ? List.of(share, loglinear) : List.of(share);
    List<Estimate> estimates = new ArrayList<>();
    List<CurveSet> curves = new ArrayList<>();
    for (Model model : models) {
      CurveSet set = CurveSet.bootstrap(model, config);
      estimates.add(history.size() < MIN_POOLED_MONTHS ? insufficient(history, model.name(), flags)
          : estimate(history, set, config, model.observations(), model.r2(), model.rmse(), flags,
              trend == null ? null : trend.errors()));
      curves.add(set);
    }
    if (!bothWorkloads) {
      estimates.add(insufficient(history, LogLinearModel.NAME, flags));
    }
    List<ForecastPoint> points = new ArrayList<>(observedPoints(history));
    points.addAll(futurePoints(history, curves.get(0), config));
    return new SegmentForecast(history.segment(), estimates, points, keepCurves ? curves : List.of());
  }

  /**
   * The market summed bottom-up from its segments' curves, replicate by replicate; keeps the summed
   * curves. Its flags come from a direct fit to the market's own history.
   */
  public static SegmentForecast forecastMarket(History market, List<SegmentForecast> parts, ForecastConfig config) {
    String flags = marketFlags(market, parts, config);
    RollingOriginErrors errors = market.size() < config.minObservations() ? null
        : TrendChoice.of(market, config.origin(), config.minObservations()).errors();
    List<Estimate> estimates = new ArrayList<>();
    List<CurveSet> summed = new ArrayList<>();
    for (String model : List.of(LogisticShareModel.NAME, LogLinearModel.NAME)) {
      List<CurveSet> sets = parts.stream().flatMap(p -> p.curves().stream()).filter(c -> c.model().equals(model)).toList();
      if (sets.isEmpty()) {
        continue;
      }
      CurveSet set = CurveSet.sum(model, sets);
      estimates.add(estimate(market, set, config, market.size(), null, null, flags, errors));
      summed.add(set);
    }
    List<ForecastPoint> points = new ArrayList<>(observedPoints(market));
    if (!summed.isEmpty()) {
      points.addAll(futurePoints(market, summed.get(0), config));
    }
    return new SegmentForecast(market.segment(), estimates, points, summed);
  }

  private static String marketFlags(History market, List<SegmentForecast> parts, ForecastConfig config) {
    List<String> flags = new ArrayList<>();
    if (market.size() >= config.minObservations()) {
      flags.addAll(Arrays.asList(Flags.of(market, new LogisticShareModel(market, config.origin()), false).split(",")));
    }
    if (parts.stream().flatMap(p -> p.curves().stream()).anyMatch(c -> !c.converged())) {
      flags.add(Flags.NOT_CONVERGED);
    }
    if (parts.stream().anyMatch(p -> Arrays.asList(p.estimates().get(0).flags().split(",")).contains(Flags.DAMPED))) {
      flags.add(Flags.DAMPED);
    }
    return String.join(",", flags.stream().filter(f -> !f.isEmpty()).distinct().toList());
  }

  private static Estimate insufficient(History history, String model, String flags) {
    return new Estimate(history.segment(), model, Estimate.INSUFFICIENT_HISTORY, null, null, null, null,
        history.size(), null, null, "", flags);
  }

  /**
   * The status and dates: what the observed share did decides first (crossed, always above, fell
   * back); otherwise the replicates' upward crossings, when the fit settled, their p10–p90 widened
   * to hold the share trend's own timing errors on this history ({@code errors}, null for none).
   */
  static Estimate estimate(History history, CurveSet set, ForecastConfig config, int observations,
      Double r2, Double rmse, String flags, RollingOriginErrors errors) {
    Crossover.Observed observed = Crossover.observed(history);
    switch (observed.kind()) {
      case ALWAYS_ABOVE, FELL_BACK -> {
        String status = observed.kind() == Crossover.Kind.ALWAYS_ABOVE ? Estimate.ALWAYS_ABOVE : Estimate.FELL_BACK;
        return new Estimate(history.segment(), set.model(), status, null, null, null, null, observations, r2, rmse,
            set.drivers(), flags);
      }
      case CROSSED -> {
        int month = history.months()[observed.index()];
        int[] replicates = crossingMonths(set, history, config);
        return new Estimate(history.segment(), set.model(), Estimate.CROSSED,
            Months.start(Math.min(month, quantile(replicates, 0.1))), Months.start(month),
            Months.start(Math.max(month, Math.min(config.horizonEnd(), quantile(replicates, 0.9)))), 1.0,
            observations, r2, rmse, set.drivers(), flags);
      }
      default -> {
        if (!set.converged()) {
          return new Estimate(history.segment(), set.model(), Estimate.NOT_CONVERGED, null, null, null, null,
              observations, r2, rmse, set.drivers(), flags);
        }
        Plateau.Test plateau = set.drivers().isEmpty() ? Plateau.of(history, config.origin(), config.minObservations()) : null;
        if (plateau != null && plateau.isPlateau()) {
          return new Estimate(history.segment(), set.model(), Estimate.PLATEAU, null, null, null, plateau.pValue(),
              observations, r2, rmse, set.drivers(), flags);
        }
        int[] replicates = crossingMonths(set, history, config);
        int point = crossingMonth(set.fitted(), history.months()[0], config);
        long within = Arrays.stream(replicates).filter(m -> m != Integer.MAX_VALUE).count();
        int[] interval = calibrated(history, set, errors, config, quantile(replicates, 0.1),
            quantile(replicates, 0.5), quantile(replicates, 0.9));
        return new Estimate(history.segment(), set.model(),
            point == Integer.MAX_VALUE ? Estimate.BEYOND_HORIZON : Estimate.PROJECTED,
            month(interval[0]), month(quantile(replicates, 0.5)), month(interval[1]),
            replicates.length == 0 ? null : (double) within / replicates.length, observations, r2, rmse,
            set.drivers(), flags);
      }
    }
  }

  /**
   * The bootstrap's p10–p90 widened to hold the share trend's own timing errors on this history
   * ({@link RollingOriginErrors}), for a time-only share fit with a dated p50 and history enough to
   * refit at earlier cutoffs; otherwise the bootstrap's. The horizon still bounds p90.
   */
  private static int[] calibrated(History history, CurveSet set, RollingOriginErrors errors, ForecastConfig config,
      int p10, int p50, int p90) {
    if (errors == null || p50 == Integer.MAX_VALUE || !set.model().equals(LogisticShareModel.NAME)) {
      return new int[] {p10, p90};
    }
    int[] timing = errors.interval(p50, p50 - history.lastMonth());
    if (timing == null) {
      return new int[] {p10, p90};
    }
    int upper = Math.max(p90, timing[1]);
    return new int[] {Math.min(p10, timing[0]), upper > config.horizonEnd() ? Integer.MAX_VALUE : upper};
  }

  private static int[] crossingMonths(CurveSet set, History history, ForecastConfig config) {
    int from = history.months()[0];
    return set.replicates().stream().mapToInt(c -> crossingMonth(c, from, config)).sorted().toArray();
  }

  /**
   * Where the curve rises through one half (nearest month, {@link Crossover#upward}), looking from
   * {@link #LOOKBACK_MONTHS} before {@code from} to the horizon's end.
   */
  static int crossingMonth(Curves curves, int from, ForecastConfig config) {
    return Crossover.upward(m -> curves.share(m - config.origin()), from - LOOKBACK_MONTHS, config.horizonEnd());
  }

  private static List<ForecastPoint> observedPoints(History history) {
    List<ForecastPoint> points = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      points.add(new ForecastPoint(history.segment(), LogisticShareModel.NAME, Months.start(history.months()[i]), true, history.share(i),
          null, null, history.training()[i], history.inference()[i]));
    }
    return points;
  }

  /**
   * Forecast months with the fitted share and a predictive p10–p90: each replicate's curve plus a
   * month's scatter around the trend (see {@link MonthNoise}), so the band says where an observed
   * month will fall, not only where the trend is.
   */
  private static List<ForecastPoint> futurePoints(History history, CurveSet set, ForecastConfig config) {
    MonthNoise noise = MonthNoise.of(history, set.fitted(), config);
    List<ForecastPoint> points = new ArrayList<>();
    double[] shares = new double[set.replicates().size()];
    for (int m = config.origin() + 1; m <= config.horizonEnd(); m++) {
      double t = m - config.origin();
      for (int r = 0; r < shares.length; r++) {
        shares[r] = noise.around(set.replicates().get(r).share(t));
      }
      Arrays.sort(shares);
      points.add(new ForecastPoint(history.segment(), set.model(), Months.start(m), false, set.fitted().share(t),
          shares.length == 0 ? null : quantile(shares, 0.1), shares.length == 0 ? null : quantile(shares, 0.9),
          set.fitted().training(t), set.fitted().inference(t)));
    }
    return points;
  }

  /** The sorted values' q-quantile (lower of the two nearest ranks). */
  static int quantile(int[] sorted, double q) {
    return sorted.length == 0 ? Integer.MAX_VALUE : sorted[(int) Math.floor(q * (sorted.length - 1))];
  }

  static double quantile(double[] sorted, double q) {
    return sorted[(int) Math.floor(q * (sorted.length - 1))];
  }

  private static java.time.LocalDate month(int index) {
    return index == Integer.MAX_VALUE ? null : Months.start(index);
  }
}
