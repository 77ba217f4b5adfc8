package io.crossover.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossover.errors.CrossoverException;
import io.crossover.errors.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void defaultsMatchTheDesign() {
    Settings settings = Settings.defaults();
    assertThat(settings.landing()).isEqualTo("data-samples");
    assertThat(settings.lake()).isEqualTo("lakehouse");
    assertThat(settings.horizonMonths()).isEqualTo(120);
    assertThat(settings.bootstrap()).isEqualTo(500);
    assertThat(settings.segments()).containsExactly("region");
    assertThat(settings.maxRejectRatio()).isEqualTo(0.05);
    assertThat(settings.minRejects()).isEqualTo(10);
    assertThat(settings.fineTuningAs()).isEqualTo("training");
    assertThat(settings.evaluationAs()).isEqualTo("inference");
  }

  @Test
  void readsOverridesAndIgnoresOtherSparkProperties() {
    Settings settings = Settings.from(Map.of(
        "spark.crossover.forecast.segments", "region, org",
        "spark.crossover.quality.maxRejectRatio", "0.2",
        "spark.sql.shuffle.partitions", "7"));
    assertThat(settings.segments()).containsExactly("region", "org");
    assertThat(settings.maxRejectRatio()).isEqualTo(0.2);
  }

  @Test
  void negativeHorizonNamesTheSettingAndTheAcceptedValues() {
    assertUsageError("spark.crossover.forecast.horizonMonths", "-3",
        "Cannot read setting: '-3' is not valid; expected a whole number from 1 to 600"
            + " (spark.crossover.forecast.horizonMonths)");
  }

  @Test
  void zeroBootstrapIsRejected() {
    assertUsageError("spark.crossover.forecast.bootstrap", "0",
        "Cannot read setting: '0' is not valid; expected a whole number from 1 to 100000"
            + " (spark.crossover.forecast.bootstrap)");
  }

  @Test
  void aMinimumOfZeroRejectsIsRejectedNamingTheSetting() {
    assertUsageError("spark.crossover.quality.minRejects", "0",
        "Cannot read setting: '0' is not valid; expected a whole number from 1 to 1000000000"
            + " (spark.crossover.quality.minRejects)");
  }

  @Test
  void unknownSegmentColumnIsRejected() {
    assertUsageError("spark.crossover.forecast.segments", "region,country",
        "Cannot read setting: 'region,country' is not valid; expected a comma-separated list of"
            + " [region, org, chip, vendor], or none (spark.crossover.forecast.segments)");
  }

  @Test
  void aScenarioForADriverTheModelDoesNotUseIsRejected() {
    assertThatThrownBy(() -> Settings.from(Map.of("spark.crossover.scenario.capitalGrowth", "-0.3")))
        .isInstanceOfSatisfying(CrossoverException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessage("Cannot read setting: '-0.3' is not valid; expected no value unless"
            + " spark.crossover.forecast.drivers includes capital (it is spark.crossover.forecast.drivers=none)"
            + " (spark.crossover.scenario.capitalGrowth)");
  }

  @Test
  void aCapitalDeclineOfAHundredPercentOrMoreIsRejected() {
    assertThatThrownBy(() -> Settings.from(Map.of("spark.crossover.forecast.drivers", "capital",
        "spark.crossover.scenario.capitalGrowth", "-1")))
        .hasMessageContaining("expected empty, or an annual growth rate above -1")
        .hasMessageEndingWith("(spark.crossover.scenario.capitalGrowth)");
  }

  @Test
  void readsDriversAndScenarios() {
    Settings settings = Settings.from(Map.of("spark.crossover.forecast.drivers", "capacity, capital",
        "spark.crossover.scenario.capitalGrowth", "-0.3", "spark.crossover.scenario.capacityShare", "0.6"));
    assertThat(settings.drivers()).containsExactly("capacity", "capital");
    assertThat(settings.capitalGrowth()).contains(-0.3);
    assertThat(settings.capacityShare()).contains(0.6);
    assertThat(Settings.defaults().drivers()).isEmpty();
    assertThat(Settings.defaults().capitalGrowth()).isEmpty();
  }

  @Test
  void misspelledKeyIsRejectedRatherThanIgnored() {
    assertThatThrownBy(() -> Settings.from(Map.of("spark.crossover.forecast.horizon", "60")))
        .hasMessageStartingWith("Cannot read setting: '60' is not valid; expected a known setting:")
        .hasMessageEndingWith("(spark.crossover.forecast.horizon)");
  }

  @Test
  void docsSettingsTableMatchesTheCode() throws IOException {
    String docs = Files.readString(Path.of("../docs/settings.md"));
    assertThat(docs).as("docs/settings.md must contain Settings.docTable() verbatim").contains(Settings.docTable());
  }

  @Test
  void everySettingIsListed() {
    assertThat(Settings.ALL).extracting(Setting::key).doesNotHaveDuplicates()
        .allMatch(key -> key.startsWith(Settings.PREFIX));
    assertThat(List.copyOf(Settings.ALL)).hasSize(19);
  }

  private static void assertUsageError(String key, String value, String message) {
    assertThatThrownBy(() -> Settings.from(Map.of(key, value)))
        .isInstanceOf(CrossoverException.class)
        .hasMessage(message)
        .satisfies(e -> assertThat(((CrossoverException) e).exitCode()).isEqualTo(ExitCode.USAGE));
  }
}
