package io.crossover.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** One fixed seed per pathology of the telemetry forecast: the status or flag a user sees. */
class StatusAndFlagsTest {
  private static final int ORIGIN = Months.index(LocalDate.of(2026, 10, 1));
  private static final int MONTHS = 48;
  private static final ForecastConfig CONFIG = new ForecastConfig("2026-11-15", ORIGIN, 120, 200, 6, 12);

  /**
   * {@code months} months ending at ORIGIN: the logit of the share at position i is
   * {@code logit.applyAsDouble(i)} plus {@code noise[i]}, totals growing 3% a month.
   */
  private static History history(String segment, int months, IntToDoubleFunction logit, double[] noise) {
    int[] calendar = new int[months];
    double[] training = new double[months];
    double[] inference = new double[months];
    for (int i = 0; i < months; i++) {
      calendar[i] = ORIGIN - months + 1 + i;
      double total = 1000 * Math.exp(0.03 * i);
      double share = Curves.logistic(logit.applyAsDouble(i) + noise[i]);
      inference[i] = total * share;
      training[i] = total * (1 - share);
    }
    return new History(segment, calendar, training, inference);
  }

  private static double[] whiteNoise(int n, double sd, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] noise = new double[n];
    for (int i = 0; i < n; i++) {
      noise[i] = sd * gaussian(random);
    }
    return noise;
  }

  private static double[] ar1Noise(int n, double sd, double rho, long seed) {
    double[] innovations = whiteNoise(n, sd * Math.sqrt(1 - rho * rho), seed);
    double[] noise = new double[n];
    noise[0] = sd * innovations[0] / (sd * Math.sqrt(1 - rho * rho));
    for (int i = 1; i < n; i++) {
      noise[i] = rho * noise[i - 1] + innovations[i];
    }
    return noise;
  }

  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  private static Estimate primary(History history) {
    return Forecaster.forecastSegment(history, CONFIG, false).estimates().get(0);
  }

  private static List<String> flags(Estimate estimate) {
    return Arrays.asList(estimate.flags().split(","));
  }

  @Test
  void aShareThatStayedAboveHalfAndFellBackIsFellBackWithoutDates() {
    Estimate estimate = primary(history("region=a", MONTHS,
        i -> i < 20 ? -1 + 0.1 * i : i < 36 ? 0.6 : -0.6, whiteNoise(MONTHS, 0.05, 1)));
    assertThat(estimate.status()).isEqualTo(Estimate.FELL_BACK);
    assertThat(estimate.p50()).isNull();
    assertThat(estimate.probabilityWithinHorizon()).isNull();
  }

  @Test
  void aShareAboveHalfFromTheFirstMonthIsAlwaysAboveNotCrossedThen() {
    Estimate estimate = primary(history("region=a", MONTHS, i -> 0.4 + 0.03 * i, whiteNoise(MONTHS, 0.05, 2)));
    assertThat(estimate.status()).isEqualTo(Estimate.ALWAYS_ABOVE);
    assertThat(estimate.p10()).isNull();
    assertThat(estimate.p50()).isNull();
  }

  @Test
  void aFallingShareNeverCrossesUpwardEvenWhenItStartedAboveHalf() {
    Estimate estimate = primary(history("region=a", MONTHS, i -> 0.3 - 0.05 * i, whiteNoise(MONTHS, 0.05, 3)));
    assertThat(estimate.status()).isEqualTo(Estimate.FELL_BACK);
    Estimate fromBelow = primary(history("region=b", MONTHS, i -> -0.3 - 0.03 * i, whiteNoise(MONTHS, 0.05, 3)));
    assertThat(fromBelow.status()).isEqualTo(Estimate.BEYOND_HORIZON);
    assertThat(fromBelow.p50()).isNull();
    assertThat(fromBelow.probabilityWithinHorizon()).isZero();
  }

  @Test
  void aShareLevellingOffAt045IsAPlateauWithoutDatesAndARisingOneIsNot() {
    Estimate levelling = primary(history("region=a", MONTHS, i -> {
      double share = 0.45 * Curves.logistic(-3 + 0.15 * i);
      return Math.log(share / (1 - share));
    }, whiteNoise(MONTHS, 0.05, 4)));
    assertThat(levelling.status()).isEqualTo(Estimate.PLATEAU);
    assertThat(levelling.p50()).isNull();
    assertThat(levelling.probabilityWithinHorizon()).isLessThan(Plateau.P_VALUE);

    Estimate rising = primary(history("region=b", MONTHS, i -> -3 + 0.06 * i, whiteNoise(MONTHS, 0.05, 4)));
    assertThat(rising.status()).isEqualTo(Estimate.PROJECTED);
  }

  @Test
  void aShareFitThatDoesNotSettleIsNotConvergedWithoutDates() {
    Estimate estimate = primary(history("region=a", MONTHS, i -> -40, new double[MONTHS]));
    assertThat(estimate.status()).isEqualTo(Estimate.NOT_CONVERGED);
    assertThat(estimate.p50()).isNull();
    assertThat(flags(estimate)).contains(Flags.NOT_CONVERGED);
  }

  @Test
  void flagsASlopeBreakAndNotTheSameNoiseOnOneTrend() {
    double[] noise = whiteNoise(MONTHS, 0.1, 4);
    Estimate broken = primary(history("region=a", MONTHS, i -> i < 30 ? -3 + 0.03 * i : -2.1 + 0.15 * (i - 30), noise));
    Estimate straight = primary(history("region=a", MONTHS, i -> -3 + 0.06 * i, noise));
    assertThat(flags(broken)).contains(Flags.SLOPE_BREAK);
    assertThat(flags(straight)).doesNotContain(Flags.SLOPE_BREAK);
  }

  @Test
  void persistentNoiseOnOneTrendIsRarelyTakenForASlopeBreak() {
    long flagged = java.util.stream.LongStream.range(0, 20)
        .mapToObj(seed -> primary(history("region=a", MONTHS, i -> -3 + 0.06 * i, ar1Noise(MONTHS, 0.15, 0.6, seed))))
        .filter(e -> flags(e).contains(Flags.SLOPE_BREAK)).count();
    assertThat(flagged).isLessThanOrEqualTo(2);
  }

  @Test
  void flagsPersistentNoiseAsAutocorrelatedAndNotIndependentNoise() {
    Estimate persistent = primary(history("region=a", MONTHS, i -> -3 + 0.06 * i, ar1Noise(MONTHS, 0.15, 0.6, 5)));
    Estimate independent = primary(history("region=a", MONTHS, i -> -3 + 0.06 * i, whiteNoise(MONTHS, 0.15, 5)));
    assertThat(flags(persistent)).contains(Flags.AUTOCORRELATED);
    assertThat(flags(independent)).doesNotContain(Flags.AUTOCORRELATED);
  }

  @Test
  void flagsMissingMonthsAsGaps() {
    History full = history("region=a", MONTHS, i -> -3 + 0.06 * i, whiteNoise(MONTHS, 0.05, 6));
    int[] keep = java.util.stream.IntStream.range(0, MONTHS).filter(i -> i % 4 != 1).toArray();
    History gappy = new History("region=a", Arrays.stream(keep).map(i -> full.months()[i]).toArray(),
        Arrays.stream(keep).mapToDouble(i -> full.training()[i]).toArray(),
        Arrays.stream(keep).mapToDouble(i -> full.inference()[i]).toArray());
    assertThat(flags(primary(gappy))).contains(Flags.GAPS);
    assertThat(flags(primary(full))).doesNotContain(Flags.GAPS);
  }

  @Test
  void aShortSegmentLeansOnTheMarketTrendAndCountsInTheMarket() {
    History longA = history("region=a", MONTHS, i -> -3 + 0.08 * i, whiteNoise(MONTHS, 0.05, 7));
    History longB = history("region=b", MONTHS, i -> -2 + 0.08 * i, whiteNoise(MONTHS, 0.05, 8));
    History shortC = history("region=c", 6, i -> 0.2 * i - 0.3, whiteNoise(6, 0.05, 9));
    History market = marketOf(List.of(longA, longB, shortC));
    ForecastConfig onMarket = MarketAssembly.onMarketCalendar(market, CONFIG);
    List<Forecaster.SegmentForecast> parts = List.of(longA, longB, shortC).stream()
        .map(h -> Forecaster.forecastSegment(h, onMarket, true)).toList();
    Estimate shortEstimate = parts.get(2).estimates().get(0);
    assertThat(flags(shortEstimate)).contains(Flags.POOLED);
    assertThat(shortEstimate.status()).isIn(Estimate.PROJECTED, Estimate.CROSSED);
    assertThat(parts).allSatisfy(p -> assertThat(p.curves()).isNotEmpty());

    CurveSet summed = Forecaster.forecastMarket(market, parts, onMarket).curves().get(0);
    for (int r : new int[] {0, 57, 199}) {
      for (double t : new double[] {-40, -3, 0, 24}) {
        double inference = parts.stream().mapToDouble(p -> p.curves().get(0).replicates().get(r).inference(t)).sum();
        double total = parts.stream().mapToDouble(p -> p.curves().get(0).replicates().get(r).total(t)).sum();
        assertThat(summed.replicates().get(r).share(t)).isCloseTo(inference / total, within(1e-9));
        assertThat(summed.replicates().get(r).total(t)).isCloseTo(total, within(1e-9 * total));
      }
    }
  }

  @Test
  void everySegmentDrawsTheSameCalendarBlocksSoCommonShocksStayCommon() {
    History a = history("region=a", MONTHS, i -> -3 + 0.08 * i, whiteNoise(MONTHS, 0.05, 10));
    History b = history("region=b", 30, i -> -1 + 0.08 * i, whiteNoise(30, 0.05, 11));
    ForecastConfig onMarket = CONFIG.onMarket(a.months()[0], null);
    java.util.SplittableRandom forA = new java.util.SplittableRandom(BlockBootstrap.seed("2026-11-15", "x"));
    java.util.SplittableRandom forB = new java.util.SplittableRandom(BlockBootstrap.seed("2026-11-15", "x"));
    int calendar = onMarket.origin() - onMarket.historyStart() + 1;
    int[] positions = BlockBootstrap.circularPositions(calendar, 6, forA);
    int[] drawnA = BlockBootstrap.observationIndices(a.months(), onMarket.historyStart(), positions);
    int[] drawnB = BlockBootstrap.observationIndices(b.months(), onMarket.historyStart(),
        BlockBootstrap.circularPositions(calendar, 6, forB));
    for (int i = 0; i < b.size(); i++) {
      int monthB = b.months()[drawnB[i]];
      int monthA = a.months()[drawnA[i + MONTHS - 30]];
      if (monthA >= b.months()[0]) {
        assertThat(monthB).as("month drawn for b's %d-th month", i).isEqualTo(monthA);
      }
    }
  }

  private static History marketOf(List<History> parts) {
    int first = parts.stream().mapToInt(h -> h.months()[0]).min().orElseThrow();
    int n = ORIGIN - first + 1;
    int[] months = new int[n];
    double[] training = new double[n];
    double[] inference = new double[n];
    for (int i = 0; i < n; i++) {
      months[i] = first + i;
    }
    for (History part : parts) {
      for (int i = 0; i < part.size(); i++) {
        training[part.months()[i] - first] += part.training()[i];
        inference[part.months()[i] - first] += part.inference()[i];
      }
    }
    return new History("all", months, training, inference);
  }
}
