package io.crossover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * crossover-jobs.jar submitted to a real Spark standalone cluster on a stock Spark 4.2 (a master and
 * two workers; no crossover class on their class path) with docs/deploy.md's own spark-submit line,
 * its --packages resolved by Spark's Ivy, landing and lake on a real S3-compatible server. Client
 * mode and cluster mode (the driver on a worker, in a folder holding nothing of the checkout) each
 * end with the gold tables of a local run; a failing cluster-mode driver is reported FAILED.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandaloneClusterIT {
  private static final String BUCKET = "crossover-cluster-it";
  private static final String RUN_DATE = "2025-12-31";
  private static final List<String> GOLD = List.of("demand_monthly", "market_panel", "crossover_estimate",
      "crossover_forecast");

  private final SparkSession spark = SparkTestSession.get();
  private Path work;
  private Path outsideTheCheckout;
  private Path localLake;
  private S3ProxyServer s3;
  private SparkStandalone cluster;
  private String lastDriver;

  @BeforeAll
  void startS3AndTheCluster() throws Exception {
    work = Files.createTempDirectory("crossover-cluster-it");
    outsideTheCheckout = Files.createDirectories(work.resolve("submit-from-here"));
    s3 = S3ProxyServer.start(work);
    Path landing = work.resolve("landing");
    Lakes.smallLanding(landing);
    s3.serveLanding(spark, BUCKET, landing);
    localLake = Files.createTempDirectory("crossover-cluster-it-local");
    Lakes.Outcome local = Lakes.run(landing, localLake, Map.of(), "run", "--run-date", RUN_DATE);
    assertThat(local.exitCode()).as(local.printed()).isZero();
    cluster = SparkStandalone.start(work, 2);
  }

  @AfterAll
  void stopEverything() {
    if (cluster != null) {
      cluster.close();
    }
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  void theDocumentedClientModeSubmitWritesTheGoldTablesOfALocalRunToS3() throws Exception {
    Path log = work.resolve("submit-client.log");

    int exit = cluster.submit(outsideTheCheckout, log, documentedLine("client", "lake-client", RUN_DATE));

    assertThat(exit).as(Files.readString(log)).isZero();
    assertThat(Files.readString(log)).contains("Crossover (inference share of PFLOP-days reaches 0.5)");
    for (Path worker : cluster.workerDirs) {
      assertThat(executorLogs(worker)).as("an executor of the run ran on " + worker).isNotEmpty();
    }
    assertGoldEqualsTheLocalRun("lake-client");
  }

  @Test
  void theDocumentedSubmitInClusterModeRunsTheDriverOnAWorkerAndWritesTheSameGold() throws Exception {
    Path log = work.resolve("submit-cluster.log");

    int exit = cluster.submit(outsideTheCheckout, log, documentedLine("cluster", "lake-cluster", RUN_DATE));

    assertThat(exit).as(Files.readString(log)).isZero();
    assertThat(finalDriverState()).as(Files.readString(log)).isEqualTo("FINISHED");
    assertThat(driverOutput("stdout")).contains("Crossover (inference share of PFLOP-days reaches 0.5)");
    assertGoldEqualsTheLocalRun("lake-cluster");
  }

  @Test
  void aClusterModeDriverThatFailsIsReportedFailedWithTheMessageInItsLog() throws Exception {
    Path log = work.resolve("submit-cluster-failing.log");

    int exit = cluster.submit(outsideTheCheckout, log, documentedLine("cluster", "lake-failing", "2026-13-01"));

    assertThat(exit).as("spark-submit's exit code in cluster mode says nothing about the driver").isZero();
    assertThat(finalDriverState()).isEqualTo("FAILED");
    assertThat(driverOutput("stderr")).contains("'2026-13-01' is not a date as YYYY-MM-DD (--run-date)");
  }

  /** docs/deploy.md's Standalone line with this machine's hosts, paths and sizes. */
  private List<String> documentedLine(String deployMode, String lake, String runDate) throws Exception {
    Map<String, String> machine = new LinkedHashMap<>();
    machine.put("spark.driver.host", "127.0.0.1");
    machine.put("spark.driver.bindAddress", "127.0.0.1");
    machine.put("spark.driver.memory", "1g");
    machine.put("spark.executor.memory", "1g");
    machine.put("spark.executor.cores", "1");
    machine.put("spark.cores.max", "2");
    machine.put("spark.sql.shuffle.partitions", "4");
    machine.put("spark.master.rest.enabled", "true");
    machine.put("spark.crossover.forecast.bootstrap", "50");
    s3.s3aSettings(BUCKET).forEach((key, value) -> machine.put("spark.hadoop." + key, value));
    return DeployDoc.submitLine("Standalone")
        .replacing("spark://master:7077", cluster.masterUrl())
        .withOption("--deploy-mode", deployMode)
        .replacing("conf/cluster.properties", Path.of("../conf/cluster.properties").toAbsolutePath().toString())
        .replacing("spark.crossover.lake=s3a://crossover/lake", "spark.crossover.lake=s3a://" + BUCKET + "/" + lake)
        .replacing("spark.crossover.landing=s3a://crossover/landing", "spark.crossover.landing=s3a://" + BUCKET + "/landing")
        .replacing("crossover-jobs.jar", Path.of("target/crossover-jobs.jar").toAbsolutePath().toString())
        .withOption("--run-date", runDate)
        .withConf(machine)
        .arguments();
  }

  private String finalDriverState() throws Exception {
    lastDriver = cluster.newestDriver();
    String state = "SUBMITTED";
    long deadline = System.nanoTime() + 600_000_000_000L;
    while (List.of("SUBMITTED", "RUNNING", "RELAUNCHING", "UNKNOWN").contains(state) && System.nanoTime() < deadline) {
      Thread.sleep(1000);
      state = cluster.driverState(lastDriver);
    }
    return state;
  }

  /** The last cluster-mode driver's stdout or stderr, from the worker folder it ran in. */
  private String driverOutput(String stream) throws Exception {
    for (Path worker : cluster.workerDirs) {
      Path file = worker.resolve(lastDriver).resolve(stream);
      if (Files.exists(file)) {
        return Files.readString(file);
      }
    }
    throw new AssertionError("no worker ran " + lastDriver + " in " + cluster.workerDirs);
  }

  private void assertGoldEqualsTheLocalRun(String lake) {
    for (String table : GOLD) {
      assertThat(Lakes.roundedRows("s3a://" + BUCKET + "/" + lake + "/gold/" + table, "true")).as(table)
          .isNotEmpty().isEqualTo(Lakes.roundedRows(localLake.resolve("gold/" + table).toString(), "true"));
    }
  }

  private static List<Path> executorLogs(Path workerDir) throws Exception {
    try (Stream<Path> files = Files.walk(workerDir)) {
      return files.filter(p -> p.getFileName().toString().equals("stderr") && p.toString().contains("app-")).toList();
    }
  }
}
