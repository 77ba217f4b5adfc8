package io.crossover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * crossover-jobs.jar in YARN cluster mode on a real YARN (Hadoop's MiniYARNCluster) from a stock Spark,
 * submitted with docs/deploy.md's YARN line: the ResourceManager reports SUCCEEDED for a good run and
 * FAILED, with crossover's message in the driver's log, for a run with a bad setting.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YarnClusterIT {
  private static final String RUN_DATE = "2025-12-31";

  private Path work;
  private Path landing;
  private MiniYarn yarn;
  private StockSpark spark;

  @BeforeAll
  void startYarn() throws Exception {
    work = Files.createTempDirectory("crossover-yarn-it");
    landing = work.resolve("landing");
    Lakes.smallLanding(landing);
    yarn = MiniYarn.start(work);
    spark = StockSpark.install(work.resolve("spark-home"), List.of(
        "spark.jars.ivySettings " + Path.of("../conf/ivysettings.xml").toAbsolutePath(),
        "spark.yarn.jars local:" + Path.of("../tools/stock-spark/target/spark-home/jars").toAbsolutePath() + "/*",
        "spark.ui.enabled false"));
  }

  @AfterAll
  void stopYarn() {
    if (yarn != null) {
      yarn.close();
    }
  }

  @Test
  void aGoodRunSucceedsOnYarnAndPrintsTheEstimateInTheDriverLog() throws Exception {
    Path log = work.resolve("submit-good.log");

    int exit = spark.submit(work, log, documentedLine(Map.of()), Map.of("HADOOP_CONF_DIR", yarn.confDir().toString()));

    String application = yarn.newestApplication();
    assertThat(exit).as(Files.readString(log)).isZero();
    assertThat(yarn.finalStatus(application)).isEqualTo("SUCCEEDED");
    assertThat(yarn.driverLog(application, "stdout")).contains("Crossover (inference share of PFLOP-days reaches 0.5)");
    assertThat(work.resolve("lake/gold/crossover_estimate/_delta_log")).isDirectory();
  }

  @Test
  void aRunWithABadSettingFailsOnYarnWithTheMessageInTheDriverLog() throws Exception {
    Path log = work.resolve("submit-bad-setting.log");

    int exit = spark.submit(work, log, documentedLine(Map.of("spark.crossover.quality.maxRejectRatio", "7")),
        Map.of("HADOOP_CONF_DIR", yarn.confDir().toString()));

    String application = yarn.newestApplication();
    assertThat(exit).as("spark-submit waits for the application and reports its failure").isNotZero();
    assertThat(yarn.finalStatus(application)).isEqualTo("FAILED");
    assertThat(yarn.driverLog(application, "stderr"))
        .contains("crossover: Cannot read setting: '7' is not valid; expected a number from 0 to 1")
        .contains("spark.crossover.quality.maxRejectRatio");
  }

  /** docs/deploy.md's YARN line with this machine's paths and sizes, plus {@code extra} settings. */
  private List<String> documentedLine(Map<String, String> extra) throws Exception {
    Map<String, String> machine = new LinkedHashMap<>();
    machine.put("spark.driver.memory", "1g");
    machine.put("spark.executor.memory", "1g");
    machine.put("spark.executor.cores", "1");
    machine.put("spark.executor.instances", "2");
    machine.put("spark.sql.shuffle.partitions", "4");
    machine.put("spark.crossover.forecast.bootstrap", "50");
    machine.putAll(extra);
    return DeployDoc.submitLine("YARN (a Hadoop cluster with s3a on its class path)")
        .replacing("conf/cluster.properties", Path.of("../conf/cluster.properties").toAbsolutePath().toString())
        .replacing("spark.crossover.lake=s3a://crossover/lake", "spark.crossover.lake=" + work.resolve("lake").toUri())
        .replacing("spark.crossover.landing=s3a://crossover/landing", "spark.crossover.landing=" + landing.toUri())
        .replacing("crossover-jobs.jar", Path.of("target/crossover-jobs.jar").toAbsolutePath().toString())
        .withOption("--run-date", RUN_DATE)
        .withConf(machine)
        .arguments();
  }
}
