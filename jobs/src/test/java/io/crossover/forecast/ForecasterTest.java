package io.crossover.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Known answers on synthetic histories whose true share curve is logistic. */
class ForecasterTest {
  private static final int ORIGIN = Months.index(LocalDate.of(2025, 6, 1));
  private static final ForecastConfig CONFIG = new ForecastConfig("2025-07-01", ORIGIN, 120, 200, 6, 12);

  /** 72 months ending at ORIGIN; share logistic crossing at {@code crossover}, 3% monthly growth, 5% noise. */
  static History logisticHistory(String segment, LocalDate crossover, double slope, double scale, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = 72;
    int[] months = new int[n];
    double[] training = new double[n];
    double[] inference = new double[n];
    int cross = Months.index(crossover);
    for (int i = 0; i < n; i++) {
      months[i] = ORIGIN - n + 1 + i;
      double total = scale * Math.exp(0.03 * i) * (1 + 0.05 * (random.nextDouble() - 0.5));
      double share = 1 / (1 + Math.exp(-slope * (months[i] - cross)));
      double noisyShare = Math.min(0.999, Math.max(0.001, share * (1 + 0.08 * (random.nextDouble() - 0.5))));
      inference[i] = total * noisyShare;
      training[i] = total * (1 - noisyShare);
    }
    return new History(segment, months, training, inference);
  }

  private static long monthsBetween(LocalDate a, LocalDate b) {
    return Math.abs(ChronoUnit.MONTHS.between(a, b));
  }

  @Test
  void projectsAFutureCrossoverWithinTwoMonthsAndBracketsIt() {
    LocalDate truth = LocalDate.of(2026, 9, 1);
    Estimate estimate = Forecaster.forecastSegment(
        logisticHistory("region=eu", truth, 0.06, 1000, 1), CONFIG, false).estimates().get(0);
    assertThat(estimate.model()).isEqualTo("logistic_share");
    assertThat(estimate.status()).isEqualTo("projected");
    assertThat(monthsBetween(estimate.p50(), truth)).isLessThanOrEqualTo(2);
    assertThat(estimate.p10()).isBeforeOrEqualTo(estimate.p50());
    assertThat(estimate.p90()).isAfterOrEqualTo(estimate.p50());
    assertThat(estimate.probabilityWithinHorizon()).isEqualTo(1.0);
  }

  @Test
  void theP10ToP90IntervalContainsTheTruthForMostNoiseDraws() {
    LocalDate truth = LocalDate.of(2026, 9, 1);
    int seeds = 40;
    int covered = 0;
    for (int seed = 100; seed < 100 + seeds; seed++) {
      Estimate estimate = Forecaster.forecastSegment(
          logisticHistory("region=eu", truth, 0.06, 1000, seed), CONFIG, false).estimates().get(0);
      if (!estimate.p10().isAfter(truth) && !estimate.p90().isBefore(truth)) {
        covered++;
      }
    }
    assertThat((double) covered / seeds).as("coverage of the p10-p90 interval").isGreaterThanOrEqualTo(0.7);
  }

  @Test
  void reportsAnObservedCrossingAsCrossedAtTheMonthTheShareStayedAbove() {
    LocalDate truth = LocalDate.of(2023, 3, 1);
    Estimate estimate = Forecaster.forecastSegment(
        logisticHistory("region=us", truth, 0.15, 1000, 2), CONFIG, false).estimates().get(0);
    assertThat(estimate.status()).isEqualTo("crossed");
    assertThat(monthsBetween(estimate.p50(), truth)).isLessThanOrEqualTo(2);
    assertThat(estimate.p10()).isBeforeOrEqualTo(estimate.p50());
    assertThat(estimate.p90()).isAfterOrEqualTo(estimate.p50());
    assertThat(monthsBetween(estimate.p10(), estimate.p90())).as("the fitted curve's window").isLessThanOrEqualTo(12);
  }

  @Test
  void aFlatShareNeverCrossesWithinTheHorizon() {
    SplittableRandom random = new SplittableRandom(3);
    int n = 48;
    int[] months = new int[n];
    double[] training = new double[n];
    double[] inference = new double[n];
    for (int i = 0; i < n; i++) {
      months[i] = ORIGIN - n + 1 + i;
      inference[i] = 20 * (1 + 0.1 * random.nextDouble());
      training[i] = 80 * (1 + 0.1 * random.nextDouble());
    }
    Estimate estimate = Forecaster.forecastSegment(new History("org=flat", months, training, inference), CONFIG, false)
        .estimates().get(0);
    assertThat(estimate.status()).isEqualTo("beyond_horizon");
    assertThat(estimate.p50()).isNull();
    assertThat(estimate.probabilityWithinHorizon()).isLessThan(0.2);
  }

