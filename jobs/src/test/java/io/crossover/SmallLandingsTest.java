package io.crossover;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossover.ingest.IngestStage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Landings with only a few datasets: every dataset is optional, and a small file's bad rows do not end a run. */
class SmallLandingsTest {
  @TempDir Path landing;
  @TempDir Path lake;
  private final SparkSession spark = SparkTestSession.get();

  @Test
  void aLandingWithOnlyShareEvidenceRunsToTheEnd() {
    Lakes.copyFolder(Path.of("../data-samples/share_evidence"), landing.resolve("share_evidence"));

    Lakes.Outcome outcome = Lakes.run(landing, lake, Map.of(), "run", "--run-date", "2026-11-26");

    assertThat(outcome.exitCode()).as(outcome.printed()).isZero();
    assertThat(outcome.printed())
        .contains("Published evidence of the inference share (gold/share_evidence): 21 curated + 0 derived")
        .contains("no usage in gold/market_panel yet")
        .contains("Market crossover from the published evidence (model evidence_logistic, as of 2026-11-26): 16 claims from 14 sources");
    assertThat(spark.read().format("delta").load(lake.resolve("gold/share_evidence").toString()).count()).isEqualTo(21);
    assertThat(spark.read().format("delta").load(lake.resolve("gold/crossover_estimate").toString())
        .where("model = 'evidence_logistic' AND crossover_month_p50 IS NOT NULL").count()).isEqualTo(1);
    assertThat(spark.read().format("delta").load(lake.resolve("gold/share_evidence").toString())
        .where("known_on_run_date").count()).isEqualTo(21);
  }

  @Test
  void aBackfillBeforePublicationKnowsOnlyWhatWasPublished() {
    Lakes.copyFolder(Path.of("../data-samples/share_evidence"), landing.resolve("share_evidence"));

    Lakes.Outcome outcome = Lakes.run(landing, lake, Map.of(), "run", "--run-date", "2024-06-30");

    assertThat(outcome.exitCode()).as(outcome.printed()).isZero();
    var known = spark.read().format("delta").load(lake.resolve("gold/share_evidence").toString())
        .where("known_on_run_date").select("source").distinct().collectAsList().stream().map(r -> r.getString(0)).toList();
    assertThat(known).allSatisfy(source -> assertThat(source).containsAnyOf("Nvidia", "Google", "Meta", "IDC", "Amazon"));
    assertThat(known).hasSize(6);
    long knownValuesAndBounds = spark.read().format("delta").load(lake.resolve("gold/share_evidence").toString())
        .where("known_on_run_date AND kind <> 'forecast'").count();
    assertThat(spark.read().format("delta").load(lake.resolve("gold/crossover_estimate").toString())
        .where("model = 'evidence_logistic'").first().<Integer>getAs("evidence_rows")).isEqualTo((int) knownValuesAndBounds);
  }

  @Test
  void generatedEvidenceRunThroughTheStageFindsItsKnownCrossoverFromWhatWasPublishedByTheRunDate() {
    java.time.LocalDate runDate = java.time.LocalDate.of(2026, 11, 26);
    var evidence = io.crossover.generate.EvidenceGenerator.generate(2, runDate);
    io.crossover.generate.EvidenceGenerator.writeLanding(landing, evidence.claims());

    Lakes.Outcome outcome = Lakes.run(landing, lake, Map.of(), "run", "--run-date", runDate.toString());

    assertThat(outcome.exitCode()).as(outcome.printed()).isZero();
    var fitted = evidence.claims().stream().filter(c -> !c.publishedOn().isAfter(runDate) && !c.kind().equals("forecast"))
        .toList();
    assertThat(fitted.size()).as("the generator publishes some claims after the run date")
        .isLessThan((int) evidence.claims().stream().filter(c -> !c.kind().equals("forecast")).count());
    var estimate = spark.read().format("delta").load(lake.resolve("gold/crossover_estimate").toString())
        .where("model = 'evidence_logistic'").first();
    assertThat(estimate.<Integer>getAs("evidence_rows")).isEqualTo(fitted.size());
    int p50 = io.crossover.forecast.Months.index(estimate.<java.sql.Date>getAs("crossover_month_p50").toLocalDate());
    assertThat(Math.abs(p50 - evidence.truth().crossoverMonth())).as("|p50 error| in months").isLessThanOrEqualTo(12);
  }

  @Test
  void twoBadRowsOfEightInASmallReferenceFileAreQuarantinedWithoutFailingTheRun() throws IOException {
    Files.createDirectories(landing.resolve("fx_rates"));
    Files.writeString(landing.resolve("fx_rates/rates.csv"), "date,currency,usd_per_unit\n"
        + "2025-01-31,GBP,1.25\n2025-02-28,GBP,1.26\n2025-03-31,GBP,1.27\n2025-04-30,GBP,1.28\n"
        + "2025-05-31,GBP,1.29\n2025-06-30,GBP,1.30\n2025-02-30,GBP,1.25\n2025-07-31,GBP,\n", StandardCharsets.UTF_8);

    Lakes.Outcome outcome = Lakes.run(landing, lake, Map.of(), "ingest", "--run-date", "2025-12-31");

    assertThat(outcome.exitCode()).as(outcome.printed()).isZero();
    assertThat(spark.read().format("delta").load(lake.resolve("quarantine/fx_rates").toString()).count()).isEqualTo(2);
    assertThat(spark.read().format("delta").load(lake.resolve("bronze/fx_rates").toString()).count()).isEqualTo(6);
  }

  @Test
  void aLargeBatchPastTheRatioStillExitsThreeAtTheDefaults() throws IOException {
    Files.createDirectories(landing.resolve("usage_events"));
    StringBuilder events = new StringBuilder("event_id,event_time,region,org,chip,device_count,duration_hours,workload,utilization\n");
    for (int i = 0; i < 200; i++) {
      events.append("e").append(i).append(",2025-03-01 10:00:00,eu-west,,H100 SXM,8,2.5,")
          .append(i % 10 == 0 ? "gaming" : "training").append(",0.5\n");
    }
    Files.writeString(landing.resolve("usage_events/events.csv"), events, StandardCharsets.UTF_8);

    Lakes.Outcome outcome = Lakes.run(landing, lake, Map.of(), "ingest", "--run-date", "2025-12-31");

    assertThat(outcome.exitCode()).as(outcome.printed()).isEqualTo(3);
    assertThat(outcome.printed()).contains("Cannot accept usage_events: 20 of 200 rows rejected (10.0%)");
  }

  @Test
  void theRejectGateAppliesFromItsMinimumNumberOfRejects() {
    assertThat(IngestStage.isAboveGate(2, 8, 0.05, 10)).isFalse();
    assertThat(IngestStage.isAboveGate(10, 100, 0.05, 10)).isTrue();
    assertThat(IngestStage.isAboveGate(10, 1000, 0.05, 10)).isFalse();
    assertThat(IngestStage.isAboveGate(1, 1, 0.05, 1)).isTrue();
    assertThat(IngestStage.isAboveGate(0, 0, 0.05, 1)).isFalse();
  }
}
