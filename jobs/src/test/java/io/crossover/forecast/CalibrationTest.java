package io.crossover.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossover.Lakes;
import io.crossover.SparkTestSession;
import io.crossover.generate.LandingGenerator;
import io.crossover.generate.UsageModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How often the p10–p90 crossover interval holds the truth, over 20 generated landings (the known-
 * answer model, different seeds), through the whole pipeline. Slow: {@code mvn -B verify -Pcalibration}.
 * Writes the figures to target/calibration.txt.
 */
@Tag("calibration")
class CalibrationTest {
  private static final LocalDate RUN_DATE = KnownAnswerTest.RUN_DATE;
  private static final UsageModel MODEL = KnownAnswerTest.MODEL;
  private static final int SEEDS = 20;

  @Test
  void theP10ToP90IntervalHoldsTheTruthInMostSeeds() throws IOException {
    Map<String, String> truth = Map.of("region=us-west", "2025-12", "region=eu-west", "2026-06");
    int intervals = 0;
    int covered = 0;
    List<Long> errors = new ArrayList<>();
    StringBuilder log = new StringBuilder("seed segment p10 p50 p90 truth\n");
    for (int seed = 1; seed <= SEEDS; seed++) {
      Path landing = Files.createTempDirectory("crossover-calibration-landing");
      Path lake = Files.createTempDirectory("crossover-calibration-lake");
      LandingGenerator.generate(landing, MODEL, 40_000, seed, RUN_DATE);
      assertThat(Lakes.run(landing, lake, Map.of("spark.crossover.forecast.bootstrap", "200"), "run",
          "--run-date", RUN_DATE.toString()).exitCode()).isZero();
      for (Row row : SparkTestSession.get().read().format("delta").load(lake.resolve("gold/crossover_estimate").toString())
          .where("model = 'logistic_share' AND segment IN ('region=us-west', 'region=eu-west')").collectAsList()) {
        LocalDate expected = YearMonth.parse(truth.get(row.<String>getAs("segment"))).atDay(1);
        LocalDate p10 = row.getDate(row.fieldIndex("crossover_month_p10")).toLocalDate();
        LocalDate p50 = row.getDate(row.fieldIndex("crossover_month_p50")).toLocalDate();
        LocalDate p90 = row.getDate(row.fieldIndex("crossover_month_p90")).toLocalDate();
        intervals++;
        covered += !p10.isAfter(expected) && !p90.isBefore(expected) ? 1 : 0;
        errors.add(ChronoUnit.MONTHS.between(expected, p50));
        log.append(seed).append(' ').append(row.<String>getAs("segment")).append(' ').append(p10).append(' ')
            .append(p50).append(' ').append(p90).append(' ').append(expected).append('\n');
      }
    }
    double coverage = (double) covered / intervals;
    double meanAbsError = errors.stream().mapToLong(Math::abs).average().orElse(Double.NaN);
    double meanError = errors.stream().mapToLong(e -> e).average().orElse(Double.NaN);
    log.append(String.format("coverage %d/%d = %.2f; p50 error mean %.2f, mean abs %.2f months%n",
        covered, intervals, coverage, meanError, meanAbsError));
    Files.writeString(Path.of("target/calibration.txt"), log);
    System.out.print(log);
    assertThat(coverage).as(log.toString()).isBetween(0.7, 0.9);
  }
}