  @Test
  void tooShortAHistoryIsNotFitted() {
    History history = new History("org=new", new int[] {ORIGIN - 1, ORIGIN}, new double[] {1, 1}, new double[] {1, 2});
    List<Estimate> estimates = Forecaster.forecastSegment(history, CONFIG, false).estimates();
    assertThat(estimates).extracting(Estimate::status).containsOnly("insufficient_history");
  }

  @Test
  void aSegmentWithoutMonthsIsNotFittedEvenWhenShortSegmentsLeanOnTheMarket() {
    var marketTrend = new LogisticShareModel.Pooling(0.05, 0.03, 0.1, 100);
    History empty = new History("chip=unused", new int[0], new double[0], new double[0]);
    List<Estimate> estimates = Forecaster.forecastSegment(empty, CONFIG.onMarket(ORIGIN - 71, marketTrend), false)
        .estimates();
    assertThat(estimates).extracting(Estimate::status).containsOnly("insufficient_history");
  }

  @Test
  void aSegmentThatOnlyTrainsGetsNoLogLinearEstimate() {
    History rising = logisticHistory("chip=trainer", LocalDate.of(2026, 9, 1), 0.06, 1000, 4);
    double[] none = new double[rising.size()];
    History trainingOnly = new History("chip=trainer", rising.months(), rising.training(), none);
    List<Estimate> estimates = Forecaster.forecastSegment(trainingOnly, CONFIG, false).estimates();
    assertThat(estimates).extracting(Estimate::model).containsExactly("logistic_share", "loglinear");
    assertThat(estimates.get(1).status()).isEqualTo("insufficient_history");
  }

  @Test
  void theLogLinearModelFindsWhereTheWorkloadLinesMeet() {
    LocalDate truth = LocalDate.of(2026, 9, 1);
    Estimate loglinear = Forecaster.forecastSegment(
        logisticHistory("region=eu", truth, 0.06, 1000, 1), CONFIG, false).estimates().get(1);
    assertThat(loglinear.model()).isEqualTo("loglinear");
    assertThat(loglinear.status()).isEqualTo("projected");
    assertThat(monthsBetween(loglinear.p50(), truth)).isLessThanOrEqualTo(4);
  }

  @Test
  void theLogLinearModelBootstrapsAHistoryWithMonthsWithoutTraining() {
    History full = logisticHistory("region=eu", LocalDate.of(2026, 9, 1), 0.06, 1000, 2);
    double[] training = full.training().clone();
    for (int i = 0; i < 24; i += 2) {
      training[i] = 0;
    }
    History withZeros = new History("region=eu", full.months(), training, full.inference());
    Estimate loglinear = Forecaster.forecastSegment(withZeros, CONFIG, false).estimates().get(1);
    assertThat(loglinear.model()).isEqualTo("loglinear");
    assertThat(loglinear.observations()).isEqualTo(full.size() - 12);
    assertThat(loglinear.status()).isEqualTo("projected");
  }

  @Test
  void theSameInputsGiveIdenticalResults() {
    History history = logisticHistory("region=eu", LocalDate.of(2026, 9, 1), 0.06, 1000, 4);
    assertThat(Forecaster.forecastSegment(history, CONFIG, false))
        .isEqualTo(Forecaster.forecastSegment(history, CONFIG, false));
  }

  @Test
  void theMarketIsTheSumOfItsSegmentsReplicateByReplicate() {
    Forecaster.SegmentForecast a = Forecaster.forecastSegment(
        logisticHistory("region=a", LocalDate.of(2024, 6, 1), 0.08, 3000, 5), CONFIG, true);
    Forecaster.SegmentForecast b = Forecaster.forecastSegment(
        logisticHistory("region=b", LocalDate.of(2028, 6, 1), 0.08, 1000, 6), CONFIG, true);
    CurveSet market = CurveSet.sum("logistic_share", List.of(a.curves().get(0), b.curves().get(0)));
    for (double t : new double[] {-30, 0, 12, 60}) {
      double inference = a.curves().get(0).fitted().inference(t) + b.curves().get(0).fitted().inference(t);
      double training = a.curves().get(0).fitted().training(t) + b.curves().get(0).fitted().training(t);
      assertThat(market.fitted().share(t)).isCloseTo(inference / (inference + training), within(1e-12));
      Curves replicate = market.replicates().get(7);
      double replicateInference = a.curves().get(0).replicates().get(7).inference(t)
          + b.curves().get(0).replicates().get(7).inference(t);
      assertThat(replicate.inference(t)).isCloseTo(replicateInference, within(1e-9 * replicateInference));
    }
  }

