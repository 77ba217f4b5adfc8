package io.crossover.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossover.Lakes;
import io.crossover.SparkTestSession;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of the store, injected under {@code faulty://}: a read that fails part way through a
 * landing file, a failed write of bronze, a landing folder that cannot be listed. None of them may
 * lose a row or be reported as a problem of the data.
 */
class StorageFaultsTest {
  private static final Path SAMPLES = Path.of("../data-samples/usage_events");
  private static final String RUN_DATE = "2026-11-26";
  @TempDir Path landing;
  @TempDir Path lake;
  private final SparkSession spark = SparkTestSession.get();

  @AfterEach
  void clearFaults() {
    FaultInjectingFileSystem.clear();
  }

  @Test
  void aReadFailingHalfwayThroughALandingFileLeavesItPendingAndTheRerunLandsEveryRowOnce() throws IOException {
    Path file = copySample("usage_events_2021.csv");
    long records = Files.lines(file).count() - 1;
    FaultInjectingFileSystem.failReads("usage_events_2021.csv", Files.size(file) / 2, 1);

    Lakes.Outcome failed = ingest(FaultInjectingFileSystem.uri(landing), lake.toString());

    assertThat(failed.exitCode()).as(failed.printed()).isEqualTo(1);
    assertThat(failed.errors()).contains("Cannot read faulty:").contains("usage_events_2021.csv: injected fault: reading")
        .contains("re-run this run date once the store answers (endpoint faulty://)");
    assertThat(failed.stdout()).doesNotContain("Cannot ");
    assertThat(ledgerPaths()).noneMatch(path -> path.endsWith("usage_events_2021.csv"));
    assertThat(rowsFrom("bronze/usage_events", "usage_events_2021.csv")).isZero();
    assertThat(rowsFrom("quarantine/usage_events", "usage_events_2021.csv")).isZero();

    Lakes.Outcome rerun = ingest(FaultInjectingFileSystem.uri(landing), lake.toString());

    assertThat(rerun.exitCode()).as(rerun.printed()).isZero();
    java.util.List<Long> landed = new java.util.ArrayList<>(lines("bronze/usage_events", "usage_events_2021.csv"));
    landed.addAll(lines("quarantine/usage_events", "usage_events_2021.csv"));
    assertThat(landed).hasSize((int) records).doesNotHaveDuplicates();
    assertThat(ledgerPaths()).anyMatch(path -> path.endsWith("usage_events_2021.csv"));
  }

  @Test
  void aFailedBronzeWriteLeavesBronzeAtItsLastVersionAndTheLedgerWithoutTheFile() throws IOException {
    copySample("usage_events_2020.csv");
    String faultyLake = FaultInjectingFileSystem.uri(lake);
    assertThat(ingest(landing.toString(), faultyLake).exitCode()).isZero();
    long versionBefore = latestVersion("bronze/usage_events");
    long rowsBefore = table("bronze/usage_events").count();
    copySample("usage_events_2021.csv");
    FaultInjectingFileSystem.failCreates("bronze/usage_events/part-", 1);

    Lakes.Outcome failed = ingest(landing.toString(), faultyLake);

    assertThat(failed.exitCode()).as(failed.printed()).isEqualTo(1);
    assertThat(failed.errors()).contains("Cannot reach the lake's storage: injected fault: creating")
        .contains("(endpoint faulty://, lake " + faultyLake + ")");
    assertThat(latestVersion("bronze/usage_events")).isEqualTo(versionBefore);
    assertThat(table("bronze/usage_events").count()).isEqualTo(rowsBefore);
    assertThat(ledgerPaths()).noneMatch(path -> path.endsWith("usage_events_2021.csv"))
        .anyMatch(path -> path.endsWith("usage_events_2020.csv"));

    Lakes.Outcome rerun = ingest(landing.toString(), faultyLake);

    assertThat(rerun.exitCode()).as(rerun.printed()).isZero();
    assertThat(rowsFrom("bronze/usage_events", "usage_events_2021.csv")).isPositive();
  }

  @Test
  void aLandingFolderThatCannotBeListedIsAStorageErrorNamingTheEndpointNotAMissingFolder() throws IOException {
    copySample("usage_events_2020.csv");
    FaultInjectingFileSystem.failListings(landing.toString(), 100);

    Lakes.Outcome failed = ingest(FaultInjectingFileSystem.uri(landing), lake.toString());

    assertThat(failed.exitCode()).as(failed.printed()).isEqualTo(1);
    assertThat(failed.errors()).contains("Cannot check faulty://" + landing)
        .contains("injected fault: the status of faulty:" + landing).contains("(endpoint faulty://)")
        .doesNotContain("does not exist");
  }

  private Path copySample(String name) throws IOException {
    Path target = landing.resolve("usage_events").resolve(name);
    Files.createDirectories(target.getParent());
    return Files.copy(SAMPLES.resolve(name), target);
  }

  private static Lakes.Outcome ingest(String landingRoot, String lakeRoot) {
    return Lakes.run(landingRoot, lakeRoot, Map.of(), "ingest", "--run-date", RUN_DATE);
  }

  private java.util.List<String> ledgerPaths() {
    if (!Files.exists(lake.resolve("ops/ingested_files"))) {
      return java.util.List.of();
    }
    return table("ops/ingested_files").collectAsList().stream().map(r -> r.<String>getAs("source_file")).toList();
  }

  private long rowsFrom(String tableName, String fileName) {
    return lines(tableName, fileName).size();
  }

  /** The landing lines of {@code fileName} a table holds; none when the table does not exist. */
  private java.util.List<Long> lines(String tableName, String fileName) {
    if (!Files.exists(lake.resolve(tableName))) {
      return java.util.List.of();
    }
    return table(tableName).where(org.apache.spark.sql.functions.col("_source_file").endsWith(fileName))
        .select("_line").collectAsList().stream().map(r -> r.getLong(0)).toList();
  }

  private Dataset<Row> table(String name) {
    return spark.read().format("delta").load(lake.resolve(name).toString());
  }

  private long latestVersion(String name) {
    return DeltaTable.forPath(spark, lake.resolve(name).toString()).history(1).first().<Long>getAs("version");
  }
}
