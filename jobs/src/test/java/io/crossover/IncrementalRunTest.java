package io.crossover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crossover.generate.UsageGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run dates, new files, planted bad rows and wrong settings, on a small generated landing. */
class IncrementalRunTest {
  private static final String HEADER = UsageGenerator.HEADER;

  @TempDir Path landing;
  @TempDir Path lake;
  private final SparkSession spark = SparkTestSession.get();

  @BeforeEach
  void landFactsAndASmallUsageSample() {
    Lakes.smallLanding(landing);
  }

  @Test
  void aBackfillUsesOnlyEventsOnOrBeforeItsRunDate() {
    LocalDate runDate = LocalDate.of(2024, 6, 30);
    assertThat(run(Map.of(), "run", "--run-date", runDate.toString()).exitCode()).isZero();
    Dataset<Row> demand = table("gold/demand_monthly").where("segment = 'all'");
    assertThat(demand.selectExpr("max(month)").first().get(0).toString()).isEqualTo("2024-06-01");
    Map<String, Double> raw = RawUsage.pflopDaysByClass(landing, runDate);
    Map<String, Double> gold = demand.groupBy("workload").sum("pflop_days").collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getDouble(1)));
    assertThat(gold.get("training")).isCloseTo(raw.get("training"), within(1e-6 * raw.get("training")));
    assertThat(gold.get("inference")).isCloseTo(raw.get("inference"), within(1e-6 * raw.get("inference")));
    assertThat(table("gold/market_panel").selectExpr("max(as_of)").first().get(0).toString()).isEqualTo("2024-06-30");

    Lakes.Outcome forecastOtherDate = run(Map.of(), "forecast", "--run-date", "2025-12-31");
    assertThat(forecastOtherDate.exitCode()).isEqualTo(1);
    assertThat(forecastOtherDate.printed()).contains("Cannot run forecast for 2025-12-31: gold/market_panel is as of"
        + " 2024-06-30; run 'panel --run-date 2025-12-31' (or 'run') first (gold/market_panel)");
  }

  @Test
  void aBackfillAfterALaterRunDateLeavesTheLaterForecastAndTheLatestEstimatesAlone() {
    assertThat(run(Map.of(), "run", "--run-date", "2025-12-31").exitCode()).isZero();
    String later = "as_of = DATE'2025-12-31'";
    List<String> laterForecast = rows("gold/crossover_forecast", later);
    List<String> laterEstimates = rows("gold/crossover_estimate", later);
    List<String> latest = rows("gold/crossover_latest", "true");

    Lakes.Outcome backfill = run(Map.of(), "run", "--run-date", "2025-06-30");

    assertThat(backfill.exitCode()).as(backfill.printed()).isZero();
    assertThat(rows("gold/crossover_forecast", "as_of = DATE'2025-06-30'")).as("the backfill's own rows").isNotEmpty();
    assertThat(rows("gold/crossover_forecast", later)).isEqualTo(laterForecast);
    assertThat(rows("gold/crossover_estimate", later)).isEqualTo(laterEstimates);
    assertThat(rows("gold/crossover_latest", "true")).as("crossover_latest keeps the newest run date").isEqualTo(latest);
  }

  @Test
  void aLaterRunDatePicksUpOnlyTheNewFile() throws IOException {
    assertThat(run(Map.of(), "run", "--run-date", "2025-12-31").exitCode()).isZero();
    long bronzeBefore = table("bronze/usage_events").count();
    long fundingVersion = version("bronze/funding_rounds");
    long silverFundingVersion = version("silver/funding_rounds");
    Files.writeString(landing.resolve("usage_events/2026-01-01.csv"), HEADER + "\n"
        + "new-1,2026-01-01 08:00:00,eu-west,acme,H100 SXM,8,10,training,0.5\n"
        + "new-2,2026-01-01 09:00:00,eu-west,acme,H100 SXM,2,5,inference,0.4\n", StandardCharsets.UTF_8);

    Lakes.Outcome next = run(Map.of(), "run", "--run-date", "2026-01-01");

    assertThat(next.exitCode()).as(next.printed()).isZero();
    assertThat(table("bronze/usage_events").count()).isEqualTo(bronzeBefore + 2);
    assertThat(table("ops/ingested_files").where("source_file LIKE '%2026-01-01.csv'").count()).isEqualTo(1);
    assertThat(version("bronze/funding_rounds")).as("unchanged files are not read again").isEqualTo(fundingVersion);
    assertThat(version("silver/funding_rounds")).as("silver of unchanged bronze is not rewritten").isEqualTo(silverFundingVersion);
    Row january = table("gold/market_panel").where("segment = 'region=eu-west' AND month = DATE'2026-01-01'").first();
    assertThat(january.<Double>getAs("training_pflop_days")).isCloseTo(8 * 10 * 989 * 0.5 / 24000, within(1e-9));
    assertThat(january.<Boolean>getAs("is_complete_month")).isFalse();
  }

  @Test
  void aDayRefinedIncrementallyEqualsARebuildOfTheSameBronze(@TempDir Path scratch) throws IOException {
    assertThat(run(Map.of(), "run", "--run-date", "2025-12-31").exitCode()).isZero();
    Row relanded = table("silver/usage_events").where("event_month = DATE'2025-12-01'").orderBy("event_id").first();
    Files.writeString(landing.resolve("usage_events/2026-01-01.csv"), HEADER + "\n"
        + relanded.getAs("event_id") + ",2025-12-02 08:00:00,eu-west,acme,H100 SXM,64,10,training,0.5\n"
        + "day-1,2025-12-31 23:00:00,eu-west,acme,H100 SXM,8,10,training,0.5\n"
        + "day-2,2026-01-01 09:00:00,us-east,acme,H100 SXM,2,5,inference,0.4\n"
        + "day-3,2026-01-01 10:00:00,us-east,acme,Imaginary X9,2,5,inference,0.4\n", StandardCharsets.UTF_8);

    Lakes.Outcome day = run(Map.of(), "run", "--run-date", "2026-01-01");

    assertThat(day.exitCode()).as(day.printed()).isZero();
    assertThat(day.printed()).contains("usage_events: refined 3 new events into 2 event months")
        .contains("demand_monthly: summed again");
    Lakes.copyFolder(lake, scratch);
    for (String layer : List.of("silver", "gold")) {
      deleteFolder(scratch.resolve(layer));
    }
    Lakes.Outcome rebuild = Lakes.run(landing, scratch, Map.of(), "run", "--run-date", "2026-01-01");
    assertThat(rebuild.exitCode()).as(rebuild.printed()).isZero();
    for (String table : List.of("silver/usage_events", "quarantine/usage_events", "gold/demand_monthly",
        "gold/market_panel", "gold/crossover_estimate")) {
      assertThat(roundedRows(lake, table)).as(table).isEqualTo(roundedRows(scratch, table));
    }
    assertThat(table("silver/usage_events").where("event_id = '" + relanded.getAs("event_id") + "'")
        .first().<Long>getAs("device_count")).as("the re-landed event replaced its row").isEqualTo(64L);
  }

  @Test
  void plantedBadRowsLandInQuarantineWithTheirRuleAndEveryGoodRowIsKept() throws IOException {
    Files.writeString(landing.resolve("usage_events/planted.csv"), HEADER + "\n"
        + "p-1,2025-05-01 08:00:00,eu-west,acme,H100 SXM,8,10,training,0.5\n"
        + "p-2,2025-05-01 08:00:00,eu-west,acme,H100 SXM,8,10,gaming,0.5\n"
        + "p-3,2025-05-01 08:00:00,eu-west,acme,Imaginary Chip 9000,8,10,training,0.5\n"
        + "p-4,2025-05-01 08:00:00,eu-west,acme,H100 SXM,8,10,inference,1.7\n"
        + "p-5,2025-05-01 08:00:00,eu-west,acme,H100 SXM,8,10,inference,0.2\n", StandardCharsets.UTF_8);
    long landed = countLines(landing.resolve("usage_events")) ;

    Lakes.Outcome outcome = run(Map.of(), "run", "--run-date", "2025-12-31");

    assertThat(outcome.exitCode()).as(outcome.printed()).isZero();
    Map<String, String> quarantined = table("quarantine/usage_events").collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("stage") + ":" + r.getAs("rule"), r -> r.getAs("source_file") + "#" + r.getAs("line")));
    assertThat(quarantined).hasSize(3);
    assertThat(quarantined.get("ingest:unknown_workload")).endsWith("planted.csv#3");
    assertThat(quarantined.get("ingest:out_of_range")).endsWith("planted.csv#5");
    assertThat(quarantined.get("refine:unknown_chip")).endsWith("planted.csv#4");
    assertThat(table("silver/usage_events").count()).isEqualTo(landed - 3);
    assertThat(table("silver/usage_events").where("event_id IN ('p-1', 'p-5')").count()).isEqualTo(2);
    Row metric = table("ops/quality_metrics").where("rule = 'unknown_workload' AND dataset = 'usage_events'").first();
    assertThat(metric.<Long>getAs("failed")).isEqualTo(1L);
  }

  @Test
  void rejectsAboveTheRatioExitThreeAfterWritingTheQuarantineAndKeepTheFileOutOfBronze() throws IOException {
    Files.writeString(landing.resolve("fx_rates/bad.csv"), "date,currency,usd_per_unit\n"
        + "2025-01-31,GBP,1.25\n" + "2025-02-30,GBP,1.25\n" + "2025-03-31,GBP,\n", StandardCharsets.UTF_8);

    Lakes.Outcome outcome = run(Map.of("spark.crossover.quality.minRejects", "2"), "ingest", "--run-date", "2025-12-31");

    assertThat(outcome.exitCode()).isEqualTo(3);
    assertThat(outcome.printed()).contains("Cannot accept fx_rates: 2 of 6 rows rejected (33.3%)")
        .contains("the gate applies from spark.crossover.quality.minRejects=2 rejects")
        .contains("(quarantine/fx_rates)");
    assertThat(table("quarantine/fx_rates").count()).isEqualTo(2);
    assertThat(table("ops/ingested_files").where("dataset = 'fx_rates'").count()).isZero();
    assertThat(table("ops/pipeline_runs").where("stage = 'ingest'").first().<String>getAs("status")).isEqualTo("rejected");
    assertThat(lake.resolve("bronze/fx_rates")).as("no fx_rates file of the rejected batch reaches bronze").doesNotExist();
    assertThat(table("bronze/usage_events").count()).as("other datasets are still ingested").isPositive();

    Files.writeString(landing.resolve("fx_rates/bad.csv"), "date,currency,usd_per_unit\n2025-01-31,GBP,1.25\n",
        StandardCharsets.UTF_8);
    Lakes.Outcome fixed = run(Map.of(), "ingest", "--run-date", "2025-12-31");
    assertThat(fixed.exitCode()).as(fixed.printed()).isZero();
    assertThat(table("quarantine/fx_rates").count()).as("the fixed file's old rejects are replaced").isZero();
    assertThat(table("bronze/fx_rates").count()).isEqualTo(4);
  }

  @Test
  void aWrongSettingExitsTwoAndNamesIt() {
    Lakes.Outcome outcome = run(Map.of("spark.crossover.forecast.segments", "country"), "run", "--run-date", "2025-12-31");
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.printed()).contains("(spark.crossover.forecast.segments)").contains("[region, org, chip, vendor]");
  }

  @Test
  void aMissingLandingFolderExitsTwoAndNamesTheSetting() {
    Lakes.Outcome outcome = Lakes.run(landing.resolve("nowhere"), lake, Map.of(), "run", "--run-date", "2025-12-31");
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.printed()).contains("nowhere").contains("(spark.crossover.landing)");
  }

  private Lakes.Outcome run(Map<String, String> conf, String... args) {
    return Lakes.run(landing, lake, conf, args);
  }

  private Dataset<Row> table(String name) {
    return spark.read().format("delta").load(lake.resolve(name).toString());
  }

  private long version(String name) {
    return io.delta.tables.DeltaTable.forPath(spark, lake.resolve(name).toString()).history(1).first().getLong(0);
  }

  private List<String> roundedRows(Path root, String table) {
    return Lakes.roundedRows(root.resolve(table).toString(), table.startsWith("gold/") ? "as_of = DATE'2026-01-01'" : "true");
  }

  private static void deleteFolder(Path folder) throws IOException {
    try (var paths = Files.walk(folder)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static long countLines(Path folder) throws IOException {
    long rows = 0;
    try (var files = Files.list(folder)) {
      for (Path file : files.toList()) {
        rows += Files.readAllLines(file).size() - 1;
      }
    }
    return rows;
  }

  private List<String> rows(String table, String where) {
    return table(table).where(where).collectAsList().stream().map(Row::toString).sorted().toList();
  }
}
