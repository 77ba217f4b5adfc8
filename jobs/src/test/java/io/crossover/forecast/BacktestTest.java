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
    // 6 cutoffs x horizon 6 (6 observed), 12 (5), 24 (3) = 14 per model
    assertThat(scores).hasSize(28);
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
}
