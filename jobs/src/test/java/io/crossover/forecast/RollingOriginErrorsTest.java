package io.crossover.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class RollingOriginErrorsTest {
  private static final int ORIGIN = Months.index(LocalDate.of(2026, 10, 1));
  private static final int MONTHS = 60;

  private static History history(IntToDoubleFunction logit) {
    return history(MONTHS, logit);
  }

  /** {@code months} months ending at ORIGIN, share = logistic(logit(i)), 1000 PFLOP-days a month. */
  private static History history(int months, IntToDoubleFunction logit) {
    int[] calendar = new int[months];
    double[] training = new double[months];
    double[] inference = new double[months];
    for (int i = 0; i < months; i++) {
      calendar[i] = ORIGIN - months + 1 + i;
      double share = Curves.logistic(logit.applyAsDouble(i));
      inference[i] = 1000 * share;
      training[i] = 1000 * (1 - share);
    }
    return new History("region=a", calendar, training, inference);
  }

  private static RollingOriginErrors straight(History history) {
    return RollingOriginErrors.of(history, ORIGIN, 12, h -> new LogisticShareModel(h, ORIGIN));
  }

  @Test
  void aShareOnItsLogisticTrendGivesTheP50BackWithinAMonth() {
    int[] interval = straight(history(i -> -4 + 0.06 * i)).interval(ORIGIN + 8, 8);
    assertThat(interval[0]).isBetween(ORIGIN + 7, ORIGIN + 8);
    assertThat(interval[1]).isBetween(ORIGIN + 8, ORIGIN + 9);
  }

  @Test
  void aShareThatKeepsSlowingDownPutsTheIntervalLaterThanTheP50() {
    int[] interval = straight(history(i -> -4 + 1.2 * Math.sqrt(i))).interval(ORIGIN + 8, 8);
    assertThat(interval[0]).isGreaterThanOrEqualTo(ORIGIN + 8);
    assertThat(interval[1]).isGreaterThanOrEqualTo(ORIGIN + 8 + 3);
  }

  @Test
  void aCrossingFurtherOutThanAnyMeasuredLeadScalesTheLongestLeadsErrors() {
    RollingOriginErrors errors = straight(history(i -> -4 + 1.2 * Math.sqrt(i)));
    int[] measured = errors.interval(ORIGIN + 40, 40);
    int[] further = errors.interval(ORIGIN + 80, 80);
    assertThat(further[1] - (ORIGIN + 80)).isGreaterThan(measured[1] - (ORIGIN + 40));
  }

  @Test
  void aHistoryTooShortForTenRefitsAtTheLeadGivesNoInterval() {
    History shortHistory = history(15, i -> -4 + 0.06 * i);
    assertThat(straight(shortHistory).interval(ORIGIN + 8, 8)).isNull();
  }
}
