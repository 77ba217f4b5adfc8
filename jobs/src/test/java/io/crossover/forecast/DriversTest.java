package io.crossover.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Known answers for the share model's drivers, their projections and the what-if scenarios. */
class DriversTest {
  private static final int ORIGIN = Months.index(LocalDate.of(2025, 6, 1));
  private static final int N = 72;
  /** The true effect of one unit of log(1 + capital in billions) on the log-odds of the share. */
  private static final double CAPITAL_EFFECT = 0.8;

  /**
   * A history whose log-odds are {@code -5 + 0.01·t + 0.8·log1p(capital)}, with trailing capital that
   * jumps from $5B to $150B two years before the origin and then grows 40% a year: time alone
   * cannot explain the jump, the capital driver can.
   */
  static History capitalDrivenHistory(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] months = new int[N];
    double[] training = new double[N];
    double[] inference = new double[N];
    double[][] drivers = new double[Driver.values().length][N];
    Arrays.fill(drivers[Driver.CAPACITY.ordinal()], Double.NaN);
    for (int i = 0; i < N; i++) {
      months[i] = ORIGIN - N + 1 + i;
      int t = months[i] - ORIGIN;
      double capital = t < -24 ? 5e9 : 150e9 * Math.exp(Math.log(1.4) / 12 * (t + 24));
      drivers[Driver.CAPITAL.ordinal()][i] = capital;
      double share = Curves.logistic(-5 + 0.01 * t + CAPITAL_EFFECT * Math.log1p(capital / 1e9));
      double noisy = share * (1 + 0.04 * (random.nextDouble() - 0.5));
      double total = 1000 * Math.exp(0.03 * i);
      inference[i] = total * noisy;
      training[i] = total * (1 - noisy);
    }
    return new History("region=eu", months, training, inference, drivers);
  }

  private static Scenario capitalGrowth(double rate) {
    return new Scenario(rate, null);
  }

  @Test
  void theShareModelRecoversTheCapitalEffect() {
    LogisticShareModel model = new LogisticShareModel(capitalDrivenHistory(1), ORIGIN, List.of(Driver.CAPITAL), Scenario.NONE);
    assertThat(model.drivers()).isEqualTo("capital");
    LogisticShareModel.Fitted fitted = (LogisticShareModel.Fitted) model.fitted();
    assertThat(fitted.beta()[2]).isCloseTo(CAPITAL_EFFECT, within(0.1));
    assertThat(model.r2()).isGreaterThan(0.95);
  }

  @Test
  void withTheDriverTheFitFollowsTheJumpThatTimeAloneSmoothsOver() {
    History history = capitalDrivenHistory(2);
    LogisticShareModel withCapital = new LogisticShareModel(history, ORIGIN, List.of(Driver.CAPITAL), Scenario.NONE);
    LogisticShareModel timeOnly = new LogisticShareModel(history, ORIGIN);
    assertThat(withCapital.rmse()).isLessThan(timeOnly.rmse() / 3);
  }

  @Test
  void lessCapitalGrowthMovesTheCrossoverLaterAndMoreMovesItEarlier() {
    History history = capitalDrivenHistory(3);
    ForecastConfig trend = new ForecastConfig("2025-07-01", ORIGIN, 240, 100, 6, 12, List.of(Driver.CAPITAL), Scenario.NONE);
    ForecastConfig winter = new ForecastConfig("2025-07-01", ORIGIN, 240, 100, 6, 12, List.of(Driver.CAPITAL),
        capitalGrowth(-0.3));
    ForecastConfig boom = new ForecastConfig("2025-07-01", ORIGIN, 240, 100, 6, 12, List.of(Driver.CAPITAL),
        capitalGrowth(1.0));
    LocalDate baseline = p50(history, trend);
    assertThat(baseline).isNotNull();
    LocalDate slower = p50(history, winter);
    assertThat(slower == null || slower.isAfter(baseline)).as("winter %s after trend %s", slower, baseline).isTrue();
    assertThat(p50(history, boom)).isBefore(baseline);
  }

  private static LocalDate p50(History history, ForecastConfig config) {
    Estimate estimate = Forecaster.forecastSegment(history, config, false).estimates().get(0);
    assertThat(estimate.drivers()).isEqualTo("capital");
    return estimate.p50();
  }

  @Test
  void capitalFollowsItsOwnRecentGrowthAfterTheOrigin() {
    History history = capitalDrivenHistory(4);
    DriverPath path = DriverPath.of(Driver.CAPITAL, history.months(), history.driver(Driver.CAPITAL), ORIGIN, Scenario.NONE);
    double atOrigin = history.driver(Driver.CAPITAL)[N - 1];
    assertThat(path.at(0)).isCloseTo(Math.log1p(atOrigin / 1e9), within(1e-12));
    assertThat(path.at(12)).isCloseTo(Math.log1p(atOrigin * 1.4 / 1e9), within(1e-6));
    assertThat(path.at(-60)).isCloseTo(Math.log1p(5), within(1e-12));
  }

  @Test
  void aCapacityScenarioHoldsTheShareFromTheOriginOn() {
    int[] months = {ORIGIN - 2, ORIGIN - 1, ORIGIN};
    double[] share = {0.2, 0.25, 0.3};
    DriverPath held = DriverPath.of(Driver.CAPACITY, months, share, ORIGIN, new Scenario(null, 0.7));
    assertThat(held.at(1)).isEqualTo(0.7);
    assertThat(held.at(36)).isEqualTo(0.7);
    assertThat(held.at(-1)).isEqualTo(0.25);
  }

  @Test
  void aDriverMissingInSomeMonthIsLeftOutOfTheFit() {
    History history = capitalDrivenHistory(5);
    history.driver(Driver.CAPITAL)[10] = Double.NaN;
    LogisticShareModel model = new LogisticShareModel(history, ORIGIN, List.of(Driver.CAPITAL, Driver.CAPACITY), Scenario.NONE);
    assertThat(model.drivers()).isEmpty();
    assertThat(model.fitted().share(0)).isCloseTo(new LogisticShareModel(history, ORIGIN).fitted().share(0), within(1e-12));
  }

  @Test
  void theBacktestScoresTheShareModelWithAndWithoutTheDriver() {
    Backtest.SegmentBacktest backtest = Backtest.evaluate(capitalDrivenHistory(6), ORIGIN, 12);
    assertThat(backtest.curves().keySet()).containsExactlyInAnyOrder(
        new Backtest.Variant("logistic_share", ""), new Backtest.Variant("loglinear", ""),
        new Backtest.Variant("logistic_share", "capital"));
    assertThat(backtest.scores()).filteredOn(s -> s.variant().drivers().equals("capital")).isNotEmpty();
  }
}
