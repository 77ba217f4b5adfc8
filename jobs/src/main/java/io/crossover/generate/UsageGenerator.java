package io.crossover.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes synthetic usage_events CSV files (one per year) whose inference share follows a known
 * {@link UsageModel}. Seeded: the same seed and size give the same files, byte for byte.
 *
 * <p>Training events are larger than inference events, so an event is inference with the
 * probability that makes the expected share of PFLOP-days equal the model's share.
 */
public final class UsageGenerator {
  public static final String HEADER =
      "event_id,event_time,region,org,chip,device_count,duration_hours,workload,utilization";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** Real catalogue chips and their launch years; an event uses a chip launched by its year. */
  private static final List<Chip> CHIPS = List.of(
      new Chip("A100 SXM 80GB", 2020), new Chip("TPU v4", 2021), new Chip("Instinct MI250X", 2021),
      new Chip("H100 SXM", 2022), new Chip("Inferentia2", 2022), new Chip("Gaudi 2", 2022),
      new Chip("H200 SXM", 2023), new Chip("Instinct MI300X", 2023), new Chip("TPU v5p", 2023),
      new Chip("Trainium2", 2023), new Chip("B200", 2024), new Chip("TPU v6e Trillium", 2024),
      new Chip("Gaudi 3", 2024), new Chip("B300", 2025), new Chip("TPU7x Ironwood", 2025));
  private static final List<String> ORGS = List.of(
      "acme-labs", "blue-river-ai", "cobalt-research", "delta-cloud", "ember-health", "fjord-analytics",
      "granite-bank", "helix-bio", "ion-robotics", "juniper-media");

  /** Mean device_count x duration_hours x utilization of each kind of event (uniform draws below). */
  private static final double TRAINING_MEAN = 15.0 * 8.5 * 0.45;
  private static final double INFERENCE_MEAN = 7.5 * 6.5 * 0.35;

  private record Chip(String name, int launchYear) {}

  private UsageGenerator() {}

  /**
   * Writes {@code truth.json} beside the landing folders: the model and the true crossover month of
   * each region and of the market (segment names as the pipeline writes them).
   */
  public static Path writeTruth(Path out, UsageModel model, long events, long seed) {
    Map<String, Object> truth = new LinkedHashMap<>();
    truth.put("events", events);
    truth.put("seed", seed);
    truth.put("from", model.from().toString());
    truth.put("to", model.to().toString());
    truth.put("monthly_growth", model.monthlyGrowth());
    truth.put("logit_slope_per_month", model.slopePerMonth());
    Map<String, String> crossovers = new LinkedHashMap<>();
    YearMonth market = model.marketCrossover(model.to().plusYears(20));
    crossovers.put("all", market == null ? null : market.toString());
    for (UsageModel.Region region : model.regions()) {
      crossovers.put("region=" + region.name(), region.crossover().toString());
    }
    truth.put("crossover_month", crossovers);
    Path file = out.resolve("truth.json");
    try {
      Files.createDirectories(out);
      new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), truth);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Writes about {@code events} events under {@code out/usage_events/}; returns files written. */
  public static List<Path> generate(Path out, UsageModel model, long events, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] monthWeights = new double[model.months()];
    double weightSum = 0;
    for (int m = 0; m < monthWeights.length; m++) {
      monthWeights[m] = Math.exp(model.monthlyGrowth() * m);
      weightSum += monthWeights[m];
    }
    Path folder = out.resolve("usage_events");
    Map<Integer, BufferedWriter> writers = new LinkedHashMap<>();
    List<Path> files = new ArrayList<>();
    long id = 0;
    try {
      Files.createDirectories(folder);
      for (int m = 0; m < monthWeights.length; m++) {
        YearMonth month = model.from().plusMonths(m);
        long count = Math.round(events * monthWeights[m] / weightSum);
        BufferedWriter writer = writers.get(month.getYear());
        if (writer == null) {
          Path file = folder.resolve("usage_events_" + month.getYear() + ".csv");
          writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
          writer.write(HEADER);
          writer.newLine();
          writers.put(month.getYear(), writer);
          files.add(file);
        }
        for (long e = 0; e < count; e++) {
          writer.write(event(random, model, month, ++id));
          writer.newLine();
        }
      }
      for (BufferedWriter writer : writers.values()) {
        writer.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static String event(SplittableRandom random, UsageModel model, YearMonth month, long id) {
    UsageModel.Region region = pickRegion(random, model.regions());
    double share = model.inferenceShare(region, month);
    double inferenceProbability =
        share * TRAINING_MEAN / (share * TRAINING_MEAN + (1 - share) * INFERENCE_MEAN);
    boolean inference = random.nextDouble() < inferenceProbability;
    String workload;
    long devices;
    double hours;
    double utilization;
    if (inference) {
      workload = random.nextDouble() < 0.05 ? "evaluation" : "inference";
      devices = 2L << random.nextInt(4);
      hours = 1 + random.nextDouble() * 11;
      utilization = 0.2 + random.nextDouble() * 0.3;
    } else {
      workload = random.nextDouble() < 0.2 ? "fine_tuning" : "training";
      devices = 4L << random.nextInt(4);
      hours = 1 + random.nextDouble() * 15;
      utilization = 0.35 + random.nextDouble() * 0.2;
    }
    LocalDateTime time = month.atDay(1).atStartOfDay()
        .plusSeconds(random.nextLong(month.lengthOfMonth() * 86_400L));
    return String.format(java.util.Locale.ROOT, "ev-%09d,%s,%s,%s,%s,%d,%.3f,%s,%.3f", id, TIME.format(time),
        region.name(), ORGS.get(random.nextInt(ORGS.size())), pickChip(random, month.getYear()),
        devices, hours, workload, utilization);
  }

  private static UsageModel.Region pickRegion(SplittableRandom random, List<UsageModel.Region> regions) {
    double draw = random.nextDouble();
    for (UsageModel.Region region : regions) {
      draw -= region.weight();
      if (draw < 0) {
        return region;
      }
    }
    return regions.get(regions.size() - 1);
  }

  /** A chip launched by {@code year}, newer ones more likely; before any launch, the first ones. */
  private static String pickChip(SplittableRandom random, int year) {
    List<Chip> available = CHIPS.stream().filter(c -> c.launchYear() <= year).toList();
    if (available.isEmpty()) {
      available = CHIPS.subList(0, 2);
    }
    int index = (int) Math.floor(Math.sqrt(random.nextDouble()) * available.size());
    return available.get(Math.min(index, available.size() - 1)).name();
  }
}
