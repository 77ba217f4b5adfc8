package io.crossover;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Test helpers: run a command against a lake, and read every table's content for comparison. */
public final class Lakes {
  private Lakes() {}

  /**
   * Exit code and what the command printed: the summary on stdout, errors on stderr, and both as a
   * terminal shows them ({@code printed}).
   */
  public record Outcome(int exitCode, String stdout, String errors, String printed) {}

  public static Outcome run(Path landing, Path lake, Map<String, String> conf, String... args) {
    return run(landing.toString(), lake.toString(), conf, args);
  }

  /** As {@link #run(Path, Path, Map, String...)} on the day {@code clock} says it is. */
  public static Outcome runOn(java.time.Clock clock, Path landing, Path lake, Map<String, String> conf, String... args) {
    return run(clock, landing.toString(), lake.toString(), conf, args);
  }

  /** As {@link #run(Path, Path, Map, String...)} with landing and lake as paths or URIs (s3a://...). */
  public static Outcome run(String landing, String lake, Map<String, String> conf, String... args) {
    return run(java.time.Clock.systemUTC(), landing, lake, conf, args);
  }

  private static Outcome run(java.time.Clock clock, String landing, String lake, Map<String, String> conf,
      String... args) {
    Map<String, String> overrides = new HashMap<>(conf);
    overrides.put("spark.crossover.landing", landing);
    overrides.put("spark.crossover.lake", lake);
    overrides.putIfAbsent("spark.crossover.forecast.bootstrap", "50");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    int code = Main.execute(SparkTestSession.get(), overrides, CommandLine.parse(clock, args),
        new PrintStream(new org.apache.commons.io.output.TeeOutputStream(stdout, both), true, StandardCharsets.UTF_8),
        new PrintStream(new org.apache.commons.io.output.TeeOutputStream(stderr, both), true, StandardCharsets.UTF_8));
    return new Outcome(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8),
        both.toString(StandardCharsets.UTF_8));
  }

  /** Sorted rows of every bronze, silver, gold and quarantine table, minus run-specific columns. */
  public static Map<String, List<String>> content(Path lake) {
    Map<String, List<String>> tables = new TreeMap<>();
    for (String layer : List.of("bronze", "silver", "gold", "quarantine")) {
      for (Path table : list(lake.resolve(layer))) {
        var rows = SparkTestSession.get().read().format("delta").load(table.toString());
        for (String runSpecific : List.of("_ingested_at", "_run_id", "run_id", "quarantined_at")) {
          rows = rows.drop(runSpecific);
        }
        tables.put(layer + "/" + table.getFileName(),
            rows.collectAsList().stream().map(Row::toString).sorted().toList());
      }
    }
    return tables;
  }

  /** The data files of every bronze, silver, gold and quarantine table, relative to the lake, sorted. */
  public static List<String> dataFiles(Path lake) {
    try (Stream<Path> files = Files.walk(lake)) {
      return files.filter(f -> f.toString().endsWith(".parquet")).map(lake::relativize).map(Path::toString)
          .filter(f -> !f.startsWith("ops")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A table's rows, sorted, without run_id and quarantined_at, doubles rounded to 6 decimals (sums
   * over another partitioning differ in the last bits), after {@code where}.
   */
  public static List<String> roundedRows(String table, String where) {
    var rows = SparkTestSession.get().read().format("delta").load(table).where(where).drop("run_id", "quarantined_at");
    for (var field : rows.schema().fields()) {
      if (field.dataType().equals(org.apache.spark.sql.types.DataTypes.DoubleType)) {
        rows = rows.withColumn(field.name(), org.apache.spark.sql.functions.round(rows.col(field.name()), 6));
      }
    }
    return rows.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  /** A small landing: the sample facts and 3,000 generated usage events (2023 to 2025, seed 7). */
  public static void smallLanding(Path landing) {
    for (String dataset : List.of("funding_rounds", "valuations", "accelerators", "chip_supply", "fx_rates")) {
      copyFolder(Path.of("../data-samples", dataset), landing.resolve(dataset));
    }
    io.crossover.generate.UsageGenerator.generate(landing, io.crossover.generate.UsageModel.calibrated(
        java.time.YearMonth.of(2023, 1), java.time.YearMonth.of(2025, 12)), 3000, 7);
  }

  public static void copyFolder(Path from, Path to) {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> list(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> tables = Files.list(folder)) {
      return tables.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
