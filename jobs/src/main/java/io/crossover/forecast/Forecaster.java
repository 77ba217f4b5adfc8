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
  private Forecaster() {}

  /** A segment's estimates and forecast rows, and its curves when the market is summed from it. */
  public record SegmentForecast(String segment, List<Estimate> estimates, List<ForecastPoint> points,
      List<CurveSet> curves) implements Serializable {}

  public static SegmentForecast forecastSegment(History history, ForecastConfig config, boolean keepCurves) {
    if (history.size() < config.minObservations()) {
      List<Estimate> none = List.of(LogisticShareModel.NAME, LogLinearModel.NAME).stream()
          .map(model -> new Estimate(history.segment(), model, Estimate.INSUFFICIENT_HISTORY, null, null, null,
              null, history.size(), null, null, "", "")).toList();
      return new SegmentForecast(history.segment(), none, observedPoints(history), List.of());
    }
    List<Estimate> estimates = new ArrayList<>();
    List<CurveSet> curves = new ArrayList<>();
    for (Model model : List.of(new LogisticShareModel(history, config.origin(), config.drivers(), config.scenario()),
        new LogLinearModel(history, config.origin()))) {
      CurveSet set = CurveSet.bootstrap(model, config, history.segment());
      estimates.add(estimate(history, set, config, model.observations(), model.r2(), model.rmse()));
      curves.add(set);
    }
    List<ForecastPoint> points = new ArrayList<>(observedPoints(history));
    points.addAll(futurePoints(history.segment(), curves.get(0), config));
    return new SegmentForecast(history.segment(), estimates, points, keepCurves ? curves : List.of());
  }

  /** The market summed bottom-up from its segments' curves, replicate by replicate; keeps the summed curves. */
  public static SegmentForecast forecastMarket(History market, List<SegmentForecast> parts, ForecastConfig config) {
    List<Estimate> estimates = new ArrayList<>();
    List<CurveSet> summed = new ArrayList<>();
    for (String model : List.of(LogisticShareModel.NAME, LogLinearModel.NAME)) {
      List<CurveSet> sets = parts.stream().flatMap(p -> p.curves().stream()).filter(c -> c.model().equals(model)).toList();
      if (sets.isEmpty()) {
        continue;
      }
      CurveSet set = CurveSet.sum(model, sets);
      estimates.add(estimate(market, set, config, market.size(), null, null));
      summed.add(set);
    }
    List<ForecastPoint> points = new ArrayList<>(observedPoints(market));
    if (!summed.isEmpty()) {
      points.addAll(futurePoints(market.segment(), summed.get(0), config));
    }
    return new SegmentForecast(market.segment(), estimates, points, summed);
  }

  static Estimate estimate(History history, CurveSet set, ForecastConfig config, int observations,
      Double r2, Double rmse) {
    int from = history.months()[0];
    int[] replicates = set.replicates().stream().mapToInt(c -> crossingMonth(c, from, config)).sorted().toArray();
    int observed = Crossover.observedCrossing(history);
    if (observed >= 0) {
      int month = history.months()[observed];
      return new Estimate(history.segment(), set.model(), Estimate.CROSSED,
          Months.start(Math.min(month, quantile(replicates, 0.1))), Months.start(month),
          Months.start(Math.max(month, Math.min(config.horizonEnd(), quantile(replicates, 0.9)))), 1.0,
          observations, r2, rmse, set.drivers(), "");
    }
    int point = crossingMonth(set.fitted(), from, config);
    long within = Arrays.stream(replicates).filter(m -> m != Integer.MAX_VALUE).count();
    return new Estimate(history.segment(), set.model(),
        point == Integer.MAX_VALUE ? Estimate.BEYOND_HORIZON : Estimate.PROJECTED,
        month(quantile(replicates, 0.1)), month(quantile(replicates, 0.5)), month(quantile(replicates, 0.9)),
        replicates.length == 0 ? null : (double) within / replicates.length, observations, r2, rmse, set.drivers(), "");
  }

  /**
   * The month nearest to where the curve's share first reaches one half, searching from
   * {@code from} to the horizon's end: the first month at or above one half, or the month before
   * it when the crossing (interpolated between the two) lies nearer to that one. Taking the first
   * month at or above would put the estimate half a month late on average.
   */
  static int crossingMonth(Curves curves, int from, ForecastConfig config) {
    double previous = Double.NaN;
    for (int m = from; m <= config.horizonEnd(); m++) {
      double share = curves.share(m - config.origin());
      if (share >= Crossover.THRESHOLD) {
        boolean nearerPrevious = m > from && (Crossover.THRESHOLD - previous) / (share - previous) < 0.5;
        return nearerPrevious ? m - 1 : m;
      }
      previous = share;
    }
    return Integer.MAX_VALUE;
  }

  private static List<ForecastPoint> observedPoints(History history) {
    List<ForecastPoint> points = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      points.add(new ForecastPoint(history.segment(), LogisticShareModel.NAME, Months.start(history.months()[i]), true, history.share(i),
          null, null, history.training()[i], history.inference()[i]));
    }
    return points;
  }

  private static List<ForecastPoint> futurePoints(String segment, CurveSet set, ForecastConfig config) {
    List<ForecastPoint> points = new ArrayList<>();
    double[] shares = new double[set.replicates().size()];
    for (int m = config.origin() + 1; m <= config.horizonEnd(); m++) {
      double t = m - config.origin();
      for (int r = 0; r < shares.length; r++) {
        shares[r] = set.replicates().get(r).share(t);
      }
      Arrays.sort(shares);
      points.add(new ForecastPoint(segment, set.model(), Months.start(m), false, set.fitted().share(t),
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
