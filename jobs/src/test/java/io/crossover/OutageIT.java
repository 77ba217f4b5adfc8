package io.crossover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The object store goes away in the middle of a run: the run must end soon with a message naming
 * the store, and a re-run once the store is back must end with the clean result. The lake is on
 * S3Proxy (keeping its objects on disk, so they outlive the restart) with the s3a retry settings of
 * conf/s3.properties.
 */
class OutageIT {
  private static final String BUCKET = "crossover-outage";
  private static final String RUN_DATE = "2025-12-31";
  /** Far above the measured time to fail (docs/operations.md), far below "hangs". */
  private static final long FAIL_WITHIN_SECONDS = 300;

  private final SparkSession spark = SparkTestSession.get();

  @Test
  void aStoreGoneMidRunFailsTheRunSoonNamingTheEndpointAndARunAfterItIsBackEndsClean() throws Exception {
    Path work = Files.createTempDirectory("crossover-outage");
    Path landing = work.resolve("landing");
    Lakes.smallLanding(landing);
    S3ProxyServer s3 = S3ProxyServer.startOnDisk(work);
    try {
      s3.serveLanding(spark, BUCKET, landing);
      Map<String, String> conf = new HashMap<>(Map.of(
          "spark.crossover.landing", "s3a://" + BUCKET + "/landing", "spark.crossover.lake", "s3a://" + BUCKET + "/lake",
          "spark.crossover.forecast.bootstrap", "50", "spark.sql.shuffle.partitions", "4",
          "spark.ui.enabled", "false", "spark.driver.host", "127.0.0.1", "spark.driver.bindAddress", "127.0.0.1",
          "spark.hadoop.fs.s3a.buffer.dir", work.resolve("s3a-buffer").toString()));
      s3.s3aSettings(BUCKET).forEach((key, value) -> conf.put("spark.hadoop." + key, value));

      CrossoverProcess run = start(work.resolve("outage.log"), conf);
      while (!run.output().contains("stage refine started")) {
        assertThat(run.isAlive()).as(run.output()).isTrue();
        Thread.sleep(20);
      }
      s3.close();
      long stopped = System.nanoTime();
      int exit = run.waitFor(10);
      double secondsToFail = (System.nanoTime() - stopped) / 1e9;
      System.out.printf("store stopped at refine; the run failed %.1f s later%n", secondsToFail);

      assertThat(exit).as(run.output()).isEqualTo(1);
      assertThat(run.output()).contains("crossover: Cannot reach the lake's storage: ")
          .contains("re-run this run date once the store answers (endpoint " + s3.endpoint()
              + ", lake s3a://" + BUCKET + "/lake)");
      assertThat(secondsToFail).as("time from the store going away to the run's exit").isLessThan(FAIL_WITHIN_SECONDS);

      s3.restart();
      CrossoverProcess again = start(work.resolve("rerun.log"), conf);
      assertThat(again.waitFor(10)).as(again.output()).isZero();
      Path localLake = work.resolve("local-lake");
      Lakes.Outcome local = Lakes.run(landing, localLake, Map.of(), "run", "--run-date", RUN_DATE);
      assertThat(local.exitCode()).as(local.printed()).isZero();
      // Bronze and quarantine rows carry their file's path, which differs between the two lakes.
      for (String table : List.of("silver/usage_events", "silver/funding_rounds", "gold/demand_monthly",
          "gold/market_panel", "gold/crossover_estimate", "gold/crossover_forecast")) {
        assertThat(Lakes.roundedRows("s3a://" + BUCKET + "/lake/" + table, "true")).as(table).isNotEmpty()
            .isEqualTo(Lakes.roundedRows(localLake.resolve(table).toString(), "true"));
      }
    } finally {
      s3.close();
    }
  }

  private static CrossoverProcess start(Path log, Map<String, String> conf) {
    List<String> args = List.of("run", "--run-date", RUN_DATE, "--properties-file", "../conf/s3.properties");
    return CrossoverProcess.start(log, conf, Map.of(), args.toArray(String[]::new));
  }
}
