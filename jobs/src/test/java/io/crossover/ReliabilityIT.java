package io.crossover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What Airflow does to a lake: kills a run anywhere and retries it, backfills while a later date
 * runs. Every run here is `bin/crossover run` as its own process group on a small generated landing;
 * a lake after one run date is copied so that every scenario starts from the same state, and the
 * same runs done one after the other, uninterrupted, give the content each scenario must end with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReliabilityIT {
  private static final String FIRST = "2024-12-31";
  private static final String LATER = "2025-12-31";
  private static final String BACKFILL = "2025-09-30";
  /** The gold tables that hold one run date, the last panel's. */
  private static final List<String> PANEL_TABLES = List.of("gold/demand_monthly", "gold/capital_quarterly",
      "gold/supply_quarterly", "gold/market_panel");
  private static final Pattern RETRY = Pattern.compile("(\\S+): another run committed first");

  private final SparkSession spark = SparkTestSession.get();
  private Path work;
  private Path landing;
  private Path firstLake;
  private Map<String, List<String>> afterFirst;
  private Map<String, List<String>> afterLater;
  private Map<String, List<String>> afterBackfill;

  @BeforeAll
  void runTheReferenceDatesOneAfterTheOther() throws Exception {
    work = Files.createTempDirectory("crossover-reliability");
    landing = work.resolve("landing");
    Lakes.smallLanding(landing);
    // 2025's events land after the first run date, so the later runs have a new file to ingest.
    Path newFile = landing.resolve("usage_events/usage_events_2025.csv");
    Path held = Files.move(newFile, work.resolve("usage_events_2025.csv"));
    firstLake = work.resolve("lake-first");
    runToTheEnd(firstLake, FIRST);
    afterFirst = content(firstLake);
    Files.move(held, newFile);

    Path reference = copyLake(firstLake, "lake-reference");
    runToTheEnd(reference, LATER);
    afterLater = content(reference);
    runToTheEnd(reference, BACKFILL);
    afterBackfill = content(reference);
  }

  @Test
  void aRunKilledAtAnyStageAndRunAgainEndsWithTheContentOfAnUninterruptedRun() throws Exception {
    Path lake = copyLake(firstLake, "lake-crashed");
    Map<String, Predicate<CrossoverProcess>> crashPoints = new java.util.LinkedHashMap<>();
    crashPoints.put("early ingest", run -> run.output().contains("stage ingest started"));
    crashPoints.put("mid ingest, bronze written before the ledger", newCommit(lake, "bronze/usage_events"));
    crashPoints.put("mid refine, after its first silver table", newCommit(lake, "silver/funding_rounds",
        "silver/valuations", "silver/accelerators", "silver/chip_supply", "silver/usage_events",
        "silver/share_evidence"));
    crashPoints.put("mid panel, after gold/demand_monthly", newCommit(lake, "gold/demand_monthly"));
    crashPoints.put("mid forecast, after gold/crossover_forecast", newCommit(lake, "gold/crossover_forecast"));

    for (Map.Entry<String, Predicate<CrossoverProcess>> point : crashPoints.entrySet()) {
      CrossoverProcess run = CrossoverProcess.run(log("crashed-" + point.getKey().split(",")[0]), landing, lake, LATER);
      killWhen(run, point.getValue(), point.getKey());
      Map<String, List<String>> now = content(lake);
      for (String table : union(afterFirst, afterLater)) {
        assertThat(now.get(table)).as("after a kill at " + point.getKey() + ", " + table
                + " holds its last complete version: the one before the run or the one the run ends with")
            .isIn(afterFirst.get(table), afterLater.get(table));
      }
    }
    runToTheEnd(lake, LATER);
    assertThat(content(lake)).isEqualTo(afterLater);
  }

  @Test
  void twoRunDatesStartedTogetherOnOneLakeBothEndCorrect() throws Exception {
    Path lake = copyLake(firstLake, "lake-concurrent");
    CrossoverProcess later = CrossoverProcess.run(log("concurrent-later"), landing, lake, LATER);
    CrossoverProcess backfill = CrossoverProcess.run(log("concurrent-backfill"), landing, lake, BACKFILL);
    List<String> retried = new ArrayList<>();
    for (Map.Entry<String, CrossoverProcess> run : Map.of(LATER, later, BACKFILL, backfill).entrySet()) {
      int exit = run.getValue().waitFor(15);
      retried.addAll(retriedTables(run.getValue().output()));
      if (exit == 4) {
        assertThat(run.getValue().output()).containsPattern(
            "crossover: Cannot write \\S+: another run committed to it first, 4 times");
        runToTheEnd(lake, run.getKey());
      } else {
        assertThat(exit).as(run.getValue().output()).isZero();
      }
    }
    System.out.println("concurrent runs: writes retried after a conflict: " + retried);

    Map<String, List<String>> now = content(lake);
    for (String table : union(afterBackfill, now)) {
      if (!PANEL_TABLES.contains(table)) {
        assertThat(now.get(table)).as(table + ": every run date's rows, each as a lone run writes them")
            .isEqualTo(afterBackfill.get(table));
      }
    }
    Map<String, List<String>> panelNow = only(now, PANEL_TABLES);
    assertThat(panelNow).as("gold's panel tables hold one run date, all of them the same one")
        .isIn(only(afterLater, PANEL_TABLES), only(afterBackfill, PANEL_TABLES));
    assertThat(spark.read().format("delta").load(lake.resolve("ops/ingested_files").toString())
        .groupBy("source_file").count().where("count > 1").count())
        .as("one ledger row per landing file").isZero();
  }

  private void runToTheEnd(Path lake, String runDate) throws InterruptedException {
    CrossoverProcess run = CrossoverProcess.run(log(lake.getFileName() + "-" + runDate), landing, lake, runDate);
    assertThat(run.waitFor(10)).as(run.output()).isZero();
  }

  private static void killWhen(CrossoverProcess run, Predicate<CrossoverProcess> reached, String point)
      throws InterruptedException {
    long started = System.nanoTime();
    while (!reached.test(run)) {
      assertThat(run.isAlive()).as("the run ended before reaching " + point + ":\n" + run.output()).isTrue();
      assertThat(System.nanoTime() - started).as("reaching " + point).isLessThan(600_000_000_000L);
      Thread.sleep(20);
    }
    run.killGroup();
    System.out.printf("killed at %s after %.1f s%n", point, (System.nanoTime() - started) / 1e9);
  }

  /** True once any of {@code tables} has a commit it did not have when the run started. */
  private static Predicate<CrossoverProcess> newCommit(Path lake, String... tables) {
    Map<String, Long> before = new TreeMap<>();
    return run -> {
      boolean any = false;
      for (String table : tables) {
        long version = latestVersion(lake.resolve(table));
        // The first test() of a run records where each table stood.
        long start = before.computeIfAbsent(table, t -> version);
        any |= version > start;
      }
      return any;
    };
  }

  private static long latestVersion(Path table) {
    Path log = table.resolve("_delta_log");
    if (!Files.isDirectory(log)) {
      return -1;
    }
    try (Stream<Path> files = Files.list(log)) {
      return files.map(f -> f.getFileName().toString()).filter(f -> f.matches("\\d{20}\\.json"))
          .mapToLong(f -> Long.parseLong(f.substring(0, 20))).max().orElse(-1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> retriedTables(String output) {
    List<String> tables = new ArrayList<>();
    Matcher retry = RETRY.matcher(output);
    while (retry.find()) {
      tables.add(retry.group(1));
    }
    return tables;
  }

  /**
   * Every bronze, silver and gold table's rows, and each quarantine table's rows per stage (ingest
   * and refine write them at different times), without run-specific columns, doubles to 6 decimals.
   */
  private Map<String, List<String>> content(Path lake) {
    Map<String, List<String>> tables = new TreeMap<>();
    for (String layer : List.of("bronze", "silver", "gold", "quarantine")) {
      for (Path table : tablesIn(lake.resolve(layer))) {
        Dataset<Row> rows = spark.read().format("delta").load(table.toString())
            .drop("_ingested_at", "_run_id", "run_id", "quarantined_at");
        for (var field : rows.schema().fields()) {
          if (field.dataType().equals(DataTypes.DoubleType)) {
            rows = rows.withColumn(field.name(), functions.round(rows.col(field.name()), 6));
          }
        }
        String name = layer + "/" + table.getFileName();
        if (layer.equals("quarantine")) {
          for (String stage : List.of("ingest", "refine")) {
            tables.put(name + "[" + stage + "]", sorted(rows.where(functions.col("stage").equalTo(stage))));
          }
        } else {
          tables.put(name, sorted(rows));
        }
      }
    }
    return tables;
  }

  private static List<String> sorted(Dataset<Row> rows) {
    return rows.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  private static List<Path> tablesIn(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> tables = Files.list(folder)) {
      return tables.filter(t -> Files.isDirectory(t.resolve("_delta_log"))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static java.util.Set<String> union(Map<String, ?> one, Map<String, ?> other) {
    java.util.Set<String> keys = new java.util.TreeSet<>(one.keySet());
    keys.addAll(other.keySet());
    return keys;
  }

  private static Map<String, List<String>> only(Map<String, List<String>> content, List<String> tables) {
    Map<String, List<String>> selected = new TreeMap<>();
    tables.forEach(table -> selected.put(table, content.get(table)));
    return selected;
  }

  private Path copyLake(Path from, String name) {
    Path to = work.resolve(name);
    Lakes.copyFolder(from, to);
    return to;
  }

  private Path log(String name) {
    return work.resolve(name.replace(' ', '-') + ".log");
  }
}
