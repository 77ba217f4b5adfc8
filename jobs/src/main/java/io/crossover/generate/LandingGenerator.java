package io.crossover.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * A landing folder with a known answer: usage events from a {@link UsageModel} (some after the
 * as-of date), an accelerator catalogue for their chips when the folder has none, one planted bad
 * usage row per rule, and {@code truth.json} with the true crossovers, the planted rows and the
 * exact PFLOP-day totals a run for the as-of date must find.
 */
public final class LandingGenerator {
  /** Planted rows: the rule each must be quarantined under, and the row. */
  static final Map<String, String> PLANTED = plantedRows();

  private LandingGenerator() {}

  /** Usage events as CSV files, one per year (the shipped samples are made this way). */
  public static Path generate(Path out, UsageModel model, long events, long seed, LocalDate asOf) {
    return finish(out, model, seed, asOf, UsageGenerator.generate(out, model, events, seed, asOf));
  }

  /**
   * Usage events as Parquet, generated in executors ({@link BulkUsageGenerator}), {@code orgs}
   * organisations; the exact totals are then summed from the written files by Spark.
   */
  public static Path generateParquet(SparkSession spark, Path out, UsageModel model, long events, long seed,
      LocalDate asOf, int orgs) {
    String folder = out.resolve("usage_events").toAbsolutePath().toString();
    LocalDateTime afterAsOf = asOf.plusDays(1).atStartOfDay();
    BulkUsageGenerator.write(spark, folder + "/generated-seed" + seed, model, events, seed,
        model.from().atDay(1).atStartOfDay(), afterAsOf, 1, orgs);
    long late = Math.max(1, events / 200);
    BulkUsageGenerator.write(spark, folder + "/after-" + asOf, model.withTo(YearMonth.from(asOf.plusDays(46))), late,
        seed + 1, afterAsOf, afterAsOf.plusDays(45), events + 1, orgs);
    return finish(out, model, seed, asOf, BulkUsageGenerator.totals(spark, folder, asOf));
  }

  private static Path finish(Path out, UsageModel model, long seed, LocalDate asOf, UsageGenerator.Totals totals) {
    try {
      writeCatalogueIfAbsent(out.resolve("accelerators"));
      StringBuilder planted = new StringBuilder(UsageGenerator.HEADER).append('\n');
      PLANTED.values().forEach(row -> planted.append(row).append('\n'));
      Files.writeString(out.resolve("usage_events/planted_bad_rows.csv"), planted, StandardCharsets.UTF_8);
      Map<String, Object> truth = new LinkedHashMap<>();
      truth.put("as_of", asOf.toString());
      truth.put("events", totals.events());
      truth.put("events_after_as_of", totals.eventsAfterAsOf());
      truth.put("seed", seed);
      truth.put("from", model.from().toString());
      truth.put("to", model.to().toString());
      truth.put("monthly_growth", model.monthlyGrowth());
      truth.put("logit_slope_per_month", model.slopePerMonth());
      truth.put("crossover_month", crossovers(model));
      truth.put("pflop_days_as_of", Map.of("training", totals.trainingPflopDays(), "inference", totals.inferencePflopDays()));
      truth.put("planted_bad_rows", Map.of("usage_events", Map.copyOf(PLANTED.keySet().stream()
          .collect(java.util.stream.Collectors.toMap(rule -> rule, rule -> 1)))));
      Path file = out.resolve("truth.json");
      new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), truth);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The true crossover month of each region and of the market, as segment names the pipeline writes. */
  static Map<String, String> crossovers(UsageModel model) {
    Map<String, String> crossovers = new LinkedHashMap<>();
    YearMonth market = model.marketCrossover(model.to().plusYears(20));
    crossovers.put("all", market == null ? null : market.toString());
    for (UsageModel.Region region : model.regions()) {
      crossovers.put("region=" + region.name(), region.crossover().toString());
    }
    return crossovers;
  }

  /** The generated events' chips and their dense BF16 TFLOP/s. */
  public static Map<String, Double> catalogue() {
    Map<String, Double> chips = new LinkedHashMap<>();
    UsageGenerator.CHIPS.forEach(chip -> chips.put(chip.name(), chip.bf16Tflops()));
    return chips;
  }

  private static void writeCatalogueIfAbsent(Path folder) throws IOException {
    if (Files.isDirectory(folder)) {
      return;
    }
    Files.createDirectories(folder);
    StringBuilder csv = new StringBuilder("vendor,chip,launch_year,bf16_tflops,designed_for\n");
    for (UsageGenerator.Chip chip : UsageGenerator.CHIPS) {
      csv.append(chip.vendor()).append(',').append(chip.name()).append(',').append(chip.launchYear()).append(',')
          .append(chip.bf16Tflops()).append(',').append(chip.designedFor()).append('\n');
    }
    Files.writeString(folder.resolve("generated_catalogue.csv"), csv, StandardCharsets.UTF_8);
  }

  private static Map<String, String> plantedRows() {
    String ok = "2020-06-01 00:00:00,us-east,acme-labs,H100 SXM";
    Map<String, String> rows = new LinkedHashMap<>();
    rows.put("missing_required_value", "," + ok + ",8,2.000,training,0.400");
    rows.put("unparseable_timestamp", "bad-2,2020-06-31 00:00:00,us-east,acme-labs,H100 SXM,8,2.000,training,0.400");
    rows.put("negative_value", "bad-3," + ok + ",-8,2.000,training,0.400");
    rows.put("out_of_range", "bad-4," + ok + ",8,2.000,training,1.400");
    rows.put("unknown_workload", "bad-5," + ok + ",8,2.000,gaming,0.400");
    rows.put("unparseable_number", "bad-6," + ok + ",eight,2.000,training,0.400");
    rows.put("non_finite_number", "bad-7," + ok + ",8,NaN,training,0.400");
    rows.put("malformed_record", "bad-8," + ok + ",8,2.000");
    rows.put("unknown_chip", "bad-9,2020-06-01 00:00:00,us-east,acme-labs,Imaginary X9,8,2.000,training,0.400");
    return rows;
  }

  static List<String> plantedRules() {
    return List.copyOf(PLANTED.keySet());
  }
}