  @Test
  void aBottomUpMarketCrossesWhereTheSummedSharesDoNotWhereALogitOfTheSumWould() {
    LocalDate early = LocalDate.of(2024, 1, 1);
    LocalDate late = LocalDate.of(2029, 1, 1);
    History a = logisticHistory("region=a", early, 0.2, 1000, 7);
    History b = logisticHistory("region=b", late, 0.2, 1000, 8);
    double[] training = new double[a.size()];
    double[] inference = new double[a.size()];
    for (int i = 0; i < a.size(); i++) {
      training[i] = a.training()[i] + b.training()[i];
      inference[i] = a.inference()[i] + b.inference()[i];
    }
    History all = new History("all", a.months(), training, inference);
    Estimate market = Forecaster.forecastMarket(all, List.of(
        Forecaster.forecastSegment(a, CONFIG, true), Forecaster.forecastSegment(b, CONFIG, true)), CONFIG)
        .estimates().get(0);
    int truth = firstMonthAtHalf(ORIGIN - 71, early, late);
    assertThat(market.segment()).isEqualTo("all");
    assertThat(Months.index(market.p50()) - truth).isBetween(-3, 3);
  }

  @Test
  void forecastRowsRunFromTheFirstObservedMonthToTheHorizonWithABand() {
    Forecaster.SegmentForecast forecast = Forecaster.forecastSegment(
        logisticHistory("region=eu", LocalDate.of(2026, 9, 1), 0.06, 1000, 1), CONFIG, false);
    assertThat(forecast.points()).hasSize(72 + 120);
    ForecastPoint future = forecast.points().get(72 + 12);
    assertThat(future.isHistory()).isFalse();
    assertThat(future.shareP10()).isLessThanOrEqualTo(future.inferenceShare());
    assertThat(future.shareP90()).isGreaterThanOrEqualTo(future.inferenceShare());
    assertThat(future.inferencePflopDays() / (future.inferencePflopDays() + future.trainingPflopDays()))
        .isCloseTo(future.inferenceShare(), within(1e-12));
  }

  /**
   * {@code n} months from {@code first}: the share's logit rises by {@code slope} a month through zero
   * at {@code crossover}, plus Gaussian noise of 0.15; totals 1000 a month.
   */
  static History logitNoiseHistory(int first, int n, LocalDate crossover, double slope, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] months = new int[n];
    double[] training = new double[n];
    double[] inference = new double[n];
    for (int i = 0; i < n; i++) {
      months[i] = first + i;
      double share = Curves.logistic(slope * (months[i] - Months.index(crossover)) + 0.15 * random.nextGaussian());
      inference[i] = 1000 * share;
      training[i] = 1000 * (1 - share);
    }
    return new History("region=eu", months, training, inference);
  }

  @Test
  void theBandHoldsMostLaterObservedMonthsNotOnlyTheTrend() {
    int covered = 0;
    int scored = 0;
    for (long seed = 300; seed < 310; seed++) {
      History all = logitNoiseHistory(ORIGIN - 71, 96, LocalDate.of(2026, 12, 1), 0.05, seed);
      List<ForecastPoint> future = Forecaster.forecastSegment(all.upTo(ORIGIN), CONFIG, false).points().stream()
          .filter(p -> !p.isHistory()).limit(24).toList();
      for (int k = 0; k < future.size(); k++) {
        double observed = all.share(72 + k);
        scored++;
        if (future.get(k).shareP10() < observed && observed < future.get(k).shareP90()) {
          covered++;
        }
      }
    }
    assertThat((double) covered / scored).as("later months inside p10–p90").isBetween(0.7, 0.9);
  }

  /** True market crossing of two equal-weight logistic regions with slope 0.2 (the test's histories). */
  private static int firstMonthAtHalf(int from, LocalDate a, LocalDate b) {
    for (int m = from; ; m++) {
      double share = 0.5 / (1 + Math.exp(-0.2 * (m - Months.index(a)))) + 0.5 / (1 + Math.exp(-0.2 * (m - Months.index(b))));
      if (share >= 0.5) {
        return m;
      }
    }
  }
}
