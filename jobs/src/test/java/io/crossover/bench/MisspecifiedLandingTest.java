package io.crossover.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crossover.forecast.History;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The misspecified suite's generator: its truths are what the scenarios say. Pure Java, no fit. */
class MisspecifiedLandingTest {
  private static final int HORIZON_END = MisspecifiedLanding.ORIGIN + MisspecifiedLanding.HORIZON_MONTHS;

  @Test
  void aPlateauNeverReachesHalfSoItHasNoTruth() {
    for (long seed = 0; seed < 20; seed++) {
      MisspecifiedLanding.Landing landing = MisspecifiedLanding.generate(Misspecification.PLATEAU, seed);
      for (MisspecifiedLanding.TruePath path : landing.truePaths()) {
        assertThat(IntStream.rangeClosed(MisspecifiedLanding.FIRST_MONTH, HORIZON_END)
            .mapToDouble(path.share()::applyAsDouble).max().orElseThrow()).isLessThan(0.5);
      }
      assertThat(landing.marketTruth()).isEqualTo(MisspecifiedLanding.NONE);
    }
  }

  @Test
  void aCleanRegionCrossesAtItsPlantedMonthAfterTheOrigin() {
    for (long seed = 0; seed < 20; seed++) {
      MisspecifiedLanding.Landing landing = MisspecifiedLanding.generate(Misspecification.CLEAN, seed);
      for (int r = 0; r < landing.truePaths().size(); r++) {
        int planted = landing.truePaths().get(r).plantedMonth();
        assertThat(landing.regionTruth(r)).isEqualTo(planted);
        assertThat(planted - MisspecifiedLanding.ORIGIN).isBetween(3, 36);
      }
    }
  }

  @Test
  void theMarketCrossesBetweenItsEarliestAndLatestRegion() {
    MisspecifiedLanding.Landing landing = MisspecifiedLanding.generate(Misspecification.CLEAN, 7);
    IntStream planted = landing.truePaths().stream().mapToInt(MisspecifiedLanding.TruePath::plantedMonth);
    int[] sorted = planted.sorted().toArray();
    assertThat(landing.marketTruth()).isBetween(sorted[0], sorted[sorted.length - 1]);
  }

  @Test
  void everyMisspecifiedTrendStillCrossesWhereItWasPlanted() {
    for (Misspecification scenario : new Misspecification[] {Misspecification.SLOPE_BREAK, Misspecification.GOMPERTZ}) {
      MisspecifiedLanding.Landing landing = MisspecifiedLanding.generate(scenario, 3);
      for (int r = 0; r < landing.truePaths().size(); r++) {
        assertThat(landing.regionTruth(r)).as(scenario.label()).isEqualTo(landing.truePaths().get(r).plantedMonth());
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameLanding() {
    for (Misspecification scenario : Misspecification.values()) {
      History a = MisspecifiedLanding.generate(scenario, 11).regions().get(3);
      History b = MisspecifiedLanding.generate(scenario, 11).regions().get(3);
      assertThat(a.inference()).as(scenario.label()).containsExactly(b.inference());
      assertThat(a.training()).as(scenario.label()).containsExactly(b.training());
    }
    assertThat(MisspecifiedLanding.generate(Misspecification.CLEAN, 12).market().inference())
        .isNotEqualTo(MisspecifiedLanding.generate(Misspecification.CLEAN, 11).market().inference());
  }

  @Test
  void theMarketIsTheSumOfTheRegionsMonthByMonth() {
    MisspecifiedLanding.Landing landing = MisspecifiedLanding.generate(Misspecification.COMMON_SHOCKS, 5);
    for (int i = 0; i < MisspecifiedLanding.HISTORY_MONTHS; i++) {
      int at = i;
      double inference = landing.regions().stream().mapToDouble(h -> h.inference()[at]).sum();
      assertThat(landing.market().inference()[i]).isCloseTo(inference, within(1e-9 * inference));
    }
    assertThat(landing.market().months()).hasSize(MisspecifiedLanding.HISTORY_MONTHS)
        .endsWith(MisspecifiedLanding.ORIGIN);
  }
}
