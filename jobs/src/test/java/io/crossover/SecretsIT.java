package io.crossover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Credentials pass through every job as Spark properties; none may come out again. A run of
 * `bin/crossover run` as its own process, with canary S3 keys and Spark's event log on, is searched
 * for the canaries everywhere a secret could leak.
 */
class SecretsIT {
  private static final String SECRET = "CANARY-SECRET-7f3a9c";
  private static final String ACCESS = "CANARYACCESS9d2e41";

  @Test
  void credentialsAppearInNoOutputLogTableOrReport() throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("crossover-secrets");
    Path lake = work.resolve("lake");
    Path events = Files.createDirectories(work.resolve("spark-events"));
    Process run = new ProcessBuilder("bash", "../bin/crossover", "run",
        "--conf", "spark.crossover.lake=" + lake, "--conf", "spark.crossover.landing=../data-samples",
        "--conf", "spark.crossover.forecast.bootstrap=50",
        "--conf", "spark.hadoop.fs.s3a.secret.key=" + SECRET, "--conf", "spark.hadoop.fs.s3a.access.key=" + ACCESS,
        "--conf", "spark.eventLog.enabled=true", "--conf", "spark.eventLog.dir=" + events.toUri(),
        // Plain JSON, so the search below reads what a reader of the event log would.
        "--conf", "spark.eventLog.compress=false")
        .redirectErrorStream(true).start();
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(run.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(run.exitValue()).as(output).isZero();
    assertThat(output).as("stdout and stderr of the run").doesNotContain(SECRET).doesNotContain(ACCESS);

    List<Path> textFiles = new ArrayList<>();
    try (Stream<Path> files = Files.walk(work)) {
      files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".parquet") && !f.toString().endsWith(".crc"))
          .forEach(textFiles::add);
    }
    assertThat(textFiles).as("the event log, every Delta commit (commitInfo) and the HTML report are searched")
        .anyMatch(f -> f.startsWith(events)).anyMatch(f -> f.toString().contains("_delta_log"))
        .anyMatch(f -> f.toString().endsWith("crossover.html"));
    StringBuilder eventLog = new StringBuilder();
    for (Path file : textFiles) {
      String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      assertThat(content).as(file.toString()).doesNotContain(SECRET).doesNotContain(ACCESS);
      if (file.startsWith(events)) {
        eventLog.append(content);
      }
    }
    assertThat(eventLog).as("the keys reached the event log, with their values hidden")
        .contains("\"spark.hadoop.fs.s3a.secret.key\":\"*********(redacted)\"")
        .contains("\"spark.hadoop.fs.s3a.access.key\":\"*********(redacted)\"");

    SparkSession spark = SparkTestSession.get();
    try (Stream<Path> tables = Files.list(lake.resolve("ops"))) {
      for (Path table : tables.toList()) {
        List<String> rows = spark.read().format("delta").load(table.toString()).toJSON().collectAsList();
        assertThat(rows).as(table.toString()).isNotEmpty()
            .noneMatch(r -> r.contains(SECRET) || r.contains(ACCESS));
      }
    }
  }
}
