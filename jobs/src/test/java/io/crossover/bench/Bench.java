package io.crossover.bench;

import io.crossover.CommandLine;
import io.crossover.Lakes;
import io.crossover.Main;
import io.crossover.forecast.Driver;
import io.crossover.forecast.ForecastConfig;
import io.crossover.forecast.ForecastStage;
import io.crossover.forecast.Forecaster;
import io.crossover.forecast.Scenario;
import io.crossover.generate.BulkUsageGenerator;
import io.crossover.generate.LandingGenerator;
import io.crossover.generate.UsageModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

/**
 * The measurements behind {@code bin/crossover bench}, all in one JVM and one session so their
 * ratios compare like with like: a bare scan of the usage events, the pipeline from an empty lake,
 * one more day of events, the monthly aggregation by Spark and by DuckDB over the same files, and
 * the forecast's fit rate on synthetic panels of many segments.
 */
final class Bench {
  static final long SEED = 42;
  /** Organisations in the generated events: many, as in real telemetry. */
  static final int ORGS = 1000;
  /** Bootstrap replicates per segment in the fit-rate measurement (the forecast's default is 500). */
  static final int REPLICATES = 100;

  private final SparkSession spark;
  private final Path work;
  private final LocalDate runDate;
  private final PrintStream log;

  Bench(SparkSession spark, Path work, LocalDate runDate, PrintStream log) {
    this.spark = spark;
    this.work = work;
    this.runDate = runDate;
    this.log = log;
  }

  /** Generated landing of {@code events} events, reused when an earlier bench wrote the same one. */
  Path landing(long events) {
    Path landing = work.resolve("landing-" + events);
    if (!Files.exists(landing.resolve("truth.json"))) {
      delete(landing);
      double seconds = seconds(() -> LandingGenerator.generateParquet(spark, landing, model(runDate.minusMonths(1)),
          events, SEED, runDate, ORGS));
      log.printf("generated %,d events in %.1f s under %s%n", events, seconds, landing);
    }
    delete(landing.resolve("usage_events/next-day"));
    copyPublicEvidence(landing);
    return landing;
  }

  /**
   * The public data of data-samples (Epoch AI's datasets and the published inference shares) beside
   * the generated telemetry, so the bench's run fits the evidence model as a user's run does. Real
   * data, copied as they are; only the usage events are synthetic.
   */
  private static void copyPublicEvidence(Path landing) {
    Path samples = repo().resolve("data-samples");
    for (String folder : List.of("share_evidence", "epoch")) {
      Path target = landing.resolve(folder);
      if (Files.exists(target)) {
        continue;
      }
      Lakes.copyFolder(samples.resolve(folder), target);
    }
  }

  static Path repo() {
    return Path.of(System.getProperty("crossover.repo", ".."));
  }

  static UsageModel model(LocalDate lastMonth) {
    return UsageModel.calibrated(YearMonth.of(2019, 1), YearMonth.from(lastMonth));
  }

  /** A bare read of every usage column, summed: the least any pipeline over this input costs. */
  double scanFloor(Path landing) {
    return seconds(() -> spark.read().option("recursiveFileLookup", "true").option("pathGlobFilter", "*.parquet")
        .parquet(usageFolder(landing))
        .selectExpr("sum(length(event_id))", "sum(unix_seconds(event_time))", "sum(length(region))",
            "sum(length(org))", "sum(length(chip))", "sum(device_count)", "sum(duration_hours)",
            "sum(length(workload))", "sum(utilization)")
        .collectAsList());
  }

  /**
   * The least a pipeline that keeps a copy of its input costs: the usage Parquet read and written
   * once as a Delta table. A full run writes two such copies (bronze and silver).
   */
  double copyFloor(Path landing) {
    Path copy = work.resolve("copy-floor");
    delete(copy);
    double seconds = seconds(() -> spark.read().option("recursiveFileLookup", "true")
        .option("pathGlobFilter", "*.parquet").parquet(usageFolder(landing))
        .write().format("delta").save(copy.toString()));
    delete(copy);
    return seconds;
  }

  /** `run` for {@code date}; fails the bench when the run does not exit 0. */
  double run(Path landing, Path lake, LocalDate date) {
    return run(landing, lake, date, Map.of());
  }

  /** `run` for {@code date} with {@code settings} on top of the bench's own. */
  double run(Path landing, Path lake, LocalDate date, Map<String, String> settings) {
    Map<String, String> conf = new java.util.HashMap<>(settings);
    conf.put("spark.crossover.landing", landing.toString());
    conf.put("spark.crossover.lake", lake.toString());
    conf.put("spark.crossover.companyAliases", repo() + "/conf/company_aliases.csv");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int[] exit = new int[1];
    double seconds = seconds(() -> exit[0] = Main.execute(spark, conf, CommandLine.parse("run", "--run-date",
        date.toString()), new PrintStream(printed, true, StandardCharsets.UTF_8),
        new PrintStream(printed, true, StandardCharsets.UTF_8)));
    if (exit[0] != 0) {
      throw new IllegalStateException("run for " + date + " exited " + exit[0] + ":\n" + printed);
    }
    return seconds;
  }

