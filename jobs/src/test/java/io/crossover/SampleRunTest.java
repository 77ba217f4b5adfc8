package io.crossover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * README's first command, {@code run} on the shipped data-samples into a fresh lake, as a newcomer
 * runs it — on 2026-12-31, a month after the samples' as-of date, so every figure below is what
 * README shows on any day.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleRunTest {
  private static final Path SAMPLES = Path.of("../data-samples");
  private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 26);
  private static final List<String> GOLD_TABLES = List.of("demand_monthly", "capital_quarterly", "supply_quarterly",
      "market_panel", "crossover_estimate", "crossover_forecast", "crossover_latest");

  private final SparkSession spark = SparkTestSession.get();
  private Path lake;
  private Lakes.Outcome firstRun;

  @BeforeAll
  void runPipelineOnSamples() throws IOException {
    lake = Files.createTempDirectory("crossover-sample-lake");
    java.time.Clock newYearsEve = java.time.Clock.fixed(java.time.Instant.parse("2026-12-31T12:00:00Z"),
        java.time.ZoneOffset.UTC);
    firstRun = Lakes.runOn(newYearsEve, SAMPLES, lake, Map.of(), "run");
  }

  @Test
  void withoutARunDateTheSamplesRunAsOfTheirOwnDateWhateverTheDay() {
    assertThat(firstRun.stdout()).startsWith("crossover: no --run-date given: run date " + RUN_DATE
        + ", the landing's asOf in ../data-samples/landing.properties");
    assertThat(firstRun.printed()).contains("crossover run  run_date=" + RUN_DATE)
        .doesNotContain("2026-12-31").doesNotContain("2026-11-01");
  }

  @Test
  void runSucceedsAndPrintsTheSummaryWithLatestShares() {
    assertThat(firstRun.exitCode()).as(firstRun.printed()).isZero();
    assertThat(firstRun.printed())
        .contains("crossover run  run_date=2026-11-26")
        .contains("bronze/usage_events")
        .contains("gold/market_panel")
        .containsPattern("all\\s+2026-10-01\\s+0\\.\\d{3}")
        .contains("region=eu-west");
  }

  @Test
  void runEndsWithACrossoverEstimatePerSegmentAndAReport() throws IOException {
    assertThat(firstRun.printed())
        .contains("Crossover (inference share of PFLOP-days reaches 0.5), as of 2026-11-26")
        .containsPattern("all\\s+(crossed|projected)\\s+");
    List<Row> estimates = spark.read().format("delta").load(lake.resolve("gold/crossover_estimate").toString())
        .where("as_of = DATE'2026-11-26'").collectAsList();
    assertThat(estimates).as("5 segments x 2 telemetry models, and the market from the evidence").hasSize(11);
    assertThat(estimates).extracting(r -> r.<Object>getAs("crossover_month_p50")).doesNotContainNull();
    Path report = lake.resolve("reports/2026-11-26");
    byte[] png = Files.readAllBytes(report.resolve("crossover.png"));
    assertThat(java.util.Arrays.copyOf(png, 4)).containsExactly(0x89, 'P', 'N', 'G');
    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(report.resolve("crossover.png").toFile());
    assertThat(image.getWidth()).isEqualTo(1000);
    assertThat(Files.readString(report.resolve("crossover.html")))
        .contains("<img src=\"crossover.png\"").contains("region=eu-west").contains("Deloitte");
  }

  @Test
  void aWhatIfScenarioIsWrittenBesideTheBaselineAndLeavesItUntouched() throws IOException {
    Path whatIf = Files.createTempDirectory("crossover-what-if-lake");
    Lakes.copyFolder(lake, whatIf);
    String estimates = whatIf.resolve("gold/crossover_estimate").toString();
    List<String> baseline = rows(estimates, "scenario = 'baseline'");
    Lakes.Outcome scenario = Lakes.run(SAMPLES, whatIf, Map.of("spark.crossover.forecast.drivers", "capital",
        "spark.crossover.scenario.capitalGrowth", "-0.3"), "forecast", "--run-date", RUN_DATE.toString());
    assertThat(scenario.exitCode()).as(scenario.printed()).isZero();
    assertThat(scenario.printed()).contains("model logistic_share with drivers capital, scenario capitalGrowth=-0.3:");
    assertThat(rows(estimates, "scenario = 'baseline'")).isEqualTo(baseline);
    List<Row> written = spark.read().format("delta").load(estimates)
        .where("scenario = 'capitalGrowth=-0.3' AND model = 'logistic_share'").collectAsList();
    assertThat(written).hasSize(5).extracting(r -> r.<String>getAs("drivers")).containsOnly("capital");
    assertThat(whatIf.resolve("reports/2026-11-26/scenarios/capitalGrowth=-0.3/crossover.png")).isRegularFile();
  }

  @Test
  void maintainCompactsTheTablesWithoutChangingWhatTheyHold() throws IOException {
    Path copy = Files.createTempDirectory("crossover-maintained-lake");
    Lakes.copyFolder(lake, copy);
    Map<String, List<String>> before = Lakes.content(copy);
    Lakes.Outcome maintain = Lakes.run(SAMPLES, copy, Map.of("spark.crossover.bi.symlinkManifest", "true"),
        "maintain", "--run-date", RUN_DATE.toString());
    assertThat(maintain.exitCode()).as(maintain.printed()).isZero();
    assertThat(maintain.printed()).contains("gold/crossover_forecast:").contains("files compacted into")
        .contains("gold/market_panel: symlink manifest written");
    assertThat(Lakes.content(copy)).isEqualTo(before);
    long files = io.delta.tables.DeltaTable.forPath(spark, copy.resolve("gold/crossover_forecast").toString())
        .detail().first().<Long>getAs("numFiles");
    assertThat(files).isEqualTo(1L);
    List<String> manifest = Files.readAllLines(copy.resolve("gold/crossover_forecast/_symlink_format_manifest/manifest"));
    assertThat(manifest).as("a Presto/Athena reader lists the current data files").hasSize(1)
        .allSatisfy(file -> assertThat(Path.of(java.net.URI.create(file))).exists());
  }

  @Test
  void aWhatIfWithTheJobsSettingsReproducesTheWrittenEstimates() {
    // The bootstrap size of every run in these tests (Lakes.run).
    io.crossover.config.Settings settings = io.crossover.config.Settings.from(Map.of(
        "spark.crossover.lake", lake.toString(), "spark.crossover.landing", SAMPLES.toString(),
        "spark.crossover.forecast.bootstrap", "50"));
    var whatIf = io.crossover.forecast.WhatIf.forecast(
        new io.crossover.lake.Lake(spark, lake.toString(), SAMPLES.toString()), settings, RUN_DATE);
    List<String> refitted = whatIf.estimates().stream().map(e -> String.join("|", e.segment(), e.model(), e.status(),
        String.valueOf(e.p10()), String.valueOf(e.p50()), String.valueOf(e.p90()))).sorted().toList();
    List<String> written = spark.read().format("delta").load(lake.resolve("gold/crossover_latest").toString())
        .where("model <> 'evidence_logistic'").collectAsList().stream().map(r -> String.join("|", r.<String>getAs("segment"), r.getAs("model"),
            r.getAs("status"), String.valueOf(r.<java.sql.Date>getAs("crossover_month_p10")),
            String.valueOf(r.<java.sql.Date>getAs("crossover_month_p50")),
            String.valueOf(r.<java.sql.Date>getAs("crossover_month_p90")))).sorted().toList();
    assertThat(refitted).hasSize(10).isEqualTo(written);
    assertThat(whatIf.replicateCrossovers("all", "logistic_share")).hasSize(settings.bootstrap());
  }

  @Test
  void aWhatIfWithSegmentsRegionAndOrgSumsTheMarketAsTheStageDoes() throws IOException {
    Path copy = Files.createTempDirectory("crossover-region-org-lake");
    Lakes.copyFolder(lake, copy);
    Map<String, String> conf = Map.of("spark.crossover.forecast.segments", "region,org");
    for (String stage : List.of("panel", "forecast")) {
      Lakes.Outcome outcome = Lakes.run(SAMPLES, copy, conf, stage, "--run-date", RUN_DATE.toString());
      assertThat(outcome.exitCode()).as(outcome.printed()).isZero();
    }
    io.crossover.config.Settings settings = io.crossover.config.Settings.from(Map.of(
        "spark.crossover.lake", copy.toString(), "spark.crossover.landing", SAMPLES.toString(),
        "spark.crossover.forecast.bootstrap", "50", "spark.crossover.forecast.segments", "region,org"));
    var whatIf = io.crossover.forecast.WhatIf.forecast(
        new io.crossover.lake.Lake(spark, copy.toString(), SAMPLES.toString()), settings, RUN_DATE);
    List<String> refitted = whatIf.estimates().stream().filter(e -> e.segment().equals("all"))
        .map(e -> String.join("|", e.model(), String.valueOf(e.p10()), String.valueOf(e.p50()), String.valueOf(e.p90()),
            String.valueOf(e.probabilityWithinHorizon()))).sorted().toList();
    List<String> written = spark.read().format("delta").load(copy.resolve("gold/crossover_estimate").toString())
        .where("segment = 'all' AND model <> 'evidence_logistic' AND as_of = DATE'" + RUN_DATE + "'")
        .collectAsList().stream().map(r -> String.join("|", r.<String>getAs("model"),
            String.valueOf(r.<java.sql.Date>getAs("crossover_month_p10")),
            String.valueOf(r.<java.sql.Date>getAs("crossover_month_p50")),
            String.valueOf(r.<java.sql.Date>getAs("crossover_month_p90")),
            String.valueOf(r.<Double>getAs("probability_within_horizon")))).sorted().toList();
    assertThat(whatIf.estimates()).anySatisfy(e -> assertThat(e.segment()).startsWith("org="));
    assertThat(refitted).hasSize(2).isEqualTo(written);
  }

  @Test
  void theMarketFromThePublicEvidenceIsEstimatedWithEverySourceLeftOutOnce() {
    assertThat(firstRun.printed()).containsPattern(
        "Market crossover from the published evidence \\(model evidence_logistic, as of 2026-11-26\\): \\d+ claims from \\d+ sources");
    Row estimate = spark.read().format("delta").load(lake.resolve("gold/crossover_estimate").toString())
        .where("model = 'evidence_logistic'").first();
    List<String> fittedSources = spark.read().format("delta").load(lake.resolve("gold/share_evidence").toString())
        .where("kind <> 'forecast' AND published_on <= DATE'" + RUN_DATE + "'").select("source").distinct()
        .collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
    List<String> leftOut = spark.read().format("delta").load(lake.resolve("gold/evidence_leave_one_out").toString())
        .select("source").collectAsList().stream().map(r -> r.getString(0)).sorted().toList();

    assertThat(estimate.<String>getAs("segment")).isEqualTo("all");
    assertThat(estimate.<java.sql.Date>getAs("crossover_month_p50")).isNotNull();
    assertThat(estimate.<Integer>getAs("evidence_sources")).isEqualTo(fittedSources.size());
    assertThat(leftOut).isEqualTo(fittedSources);
    assertThat(spark.read().format("delta").load(lake.resolve("gold/evidence_forecast_scores").toString()).count())
        .isEqualTo(spark.read().format("delta").load(lake.resolve("gold/share_evidence").toString())
            .where("kind = 'forecast' AND published_on <= DATE'" + RUN_DATE + "'").count());
    assertThat(spark.read().format("delta").load(lake.resolve("gold/crossover_forecast").toString())
        .where("model = 'evidence_logistic' AND share_p10 <= inference_share AND inference_share <= share_p90").count())
        .isPositive();
    assertThat(lake.resolve("reports/2026-11-26/evidence.png")).isRegularFile();
  }

  private List<String> rows(String table, String where) {
    return spark.read().format("delta").load(table).where(where).drop("run_id").collectAsList().stream()
        .map(Row::toString).sorted().toList();
  }

  @Test
  void demandTotalsEqualASumStraightFromTheRawUsageFiles() {
    Map<String, Double> raw = RawUsage.pflopDaysByClass(SAMPLES, RUN_DATE);
    List<Row> gold = spark.read().format("delta").load(lake.resolve("gold/demand_monthly").toString())
        .where("segment = 'all'").groupBy("workload").sum("pflop_days").collectAsList();
    assertThat(gold).hasSize(2);
    for (Row row : gold) {
      assertThat(row.getDouble(1)).as(row.getString(0)).isCloseTo(raw.get(row.getString(0)), within(1e-6 * raw.get(row.getString(0))));
    }
  }

  @Test
  void segmentsAddUpToTheWholeMarket() {
    Row sums = spark.read().format("delta").load(lake.resolve("gold/market_panel").toString())
        .selectExpr("sum(CASE WHEN segment = 'all' THEN total_pflop_days END)",
            "sum(CASE WHEN segment LIKE 'region=%' THEN total_pflop_days END)").first();
    assertThat(sums.getDouble(1)).isCloseTo(sums.getDouble(0), within(1e-6 * sums.getDouble(0)));
  }

  @Test
  void theAcceleratorWithoutBf16ThroughputIsQuarantinedWithItsLine() {
    List<Row> rejected = spark.read().format("delta").load(lake.resolve("quarantine/accelerators").toString()).collectAsList();
    assertThat(rejected).hasSize(1);
    assertThat(rejected.get(0).<String>getAs("rule")).isEqualTo("missing_required_value");
    assertThat(rejected.get(0).<String>getAs("column")).isEqualTo("bf16_tflops");
    assertThat(rejected.get(0).<Long>getAs("line")).isEqualTo(25L);
    assertThat(rejected.get(0).<String>getAs("raw_record")).startsWith("Broadcom/OpenAI,OpenAI custom accelerator");
  }

  @Test
  void reRunningTheSameRunDateChangesNoTable() {
    Map<String, List<String>> before = Lakes.content(lake);
    List<String> tables = List.of("bronze/usage_events", "silver/usage_events", "silver/funding_rounds",
        "gold/demand_monthly", "gold/market_panel");
    List<Long> versions = tables.stream().map(this::latestVersion).toList();
    List<String> files = Lakes.dataFiles(lake);
    Lakes.Outcome again = Lakes.run(SAMPLES, lake, Map.of(), "run", "--run-date", RUN_DATE.toString());
    assertThat(again.exitCode()).as(again.printed()).isZero();
    assertThat(Lakes.content(lake)).isEqualTo(before);
    assertThat(tables.stream().map(this::latestVersion).toList()).as("no new commit on " + tables).isEqualTo(versions);
    assertThat(Lakes.dataFiles(lake)).as("no data file added or removed outside ops/").isEqualTo(files);
    assertThat(again.printed()).containsPattern("gold/market_panel\\s+0\\s+0\\s+0\\s+unchanged");
  }

  @Test
  void aNonSparkDeltaReaderSeesTheSameGoldRows() throws IOException {
    Engine engine = DefaultEngine.create(new Configuration());
    for (String table : GOLD_TABLES) {
      String path = lake.resolve("gold/" + table).toString();
      List<String> sparkRows = spark.read().format("delta").load(path).collectAsList().stream()
          .map(SampleRunTest::render).sorted().toList();
      assertThat(rowsWithKernel(engine, path)).as(table).isNotEmpty().isEqualTo(sparkRows);
    }
  }

  @Test
  void everyGoldTableCarriesItsCommentsOwnerGrainAndRefresh() {
    List<io.crossover.lake.TableSpec> gold = new java.util.ArrayList<>(io.crossover.panel.GoldTables.ALL);
    gold.addAll(io.crossover.forecast.ForecastTables.ALL);
    for (io.crossover.lake.TableSpec table : gold) {
      String path = lake.resolve(table.name()).toString();
      if (!io.delta.tables.DeltaTable.isDeltaTable(spark, path)) {
        continue;
      }
      Row detail = io.delta.tables.DeltaTable.forPath(spark, path).detail().first();
      assertThat(detail.<String>getAs("description")).as(table.name()).isEqualTo(table.description());
      Map<String, String> properties = scala.jdk.javaapi.CollectionConverters.asJava(
          detail.<scala.collection.Map<String, String>>getAs("properties"));
      assertThat(properties).as(table.name())
          .containsEntry("crossover.owner_stage", table.owner()).containsEntry("crossover.grain", table.grain())
          .containsEntry("crossover.refresh", table.refresh());
      for (org.apache.spark.sql.types.StructField field : spark.read().format("delta").load(path).schema().fields()) {
        assertThat(field.getComment().isDefined()).as(table.name() + "." + field.name() + " has a comment").isTrue();
      }
    }
  }

  @Test
  void everyGoldTableNeedsOnlyTheBasicReaderProtocol() {
    for (String table : GOLD_TABLES) {
      var protocol = org.apache.spark.sql.delta.DeltaLog.forTable(spark, lake.resolve("gold/" + table).toString())
          .update(false, scala.Option.empty(), scala.Option.empty()).protocol();
      assertThat(protocol.minReaderVersion()).as(table + ": readers without deletion vectors or column mapping")
          .isEqualTo(1);
    }
  }

  @Test
  void theLatestTableHoldsOneBaselineEstimatePerSegmentAndModel() {
    List<Row> latest = spark.read().format("delta").load(lake.resolve("gold/crossover_latest").toString()).collectAsList();
    assertThat(latest).as("5 segments x 2 telemetry models, and the market from the evidence").hasSize(11).allSatisfy(r -> {
      assertThat(r.<java.sql.Date>getAs("as_of").toLocalDate()).isEqualTo(RUN_DATE);
      assertThat(r.<String>getAs("scenario")).isEqualTo("baseline");
    });
  }

  @Test
  void everyQueryInTheBiGuideRunsOnTheSampleLake() throws IOException {
    String guide = Files.readString(Path.of("../docs/bi.md"));
    java.util.regex.Matcher block = java.util.regex.Pattern.compile("```sql\n(.*?)```", java.util.regex.Pattern.DOTALL)
        .matcher(guide);
    int queries = 0;
    while (block.find()) {
      String query = block.group(1).strip().replaceAll(";$", "");
      Lakes.Outcome result = Lakes.run(SAMPLES, lake, Map.of(), "sql", query);
      assertThat(result.exitCode()).as(query + "\n" + result.printed()).isZero();
      assertThat(result.printed()).as(query).doesNotContain("(0 rows)");
      queries++;
    }
    assertThat(queries).isGreaterThanOrEqualTo(4);
  }

  @Test
  void withACatalogDatabaseTheTablesAreRegisteredByName() {
    Lakes.Outcome panel = Lakes.run(SAMPLES, lake, Map.of("spark.crossover.catalog.database", "crossover_it"),
        "panel", "--run-date", RUN_DATE.toString());
    assertThat(panel.exitCode()).as(panel.printed()).isZero();
    assertThat(panel.printed()).contains("registered in the catalog:").contains("crossover_it.gold_crossover_latest");
    assertThat(spark.sql("SELECT count(*) FROM crossover_it.gold_crossover_latest").first().getLong(0)).isEqualTo(11L);
    assertThat(spark.sql("SELECT count(*) FROM crossover_it.silver_usage_events").first().getLong(0))
        .isEqualTo(spark.read().format("delta").load(lake.resolve("silver/usage_events").toString()).count());
  }

  @Test
  void sqlPrintsQueryResultsByTableName() {
    Lakes.Outcome query = Lakes.run(SAMPLES, lake, Map.of(), "sql",
        "SELECT segment, count(*) AS months FROM market_panel GROUP BY segment ORDER BY segment");
    assertThat(query.exitCode()).as(query.printed()).isZero();
    assertThat(query.printed()).containsPattern("segment\\s+months").containsPattern("all\\s+94").contains("(5 rows)");
  }

  @Test
  void sqlOnAnUnknownTableExitsTwoAndListsTheTables() {
    Lakes.Outcome query = Lakes.run(SAMPLES, lake, Map.of(), "sql", "SELECT * FROM no_such_table");
    assertThat(query.exitCode()).isEqualTo(2);
    assertThat(query.printed()).startsWith("crossover: Cannot run query:").contains("market_panel").contains("silver_usage_events");
  }

  private long latestVersion(String table) {
    return io.delta.tables.DeltaTable.forPath(spark, lake.resolve(table).toString()).history(1).first().getLong(0);
  }

  /** The table's rows as delta-kernel reads them, one rendered line each, sorted. */
  private static List<String> rowsWithKernel(Engine engine, String path) throws IOException {
    Snapshot snapshot = Table.forPath(engine, path).getLatestSnapshot(engine);
    Scan scan = snapshot.getScanBuilder().build();
    io.delta.kernel.data.Row scanState = scan.getScanState(engine);
    io.delta.kernel.types.StructType schema = snapshot.getSchema();
    List<String> rows = new java.util.ArrayList<>();
    try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(engine)) {
      while (files.hasNext()) {
        try (CloseableIterator<io.delta.kernel.data.Row> fileRows = files.next().getRows()) {
          while (fileRows.hasNext()) {
            io.delta.kernel.data.Row fileRow = fileRows.next();
            FileStatus status = InternalScanFileUtils.getAddFileStatus(fileRow);
            CloseableIterator<ColumnarBatch> data = engine.getParquetHandler()
                .readParquetFiles(io.delta.kernel.internal.util.Utils.singletonCloseableIterator(status),
                    ScanStateRow.getPhysicalDataReadSchema(scanState), Optional.empty())
                .map(FileReadResult::getData);
            try (CloseableIterator<FilteredColumnarBatch> logical = Scan.transformPhysicalData(engine, scanState, fileRow, data)) {
              while (logical.hasNext()) {
                try (CloseableIterator<io.delta.kernel.data.Row> selected = logical.next().getRows()) {
                  while (selected.hasNext()) {
                    rows.add(render(schema, selected.next()));
                  }
                }
              }
            }
          }
        }
      }
    }
    return rows.stream().sorted().toList();
  }

  private static String render(io.delta.kernel.types.StructType schema, io.delta.kernel.data.Row row) {
    List<String> values = new java.util.ArrayList<>();
    for (int i = 0; i < schema.length(); i++) {
      io.delta.kernel.types.DataType type = schema.at(i).getDataType();
      values.add(row.isNullAt(i) ? "null"
          : type instanceof io.delta.kernel.types.StringType ? row.getString(i)
          : type instanceof io.delta.kernel.types.DateType ? LocalDate.ofEpochDay(row.getInt(i)).toString()
          : type instanceof io.delta.kernel.types.DoubleType ? Double.toString(row.getDouble(i))
          : type instanceof io.delta.kernel.types.LongType ? Long.toString(row.getLong(i))
          : type instanceof io.delta.kernel.types.IntegerType ? Integer.toString(row.getInt(i))
          : type instanceof io.delta.kernel.types.BooleanType ? Boolean.toString(row.getBoolean(i))
          : "unsupported " + type);
    }
    return String.join("|", values);
  }

  private static String render(Row row) {
    List<String> values = new java.util.ArrayList<>();
    for (int i = 0; i < row.size(); i++) {
      Object value = row.get(i);
      values.add(value == null ? "null" : value instanceof java.sql.Date date ? date.toLocalDate().toString()
          : value.toString());
    }
    return String.join("|", values);
  }
}
