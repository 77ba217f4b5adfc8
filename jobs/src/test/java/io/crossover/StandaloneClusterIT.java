package io.crossover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * crossover-jobs.jar submitted to a real Spark standalone cluster (a master and two workers started
 * from the Maven jars) with landing and lake on a real S3-compatible server, compared with a local
 * run; and a cluster-deploy-mode submit whose real final state comes from the master's REST server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandaloneClusterIT {
  private static final String BUCKET = "crossover-cluster-it";
  private static final String RUN_DATE = "2025-12-31";

  private final SparkSession spark = SparkTestSession.get();
  private Path work;
  private Path landing;
  private S3ProxyServer s3;
  private SparkStandalone cluster;

  @BeforeAll
  void startS3AndTheCluster() throws Exception {
    work = Files.createTempDirectory("crossover-cluster-it");
    s3 = S3ProxyServer.start(work);
    landing = work.resolve("landing");
    Lakes.smallLanding(landing);
    s3.serveLanding(spark, BUCKET, landing);
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
  void aClientModeRunOnTheClusterWritesTheSameGoldTablesToS3AsALocalRun() throws Exception {
    List<String> args = new ArrayList<>(List.of("--deploy-mode", "client", "--class", "io.crossover.Main",
        "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
        "--conf", "spark.executor.memory=1g", "--conf", "spark.cores.max=2",
        "--conf", "spark.sql.shuffle.partitions=4",
        "--conf", "spark.crossover.landing=s3a://" + BUCKET + "/landing",
        "--conf", "spark.crossover.lake=s3a://" + BUCKET + "/lake",
        "--conf", "spark.crossover.companyAliases=" + Path.of("../conf/company_aliases.csv").toAbsolutePath(),
        "--conf", "spark.crossover.forecast.bootstrap=50"));
    s3.s3aSettings(BUCKET).forEach((key, value) -> args.addAll(List.of("--conf", "spark.hadoop." + key + "=" + value)));
    args.addAll(List.of(jar(), "run", "--run-date", RUN_DATE));
    Path log = work.resolve("submit-client.log");

    int exit = cluster.submit(log, args);

    assertThat(exit).as(Files.readString(log)).isZero();
    assertThat(Files.readString(log)).contains("Crossover (inference share of PFLOP-days reaches 0.5)");
    for (Path worker : cluster.workerDirs) {
      assertThat(executorLogs(worker)).as("an executor of the run ran on " + worker).isNotEmpty();
    }
    Path localLake = Files.createTempDirectory("crossover-cluster-it-local");
    Lakes.Outcome local = Lakes.run(landing, localLake, Map.of(), "run", "--run-date", RUN_DATE);
    assertThat(local.exitCode()).as(local.printed()).isZero();
    for (String table : List.of("demand_monthly", "market_panel", "crossover_estimate", "crossover_forecast")) {
      assertThat(rows("s3a://" + BUCKET + "/lake/gold/" + table)).as(table)
          .isNotEmpty().isEqualTo(rows(localLake.resolve("gold/" + table).toString()));
    }
  }

  @Test
  void aClusterModeDriverThatFailsIsReportedFailedByTheRestServerThoughSubmitExitsZero() throws Exception {
    Path log = work.resolve("submit-cluster.log");
    int exit = cluster.submit(log, List.of("--deploy-mode", "cluster", "--class", "io.crossover.Main",
        "--conf", "spark.master.rest.enabled=true", "--conf", "spark.driver.memory=512m",
        "--conf", "spark.standalone.submit.waitAppCompletion=true",
        jar(), "run", "--run-date", "2026-13-01"));
    String submitted = Files.readString(log);
    Matcher driver = Pattern.compile("(driver-\\d+-\\d+)").matcher(submitted);
    assertThat(driver.find()).as(submitted).isTrue();
    String state = "SUBMITTED";
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (List.of("SUBMITTED", "RUNNING", "RELAUNCHING", "UNKNOWN").contains(state) && System.nanoTime() < deadline) {
      Thread.sleep(500);
      state = cluster.driverState(driver.group(1));
    }
    assertThat(exit).as("spark-submit's exit code in cluster mode says nothing about the driver").isZero();
    assertThat(state).isEqualTo("FAILED");
  }

  private static String jar() {
    return Path.of("target/crossover-jobs.jar").toAbsolutePath().toString();
  }

  private static List<Path> executorLogs(Path workerDir) throws Exception {
    try (Stream<Path> files = Files.walk(workerDir)) {
      return files.filter(p -> p.getFileName().toString().equals("stderr") && p.toString().contains("app-")).toList();
    }
  }

  private static List<String> rows(String path) {
    return Lakes.roundedRows(path, "true");
  }
}
