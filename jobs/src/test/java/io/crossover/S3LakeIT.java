package io.crossover;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossover.generate.UsageGenerator;
import io.crossover.generate.UsageModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** `run` with landing and lake on s3a:// against a real S3-compatible server, compared with a local run. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3LakeIT {
  private static final String BUCKET = "crossover-it";
  private static final List<String> GOLD = List.of("demand_monthly", "capital_quarterly", "supply_quarterly",
      "market_panel", "crossover_estimate", "crossover_forecast");

  private final SparkSession spark = SparkTestSession.get();
  private S3ProxyServer s3;
  private Path landing;

  @BeforeAll
  void startS3AndLand() throws Exception {
    Path work = Files.createTempDirectory("crossover-s3-it");
    s3 = S3ProxyServer.start(work);
    s3.createBucket(BUCKET);
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    s3.s3aSettings(BUCKET).forEach(hadoop::set);
    landing = work.resolve("landing");
    for (String dataset : List.of("funding_rounds", "valuations", "accelerators", "chip_supply", "fx_rates")) {
      Lakes.copyFolder(Path.of("../data-samples", dataset), landing.resolve(dataset));
    }
    UsageGenerator.generate(landing, UsageModel.calibrated(YearMonth.of(2023, 1), YearMonth.of(2025, 12)), 3000, 7);
    FileSystem fs = FileSystem.get(java.net.URI.create("s3a://" + BUCKET + "/"), hadoop);
    fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(landing.toUri()),
        new org.apache.hadoop.fs.Path("s3a://" + BUCKET + "/landing"));
  }

  @AfterAll
  void stopS3() {
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  void aRunOnS3WritesTheSameGoldTablesAsALocalRun() throws Exception {
    Lakes.Outcome onS3 = Lakes.run("s3a://" + BUCKET + "/landing", "s3a://" + BUCKET + "/lake", Map.of(),
        "run", "--run-date", "2025-12-31");
    assertThat(onS3.exitCode()).as(onS3.printed()).isZero();
    Path localLake = Files.createTempDirectory("crossover-s3-it-local-lake");
    Lakes.Outcome local = Lakes.run(landing, localLake, Map.of(), "run", "--run-date", "2025-12-31");
    assertThat(local.exitCode()).as(local.printed()).isZero();
    for (String table : GOLD) {
      assertThat(rows("s3a://" + BUCKET + "/lake/gold/" + table)).as(table)
          .isNotEmpty().isEqualTo(rows(localLake.resolve("gold/" + table).toString()));
    }
  }

  private static List<String> rows(String path) {
    return Lakes.roundedRows(path, "true");
  }
}
