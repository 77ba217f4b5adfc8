package io.crossover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    landing = work.resolve("landing");
    Lakes.smallLanding(landing);
    s3.serveLanding(spark, BUCKET, landing);
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
