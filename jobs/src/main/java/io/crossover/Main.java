package io.crossover;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.crossover.config.Settings;
import io.crossover.errors.CrossoverException;
import io.crossover.errors.Errors;
import io.crossover.errors.ExitCode;
import io.crossover.forecast.BacktestStage;
import io.crossover.forecast.ForecastStage;
import io.crossover.forecast.ForecastTables;
import io.crossover.forecast.LogisticShareModel;
import io.crossover.forecast.Scenario;
import io.crossover.forecast.evidence.EvidenceModel;
import io.crossover.generate.LandingGenerator;
import io.crossover.generate.UsageModel;
import io.crossover.ingest.IngestStage;
import io.crossover.lake.Lake;
import io.crossover.lake.Landing;
import io.crossover.lake.LakeViews;
import io.crossover.lake.RunContext;
import io.crossover.lake.RunLog;
import io.crossover.lake.SqlLiterals;
import io.crossover.lake.StageReport;
import io.crossover.lake.StorageFailure;
import io.crossover.panel.GoldTables;
import io.crossover.panel.PanelStage;
import io.crossover.refine.RefineStage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point for {@code spark-submit --class io.crossover.Main} and bin/crossover: parses the
 * command, builds the one SparkSession, runs the stage and maps the outcome to an exit code.
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  /**
   * The entry point spark-submit calls. On success it returns, as a Spark application does (a
   * cluster manager reports an application that calls {@code System.exit} as failed even at 0). On
   * failure: in client mode and locally it exits with the documented code; in cluster mode (the
   * driver under YARN or a standalone worker) it throws, so the cluster manager marks the
   * application FAILED with the message in the driver log.
   */
  public static void main(String[] args) {
    int code = runFromCommandLine(args, System.out, System.err);
    if (code == ExitCode.DONE.code()) {
      return;
    }
    if ("cluster".equals(System.getProperty("spark.submit.deployMode"))) {
      throw new IllegalStateException("crossover failed with exit code " + code + "; the reason is above");
    }
    System.exit(code);
  }

  static int runFromCommandLine(String[] args, PrintStream out, PrintStream err) {
    CommandLine cli;
    try {
      cli = CommandLine.parse(args);
    } catch (CrossoverException e) {
      return fail(err, e);
    }
    if (cli.command().equals("help")) {
      out.println(CommandLine.USAGE);
      return ExitCode.DONE.code();
    }
    if (cli.dryRun()) {
      Map<String, String> properties = new HashMap<>();
      for (scala.Tuple2<String, String> entry : new SparkConf().getAll()) {
        properties.put(entry._1(), entry._2());
      }
      return dryRun(properties, cli, out, err);
    }
    SparkSession spark = session("crossover " + cli.command());
    try {
      return execute(spark, Map.of(), cli, out, err);
    } finally {
      spark.stop();
    }
  }

  /**
   * What {@code --dry-run} does: checks the parsed command and every {@code spark.crossover.*}
   * setting in {@code properties}, prints what would run, and touches no data (no SparkSession).
   * Airflow's DAG tests call it for every task.
   */
  public static int dryRun(Map<String, String> properties, CommandLine cli, PrintStream out, PrintStream err) {
    try {
      Settings settings = Settings.from(properties);
      out.printf("crossover: dry run: %s for run date %s is valid (landing %s, lake %s)%n", cli.command(),
          cli.runDate(), settings.landing(), settings.lake());
      return ExitCode.DONE.code();
    } catch (CrossoverException e) {
      return fail(err, e);
    }
  }

  /** The session every entry point runs on: Spark properties first, then the lake's defaults, local[*] when no master is set. */
  public static SparkSession session(String appName) {
    SparkConf conf = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    if (!conf.contains("spark.master")) {
      builder.master("local[*]");
    }
    Lake.sessionDefaults().forEach((key, value) -> {
      if (!conf.contains(key)) {
        builder.config(key, value);
      }
    });
    StandaloneClusterJars.jarsToShip(conf, Thread.currentThread().getContextClassLoader())
        .ifPresent(jars -> builder.config("spark.jars", jars));
    return builder.getOrCreate();
  }

  /**
   * Runs one parsed command on an existing session. Settings come from the session's Spark
   * properties, with {@code overrides} on top (tests use them instead of mutating a shared session).
   */
  public static int execute(SparkSession spark, Map<String, String> overrides, CommandLine cli, PrintStream out,
      PrintStream err) {
    Map<String, String> properties = new HashMap<>();
    for (scala.Tuple2<String, String> entry : spark.sparkContext().getConf().getAll()) {
      properties.put(entry._1(), entry._2());
    }
    properties.putAll(overrides);
    try {
      Settings settings = Settings.from(properties);
      Lake lake = new Lake(spark, settings.lake(), settings.landing());
      cli = resolveRunDate(cli, lake, out);
      String runId = cli.command() + "-" + cli.runDate() + "-"
          + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").format(Instant.now().atZone(ZoneOffset.UTC))
          + "-" + UUID.randomUUID().toString().substring(0, 8);
      RunContext run = new RunContext(lake, settings, runId, cli.command(), cli.runDate());
      switch (cli.command()) {
        case "sql" -> query(lake, cli, out);
        case "generate" -> generate(spark, cli, out);
        default -> runStages(run, cli, out);
      }
      return ExitCode.DONE.code();
    } catch (CrossoverException e) {
      return fail(err, storageFailure(e, properties).orElse(e));
    } catch (Exception e) {
      // Exception, not RuntimeException: Scala code (Delta, Spark) throws checked I/O exceptions undeclared.
      LOG.error("crossover {} failed", cli.command(), e);
      var storage = storageFailure(e, properties);
      if (storage.isPresent()) {
        return fail(err, storage.get());
      }
      err.println("crossover: failed: " + e);
      return ExitCode.FAILED.code();
    }
  }

  /** The command with its run date settled (see {@link CommandLine#resolveRunDate}), saying so when the landing set it. */
  private static CommandLine resolveRunDate(CommandLine cli, Lake lake, PrintStream out) {
    if (cli.runDateGiven()) {
      return cli;
    }
    CommandLine resolved = cli.resolveRunDate(lake.landing().asOf());
    if (!resolved.runDate().equals(cli.runDate())) {
      out.printf("crossover: no --run-date given: run date %s, the landing's asOf in %s%n", resolved.runDate(),
          lake.landing().path(Landing.MANIFEST));
    }
    return resolved;
  }

  private static void runStages(RunContext run, CommandLine cli, PrintStream out) {
    Map<String, Function<RunContext, StageReport>> stages = new java.util.LinkedHashMap<>();
    stages.put(IngestStage.NAME, IngestStage::run);
    stages.put(RefineStage.NAME, RefineStage::run);
    stages.put(PanelStage.NAME, PanelStage::run);
    stages.put(ForecastStage.NAME, ForecastStage::run);
    stages.put(BacktestStage.NAME, BacktestStage::run);
    stages.put(io.crossover.maintain.MaintainStage.NAME, io.crossover.maintain.MaintainStage::run);
    List<StageReport> reports = new ArrayList<>();
    List<RunLog.StageRun> ran = new ArrayList<>();
    boolean recorded = false;
    try {
      for (Map.Entry<String, Function<RunContext, StageReport>> stage : stages.entrySet()) {
        boolean partOfRun = !stage.getKey().equals(BacktestStage.NAME)
            && !stage.getKey().equals(io.crossover.maintain.MaintainStage.NAME);
        if ((cli.command().equals("run") && partOfRun) || cli.command().equals(stage.getKey())) {
          reports.add(runStage(run, stage.getKey(), stage.getValue(), ran));
        }
      }
      run.settings().catalogDatabase().ifPresent(database -> {
        List<io.crossover.lake.TableSpec> tables = new ArrayList<>(io.crossover.refine.SilverTables.ALL);
        tables.addAll(GoldTables.ALL);
        tables.addAll(ForecastTables.ALL);
        out.println("registered in the catalog: " + String.join(", ", LakeViews.registerInCatalog(run.lake(), database, tables)));
      });
      recorded = true;
      RunLog.record(run, ran);
    } finally {
      if (!recorded) {
        recordQuietly(run, ran);
      }
      Summary.printStages(out, cli, run.runId(), reports);
    }
    if (run.lake().exists(ForecastTables.CROSSOVER_ESTIMATE) && !cli.command().equals(BacktestStage.NAME)) {
      Summary.printEvidenceEstimate(out, run.runDate(), run.lake().read(ForecastTables.CROSSOVER_ESTIMATE, ForecastStage.NAME)
          .where(col("as_of").equalTo(java.sql.Date.valueOf(run.runDate())))
          .where(col("model").equalTo(EvidenceModel.NAME))
          .where(coalesce(col("scenario"), lit(Scenario.BASELINE)).equalTo(Scenario.BASELINE))
          .select("status", "crossover_month_p10", "crossover_month_p50", "crossover_month_p90",
              "probability_crossed", "probability_within_horizon", "evidence_rows", "evidence_sources")
          .collectAsList(), run.settings().horizonMonths());
    }
    Summary.printPublicData(out, publicDataCounts(run.lake()), evidenceCounts(run.lake(), run.runDate()));
    if (run.lake().exists(GoldTables.MARKET_PANEL)) {
      Summary.printLatestShares(out, latestShares(run.lake()));
    }
    if (cli.command().equals(BacktestStage.NAME)) {
      Dataset<Row> comparison = BacktestStage.comparison(run.lake().read(ForecastTables.BACKTEST_METRICS, BacktestStage.NAME)
          .where(col("as_of").equalTo(java.sql.Date.valueOf(run.runDate()))));
      out.println("Backtest (rolling origin, all segments and cutoffs):");
      Summary.printRows(out, comparison.columns(), comparison.collectAsList());
      return;
    }
    if (run.lake().exists(ForecastTables.CROSSOVER_ESTIMATE)) {
      Scenario scenario = Scenario.of(run.settings());
      Dataset<Row> estimates = run.lake().read(ForecastTables.CROSSOVER_ESTIMATE, ForecastStage.NAME);
      Column flags = java.util.Arrays.asList(estimates.columns()).contains("flags") ? col("flags") : lit("");
      Summary.printEstimates(out, run.runDate(), run.settings().horizonMonths(), scenario.name(), estimates
          .where(col("as_of").equalTo(java.sql.Date.valueOf(run.runDate())))
          .where(col("model").equalTo(LogisticShareModel.NAME))
          .where(coalesce(col("scenario"), lit(Scenario.BASELINE)).equalTo(scenario.name()))
          .orderBy(col("segment").notEqual("all"), col("segment"))
          .select(col("segment"), col("status"), col("crossover_month_p10"), col("crossover_month_p50"),
              col("crossover_month_p90"), col("probability_within_horizon"), col("drivers"), flags)
          .collectAsList());
    }
  }

  /** Runs one stage, adding how it ended to {@code ran} (written to ops/ once the command ends). */
  private static StageReport runStage(RunContext run, String name, Function<RunContext, StageReport> stage,
      List<RunLog.StageRun> ran) {
    Instant started = Instant.now();
    LOG.info("stage {} started (run {}, run date {})", name, run.runId(), run.runDate());
    StageReport report;
    try {
      report = stage.apply(run);
    } catch (CrossoverException e) {
      String status = e.exitCode() == ExitCode.REJECTS_ABOVE_RATIO ? "rejected" : "failed";
      ran.add(new RunLog.StageRun(new StageReport(name), started, Instant.now(), status, e.getMessage()));
      throw e;
    } catch (Exception e) {
      // Undeclared checked exceptions from Scala code (an unreachable store) are failures too.
      ran.add(new RunLog.StageRun(new StageReport(name), started, Instant.now(), "failed", e.toString()));
      throw e;
    }
    ran.add(new RunLog.StageRun(report, started, Instant.now(), "succeeded", null));
    LOG.info("stage {} succeeded: {} rows written, {} quarantined", name, report.rowsWritten(),
        report.rowsQuarantined());
    return report;
  }

  private static void recordQuietly(RunContext run, List<RunLog.StageRun> ran) {
    try {
      RunLog.record(run, ran);
    } catch (RuntimeException logFailure) {
      LOG.warn("could not record the failed stage in ops/pipeline_runs", logFailure);
    }
  }

  /** Rows of each public dataset in silver, by the name a reader knows it by; datasets not landed are left out. */
  private static java.util.Map<String, Long> publicDataCounts(Lake lake) {
    java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
    java.util.Map<String, io.crossover.lake.TableSpec> datasets = new java.util.LinkedHashMap<>();
    datasets.put("AI Companies: funding rounds (Epoch AI rounds beside hand-kept)", io.crossover.refine.SilverTables.FUNDING_ROUNDS);
    datasets.put("AI Companies: compute spend", io.crossover.refine.SilverTables.COMPUTE_SPEND);
    datasets.put("AI Companies: usage reports", io.crossover.refine.SilverTables.USAGE_REPORTS);
    datasets.put("Machine Learning Hardware (with hand-kept chips)", io.crossover.refine.SilverTables.ACCELERATORS);
    datasets.put("AI Chip Sales: chip x quarter", io.crossover.refine.SilverTables.CHIP_SHIPMENTS);
    datasets.put("AI Chip Components: designer x quarter x component", io.crossover.refine.SilverTables.CHIP_COMPONENTS);
    datasets.put("GPU Clusters", io.crossover.refine.SilverTables.GPU_CLUSTERS);
    datasets.forEach((label, table) -> {
      if (lake.exists(table)) {
        counts.put(label, lake.read(table, io.crossover.refine.RefineStage.NAME).count());
      }
    });
    return counts;
  }

  /** Evidence rows by origin, and how many were known on the run date: {curated, derived, known}. */
  private static long[] evidenceCounts(Lake lake, java.time.LocalDate runDate) {
    if (!lake.exists(io.crossover.refine.SilverTables.SHARE_EVIDENCE)) {
      return new long[3];
    }
    Row counts = lake.read(io.crossover.refine.SilverTables.SHARE_EVIDENCE, io.crossover.refine.RefineStage.NAME).selectExpr(
        "count_if(origin = 'curated')", "count_if(origin = 'derived')",
        "count_if(published_on <= " + SqlLiterals.date(runDate) + ")").first();
    return new long[] {counts.getLong(0), counts.getLong(1), counts.getLong(2)};
  }

  /** Per segment, the newest complete month's share (the newest month when none is complete). */
  private static List<Row> latestShares(Lake lake) {
    Dataset<Row> panel = lake.read(GoldTables.MARKET_PANEL, PanelStage.NAME)
        .where(col("inference_share").isNotNull());
    var newest = Window.partitionBy("segment").orderBy(col("is_complete_month").desc(), col("month").desc());
    return panel.withColumn("_rank", org.apache.spark.sql.functions.row_number().over(newest))
        .where(col("_rank").equalTo(1))
        .select("segment", "month", "inference_share", "inference_pflop_days", "training_pflop_days")
        .orderBy(col("segment").notEqual("all"), col("segment"))
        .collectAsList();
  }

  private static void query(Lake lake, CommandLine cli, PrintStream out) {
    List<String> views = LakeViews.registerViews(lake);
    String[] columns;
    List<Row> rows;
    try {
      Dataset<Row> result = lake.spark().sql(cli.sqlText().orElseThrow());
      columns = result.columns();
      rows = result.limit(cli.limit()).collectAsList();
    } catch (Exception e) {
      if (!(e instanceof org.apache.spark.sql.AnalysisException) && e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw Errors.queryFailed(cli.sqlText().orElseThrow(),
          firstLine(e.getMessage()) + "; tables: " + String.join(", ", views), e);
    }
    Summary.printRows(out, columns, rows);
  }

  private static void generate(SparkSession spark, CommandLine cli, PrintStream out) {
    YearMonth to = YearMonth.from(cli.runDate()).minusMonths(1);
    UsageModel model = UsageModel.calibrated(YearMonth.of(2019, 1), to);
    Path folder = Path.of(cli.out());
    Path truth = cli.format().equals("csv")
        ? LandingGenerator.generate(folder, model, cli.scale(), cli.seed(), cli.runDate())
        : LandingGenerator.generateParquet(spark, folder, model, cli.scale(), cli.seed(), cli.runDate(), cli.orgs());
    out.printf("generated about %d usage events as %s (%s to %s, %d orgs, a few after the as-of date %s, seed %d)"
        + " under %s; truth in %s%n", cli.scale(), cli.format(), model.from(), model.to(),
        cli.format().equals("csv") ? 10 : cli.orgs(), cli.runDate(), cli.seed(), folder, truth);
  }

  /** {@code failure} as the lake's storage being unreachable, when a network failure caused it. */
  private static java.util.Optional<CrossoverException> storageFailure(Throwable failure, Map<String, String> properties) {
    return StorageFailure.explain(failure, properties,
        properties.getOrDefault(Settings.LAKE.key(), Settings.LAKE.defaultValue()));
  }

  /** Errors go to stderr, so a scheduler's log and a pipe tell them from the summary on stdout. */
  private static int fail(PrintStream err, CrossoverException e) {
    err.println("crossover: " + e.getMessage());
    return e.exitCode().code();
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unknown error";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
