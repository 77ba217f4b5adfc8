package io.crossover.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestTest {
  private static final int ORIGIN = Months.index(LocalDate.of(2025, 6, 1));

  @Test
  void cutoffsFallEverySixMonthsOverTheLastThreeYears() {
    assertThat(Backtest.cutoffs(ORIGIN)).extracting(Months::start).extracting(LocalDate::toString)
        .containsExactly("2022-06-01", "2022-12-01", "2023-06-01", "2023-12-01", "2024-06-01", "2024-12-01");
  }

  @Test
  void scoresEachModelAtEachCutoffAndHorizonThatHasBeenObserved() {
    History history = ForecasterTest.logisticHistory("region=eu", LocalDate.of(2023, 1, 1), 0.08, 1000, 9);
    List<Backtest.Score> scores = Backtest.evaluate(history, ORIGIN, 12).scores();
    // 6 cutoffs x horizon 6 (6 observed), 12 (5), 24 (3) = 14 per model and per naive baseline
    assertThat(scores).extracting(Backtest.Score::model).containsOnly("logistic_share", "loglinear",
        NaiveBaselines.LAST_SHARE, NaiveBaselines.LINEAR_TREND);
    assertThat(scores).hasSize(56);
    assertThat(scores).filteredOn(s -> s.model().equals("logistic_share"))
        .allSatisfy(s -> assertThat(Math.abs(s.predictedShare() - s.observedShare())).isLessThan(0.1));
    assertThat(scores).filteredOn(s -> s.model().equals("logistic_share") && s.cutoff() >= Months.index(LocalDate.of(2023, 6, 1)))
        .allSatisfy(s -> assertThat(Math.abs(s.crossoverErrorMonths())).isLessThanOrEqualTo(3));
  }

  @Test
  void aSegmentThatHasNotCrossedHasNoCrossoverError() {
    History history = ForecasterTest.logisticHistory("region=eu", LocalDate.of(2027, 1, 1), 0.05, 1000, 10);
    assertThat(Backtest.evaluate(history, ORIGIN, 12).scores()).allSatisfy(s -> assertThat(s.crossoverErrorMonths()).isNull());
  }

  @Test
  void theModelsIntervalsHoldMostObservedSharesAndScoreBetterThanCarryingTheLastShareForward() {
    List<Backtest.Score> scores = new java.util.ArrayList<>();
    for (long seed = 20; seed < 26; seed++) {
      scores.addAll(Backtest.evaluate(ForecasterTest.logitNoiseHistory(ORIGIN - 71, 72, LocalDate.of(2024, 6, 1), 0.06,
          seed), ORIGIN, 12).scores());
    }
    List<Backtest.Score> logistic = scores.stream().filter(s -> s.model().equals("logistic_share")).toList();
    assertThat(logistic).allSatisfy(s -> assertThat(s.shareP10()).isNotNull());
    double coverage = logistic.stream().filter(Backtest.Score::inside).count() / (double) logistic.size();
    assertThat(coverage).as("observed shares inside the logistic model's p10–p90").isBetween(0.65, 0.95);
    assertThat(meanIntervalScore(scores, "logistic_share"))
        .isLessThan(meanIntervalScore(scores, NaiveBaselines.LAST_SHARE));
  }

  private static double meanIntervalScore(List<Backtest.Score> scores, String model) {
    return scores.stream().filter(s -> s.model().equals(model) && s.intervalScore() != null)
        .mapToDouble(Backtest.Score::intervalScore).average().orElseThrow();
  }

  @Test
  void anIntervalThatMissesPaysTenTimesTheMissOnTopOfItsWidth() {
    Backtest.Score missed = new Backtest.Score("all", new Backtest.Variant("logistic_share", ""), ORIGIN, 6, 0.4, 0.6,
        null, 0.3, 0.5);
    assertThat(missed.inside()).isFalse();
    assertThat(missed.intervalScore()).isCloseTo(0.2 + 10 * 0.1, org.assertj.core.api.Assertions.within(1e-12));
    Backtest.Score held = new Backtest.Score("all", new Backtest.Variant("logistic_share", ""), ORIGIN, 6, 0.4, 0.45,
        null, 0.3, 0.5);
    assertThat(held.inside()).isTrue();
    assertThat(held.intervalScore()).isCloseTo(0.2, org.assertj.core.api.Assertions.within(1e-12));
  }
}
