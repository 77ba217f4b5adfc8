package io.crossover.bench;

import io.crossover.Main;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * {@code bin/crossover bench --events N [--segments M] [--out DIR] [--run-date D]}: measures, prints a
 * table of times and ratios, appends it to docs/performance.md, and ends with one machine-readable
 * line. Lives with the tests because its DuckDB peer is a test-scope dependency.
 * {@code bin/crossover bench evidence [--seeds N]} runs the evidence model's known-answer study
 * instead ({@link EvidenceStudy}), {@code bin/crossover bench telemetry [--seeds N] [--scenario NAME]} the
 * telemetry forecast's misspecified suite ({@link TelemetryStudy}).
 */
public final class BenchMain {
  /**
   * Bootstrap replicates of the forecast at its largest settings: ten times the default. The setting
   * allows 100,000; the forecast's cost grows linearly with it (docs/performance.md).
   */
  static final int LARGEST_BOOTSTRAP = 5000;

  private BenchMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length > 1 && args[0].equals("bench") && args[1].equals("evidence")) {
      EvidenceStudy.main(args);
      return;
    }
    if (args.length > 1 && args[0].equals("bench") && args[1].equals("telemetry")) {
      TelemetryStudy.main(args);
      return;
    }
    long events = 1_000_000;
    long maxSegments = 100_000;
    int largestBootstrap = LARGEST_BOOTSTRAP;
    Path work = Path.of("bench-work");
    LocalDate runDate = LocalDate.of(2026, 11, 26);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "bench" -> { }
        case "--events" -> events = Long.parseLong(args[++i]);
        case "--segments" -> maxSegments = Long.parseLong(args[++i]);
        case "--out" -> work = Path.of(args[++i]);
        case "--run-date" -> runDate = LocalDate.parse(args[++i]);
        case "--bootstrap" -> largestBootstrap = Integer.parseInt(args[++i]);
        default -> {
          System.err.println("crossover: Cannot run bench: unknown option " + args[i]
              + " (bench --events N [--segments M] [--bootstrap B] [--out DIR] [--run-date YYYY-MM-DD])");
          System.exit(2);
        }
      }
    }
    SparkSession spark = Main.session("crossover bench");
    try {
      PrintStream out = System.out;
      String report = measure(new Bench(spark, work, runDate, out), events, maxSegments, largestBootstrap, runDate,
          work);
      out.print(report);
      Path docs = Path.of(System.getProperty("crossover.repo", "."), "docs", "performance.md");
      if (Files.exists(docs)) {
        Files.writeString(docs, "\n" + report.substring(0, report.lastIndexOf("bench: ")), StandardCharsets.UTF_8,
            StandardOpenOption.APPEND);
      }
    } finally {
      spark.stop();
    }
  }

  static String measure(Bench bench, long events, long maxSegments, int largestBootstrap, LocalDate runDate,
      Path work) {
    Path landing = bench.landing(events);
    Path lake = work.resolve("lake");
    Bench.delete(lake);
    bench.scanFloor(landing);
    double scan = bench.scanFloor(landing);
    double copy = bench.copyFloor(landing);
    double full = bench.run(landing, lake, runDate);
    java.util.Map<String, Double> stages = bench.stageSeconds(lake, runDate);
    bench.landNextDay(landing, events);
    double incremental = bench.run(landing, lake, runDate.plusDays(1));
    java.util.Map<String, String> largest = java.util.Map.of(
        "spark.crossover.forecast.segments", String.join(",", io.crossover.config.Settings.SEGMENT_COLUMNS),
        "spark.crossover.forecast.bootstrap", Integer.toString(largestBootstrap));
    double largestRun = bench.run(landing, lake, runDate.plusDays(1), largest);
    java.util.Map<String, Double> largestStages = bench.stageSeconds(lake, runDate.plusDays(1));
    double sparkAggregation = bench.sparkAggregation(landing);
    double duckdb = bench.duckdbAggregation(landing);
    List<String> fitRows = new ArrayList<>();
    double fitRate = 0;
    for (long segments = 1000; segments <= maxSegments; segments *= 10) {
      fitRate = bench.fitsPerSecondPerCore(segments);
      fitRows.add(String.format(Locale.ROOT, "| forecast fits, %,d segments x 2 models x %d replicates | | %,.0f fits/s/core |",
          segments, Bench.REPLICATES + 1, fitRate));
    }
    double rss = Bench.driverPeakRssGib();
    int cores = Runtime.getRuntime().availableProcessors();
    StringBuilder table = new StringBuilder();
    table.append(String.format(Locale.ROOT, "### bench %s: %,d events, %d cores, %.0f GiB, Java %s%n%n", LocalDate.now(),
        events, cores, Runtime.getRuntime().maxMemory() / 1073741824.0, System.getProperty("java.version")));
    table.append(String.format(Locale.ROOT, "`bin/crossover bench --events %d --segments %d --bootstrap %d`%n%n", events,
        maxSegments, largestBootstrap));
    table.append("| measure | seconds | ratio |\n| --- | ---: | ---: |\n");
    table.append(row("scan floor (bare read + sum of every usage column)", scan, ""));
    table.append(row("copy floor (the same read, written once as a Delta table)", copy,
        String.format(Locale.ROOT, "%.2f x scan", copy / scan)));
    table.append(row("full run from an empty lake", full, String.format(Locale.ROOT, "%.2f x scan, %.2f x copy floor",
        full / scan, full / copy)));
    stages.forEach((stage, seconds) -> table.append(row("- of which " + stage, seconds,
        String.format(Locale.ROOT, "%.2f x scan, %.0f%% of the run", seconds / scan, 100 * seconds / full))));
    table.append(row("incremental day (+" + Math.max(1, events / 1000) + " events, next run date)", incremental,
        String.format(Locale.ROOT, "%.3f x full", incremental / full)));
    table.append(row("same day again, forecast at its largest settings (segments "
        + largest.get("spark.crossover.forecast.segments").replace(",", ", ") + "; bootstrap " + largestBootstrap + ")",
        largestRun, ""));
    largestStages.forEach((stage, seconds) -> table.append(row("- of which " + stage, seconds,
        String.format(Locale.ROOT, "%.0f%% of this run, %.2f x the full run", 100 * seconds / largestRun,
            seconds / full))));
    table.append(row("monthly demand aggregation, Spark", sparkAggregation,
        String.format(Locale.ROOT, "%.2f x DuckDB", sparkAggregation / duckdb)));
    table.append(row("monthly demand aggregation, DuckDB", duckdb, ""));
    fitRows.forEach(r -> table.append(r).append('\n'));
    table.append(row("full run cost per event", full / events * 1e6, "µs/event"));
    table.append(String.format(Locale.ROOT, "| driver peak RSS | | %.2f GiB |%n%n", rss));
    table.append(String.format(Locale.ROOT,
        "bench: events=%d full_over_scan=%.2f incremental_over_full=%.3f spark_over_duckdb=%.2f"
            + " fits_per_s_per_core=%.0f driver_rss_gib=%.2f%n",
        events, full / scan, incremental / full, sparkAggregation / duckdb, fitRate, rss));
    return table.toString();
  }

  private static String row(String what, double seconds, String ratio) {
    return String.format(Locale.ROOT, "| %s | %.2f | %s |%n", what, seconds, ratio);
  }
}
