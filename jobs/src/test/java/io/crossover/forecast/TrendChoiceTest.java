package io.crossover.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class TrendChoiceTest {
  private static final int ORIGIN = Months.index(LocalDate.of(2026, 10, 1));
  private static final int MONTHS = 72;
  private static final ForecastConfig CONFIG = new ForecastConfig("2026-11-15", ORIGIN, 120, 200, 6, 12);

  /** {@code MONTHS} months ending at ORIGIN: share(i) with logit noise of 0.05, 1000 PFLOP-days growing 3% a month. */
  private static History history(IntToDoubleFunction share, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] calendar = new int[MONTHS];
    double[] training = new double[MONTHS];
    double[] inference = new double[MONTHS];
    for (int i = 0; i < MONTHS; i++) {
      calendar[i] = ORIGIN - MONTHS + 1 + i;
      double noisy = Curves.logistic(Curves.logit(share.applyAsDouble(i)) + 0.05 * (2 * random.nextDouble() - 1));
      double total = 1000 * Math.exp(0.03 * i);
      inference[i] = total * noisy;
      training[i] = total * (1 - noisy);
    }
    return new History("region=a", calendar, training, inference);
  }

  /** A Gompertz path through one half 12 months after the origin: its logit rises ever more slowly. */
  private static double gompertz(int i) {
    return Math.exp(-Math.log(2) * Math.exp(-0.018 * (i - (MONTHS - 1 + 12))));
  }

  @Test
  void aClockReadsBackTheTimeItWasAtAndADampedOneNeverPassesItsCeiling() {
    Clock damped = new Clock(0.95);
    assertThat(damped.inverse(damped.at(7))).isCloseTo(7, within(1e-9));
    assertThat(damped.at(0)).isZero();
    assertThat(damped.inverse(1 / (1 - 0.95) + 1)).isNaN();
    assertThat(Clock.LINEAR.at(-5)).isEqualTo(-5);
  }

  @Test
  void aSlowingShareIsDatedOnADampedTrendAndFlaggedDamped() {
    History slowing = history(TrendChoiceTest::gompertz, 1);
    TrendChoice.Choice choice = TrendChoice.of(slowing, ORIGIN, 12);
    Estimate estimate = Forecaster.forecastSegment(slowing, CONFIG, false).estimates().get(0);
    int straight = Forecaster.crossingMonth(new LogisticShareModel(slowing, ORIGIN).fitted(), slowing.months()[0], CONFIG);
    int truth = ORIGIN + 12;
    assertThat(choice.clock().isDamped()).isTrue();
    assertThat(Arrays.asList(estimate.flags().split(","))).contains(Flags.DAMPED);
    assertThat(truth - straight).as("the straight logit dates it early").isGreaterThanOrEqualTo(3);
    assertThat(Months.index(estimate.p50()) - truth).isBetween(-1, 1);
    assertThat(Months.index(estimate.p10())).isLessThanOrEqualTo(truth);
    assertThat(Months.index(estimate.p90())).isGreaterThanOrEqualTo(truth);
  }

  @Test
  void aShareOnALogisticTrendKeepsTheStraightLogit() {
    History logistic = history(i -> Curves.logistic(0.06 * (i - (MONTHS - 1 + 12))), 1);
    Estimate estimate = Forecaster.forecastSegment(logistic, CONFIG, false).estimates().get(0);
    assertThat(TrendChoice.of(logistic, ORIGIN, 12).clock().isDamped()).isFalse();
    assertThat(estimate.flags()).doesNotContain(Flags.DAMPED);
    assertThat(Months.index(estimate.p50()) - (ORIGIN + 12)).isBetween(-1, 1);
  }
}