  /**
   * Seconds each stage of the latest run for {@code date} took, from ops/pipeline_runs, in the order
   * the stages ran.
   */
  Map<String, Double> stageSeconds(Path lake, LocalDate date) {
    Map<String, Double> seconds = new java.util.LinkedHashMap<>();
    spark.read().format("delta").load(lake.resolve("ops/pipeline_runs").toString())
        .where(org.apache.spark.sql.functions.col("run_date").equalTo(java.sql.Date.valueOf(date)))
        .orderBy("started_at").collectAsList()
        .forEach(row -> seconds.put(row.getAs("stage"), (row.<java.sql.Timestamp>getAs("ended_at").getTime()
            - row.<java.sql.Timestamp>getAs("started_at").getTime()) / 1000.0));
    return seconds;
  }

  /** Lands one more day of events (about a thousandth of them) for the day after the run date. */
  void landNextDay(Path landing, long events) {
    LocalDate day = runDate.plusDays(1);
    BulkUsageGenerator.write(spark, usageFolder(landing) + "/next-day", model(day), Math.max(1, events / 1000),
        SEED + 7, day.atStartOfDay(), day.plusDays(1).atStartOfDay(), 10 * events, ORGS);
  }

  private static final String MONTHLY_DEMAND = "SELECT date_trunc('month', event_time) AS month, region,"
      + " CASE WHEN workload IN ('training', 'fine_tuning') THEN 'training' ELSE 'inference' END AS workload,"
      + " sum(device_count * duration_hours * utilization * c.tflops) / 24000 AS pflop_days"
      + " FROM usage JOIN chips c ON usage.chip = c.chip GROUP BY 1, 2, 3";

  /** The monthly demand aggregation by Spark SQL over the usage Parquet files (second of two runs). */
  double sparkAggregation(Path landing) {
    spark.read().option("recursiveFileLookup", "true").option("pathGlobFilter", "*.parquet")
        .parquet(usageFolder(landing)).createOrReplaceTempView("usage");
    spark.sql("SELECT * FROM VALUES " + chipValues() + " AS chips(chip, tflops)").createOrReplaceTempView("chips");
    spark.sql(MONTHLY_DEMAND).collectAsList();
    return seconds(() -> spark.sql(MONTHLY_DEMAND).collectAsList());
  }

  /** The same aggregation by DuckDB (in-process, all cores) over the same files (second of two runs). */
  double duckdbAggregation(Path landing) {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
      sql.execute("CREATE VIEW usage AS SELECT * FROM read_parquet('" + usageFolder(landing) + "/**/*.parquet')");
      sql.execute("CREATE TABLE chips AS SELECT * FROM (VALUES " + chipValues() + ") AS t(chip, tflops)");
      drain(sql, MONTHLY_DEMAND);
      return seconds(() -> drain(sql, MONTHLY_DEMAND));
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB failed: " + e.getMessage(), e);
    }
  }

  private static void drain(Statement sql, String query) {
    try (ResultSet rows = sql.executeQuery(query)) {
      while (rows.next()) {
        rows.getDouble(4);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB failed: " + e.getMessage(), e);
    }
  }

  private static String chipValues() {
    return String.join(", ", LandingGenerator.catalogue().entrySet().stream()
        .map(c -> "('" + c.getKey() + "', " + c.getValue() + ")").toList());
  }

  /** Segment fits (2 models x (replicates + 1)) per second per core on a panel of {@code segments} segments. */
  double fitsPerSecondPerCore(long segments) {
    int origin = ForecastStage.origin(runDate);
    ForecastConfig config = new ForecastConfig(runDate.toString(), origin, 120, REPLICATES, 6,
        ForecastStage.MIN_OBSERVATIONS, List.<Driver>of(), Scenario.NONE);
    var panel = ThroughputPanel.of(spark, segments, origin, SEED).cache();
    panel.count();
    double seconds = seconds(() -> ForecastStage.fitSegments(panel, config, null)
        .map((MapFunction<Forecaster.SegmentForecast, Integer>) f -> f.estimates().size(), Encoders.INT())
        .javaRDD().count());
    panel.unpersist();
    int cores = spark.sparkContext().defaultParallelism();
    return segments * 2.0 * (REPLICATES + 1) / seconds / cores;
  }

  /** Peak resident memory of this JVM (the driver), GiB. */
  static double driverPeakRssGib() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
      return lines.filter(l -> l.startsWith("VmHWM:")).findFirst()
          .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0).orElse(Double.NaN);
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  static String usageFolder(Path landing) {
    return landing.resolve("usage_events").toAbsolutePath().toString();
  }

  static double seconds(Runnable work) {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1e9;
  }

  static void delete(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
