package io.crossover.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes synthetic usage_events CSV files (one per year) whose inference share follows a known
 * {@link UsageModel}. Seeded: the same seed, size and as-of date give the same files, byte for byte.
 *
 * <p>Training events are larger than inference events, so an event is inference with the
 * probability that makes the expected share of PFLOP-days equal the model's share.
 */
public final class UsageGenerator {
  public static final String HEADER =
      "event_id,event_time,region,org,chip,device_count,duration_hours,workload,utilization";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** Real catalogue chips (data-samples/accelerators): launch year, vendor, dense BF16 TFLOP/s, designed for. */
  static final List<Chip> CHIPS = List.of(
      new Chip("A100 SXM 80GB", 2020, "Nvidia", 312, "both"), new Chip("TPU v4", 2021, "Google", 275, "training"),
      new Chip("Instinct MI250X", 2021, "AMD", 383, "training"), new Chip("H100 SXM", 2022, "Nvidia", 989, "both"),
      new Chip("Inferentia2", 2022, "AWS", 190, "inference"), new Chip("Gaudi 2", 2022, "Intel", 432, "training"),
      new Chip("H200 SXM", 2023, "Nvidia", 989, "both"), new Chip("Instinct MI300X", 2023, "AMD", 1307.4, "both"),
      new Chip("TPU v5p", 2023, "Google", 459, "training"), new Chip("Trainium2", 2023, "AWS", 667, "training"),
      new Chip("B200", 2024, "Nvidia", 2250, "both"), new Chip("TPU v6e Trillium", 2024, "Google", 918, "both"),
      new Chip("Gaudi 3", 2024, "Intel", 1835, "both"), new Chip("B300", 2025, "Nvidia", 2250, "inference"),
      new Chip("TPU7x Ironwood", 2025, "Google", 2307, "inference"));
  private static final List<String> ORGS = List.of(
      "acme-labs", "blue-river-ai", "cobalt-research", "delta-cloud", "ember-health", "fjord-analytics",
      "granite-bank", "helix-bio", "ion-robotics", "juniper-media");

  /** Mean device_count x duration_hours x utilization of each kind of event (uniform draws below). */
  private static final double TRAINING_MEAN = 15.0 * 8.5 * 0.45;
  private static final double INFERENCE_MEAN = 7.5 * 6.5 * 0.35;

  record Chip(String name, int launchYear, String vendor, double bf16Tflops, String designedFor)
      implements java.io.Serializable {}

  /** Exact PFLOP-days of the generated events on or before the as-of date, by workload class. */
  public record Totals(double trainingPflopDays, double inferencePflopDays, long events, long eventsAfterAsOf) {}

  private UsageGenerator() {}

  /** Writes about {@code events} events under {@code out/usage_events/}, none after the model's last month. */
  public static Totals generate(Path out, UsageModel model, long events, long seed) {
    return generate(out, model, events, seed, null);
  }

  /**
   * Writes about {@code events} events, one CSV per year, under {@code out/usage_events/}; with an
   * {@code asOf} date, also about 0.5% more events in the 45 days after it (a run for that date
   * must ignore them). Returns the exact PFLOP-days of the events on or before {@code asOf}.
   */
  public static Totals generate(Path out, UsageModel model, long events, long seed, LocalDate asOf) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] monthWeights = new double[model.months()];
    double weightSum = 0;
    for (int m = 0; m < monthWeights.length; m++) {
      monthWeights[m] = Math.exp(model.monthlyGrowth() * m);
      weightSum += monthWeights[m];
    }
    Path folder = out.resolve("usage_events");
    Map<String, BufferedWriter> writers = new LinkedHashMap<>();
    double[] totals = new double[2];
    long[] counts = new long[2];
    long id = 0;
    try {
      Files.createDirectories(folder);
      for (int m = 0; m < monthWeights.length; m++) {
        YearMonth month = model.from().plusMonths(m);
        long count = Math.round(events * monthWeights[m] / weightSum);
        for (long e = 0; e < count; e++) {
          LocalDateTime time = month.atDay(1).atStartOfDay().plusSeconds(random.nextLong(month.lengthOfMonth() * 86_400L));
          Event event = event(random, model, time, ++id);
          write(writers, folder, "usage_events_" + month.getYear() + ".csv", event.line());
          count(event, asOf, totals, counts);
        }
      }
      if (asOf != null) {
        for (long e = 0, late = Math.max(1, events / 200); e < late; e++) {
          LocalDateTime time = asOf.plusDays(1).atStartOfDay().plusSeconds(random.nextLong(45 * 86_400L));
          Event event = event(random, model, time, ++id);
          write(writers, folder, "usage_events_after_" + asOf + ".csv", event.line());
          count(event, asOf, totals, counts);
        }
      }
      for (BufferedWriter writer : writers.values()) {
        writer.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Totals(totals[0], totals[1], counts[0], counts[1]);
  }

  private static void write(Map<String, BufferedWriter> writers, Path folder, String file, String line) throws IOException {
    BufferedWriter writer = writers.get(file);
    if (writer == null) {
      writer = Files.newBufferedWriter(folder.resolve(file), StandardCharsets.UTF_8);
      writer.write(HEADER);
      writer.newLine();
      writers.put(file, writer);
    }
    writer.write(line);
    writer.newLine();
  }

  private static void count(Event event, LocalDate asOf, double[] totals, long[] counts) {
    if (asOf != null && event.time().toLocalDate().isAfter(asOf)) {
      counts[1]++;
      return;
    }
    counts[0]++;
    totals[event.training() ? 0 : 1] += event.pflopDays();
  }

  /** One generated event, as typed values; {@link #line()} is its CSV record. */
  record Event(long id, LocalDateTime time, String region, String org, Chip chip, long devices, double hours,
      String workload, double utilization, boolean training) {

    String eventId() {
      return String.format(java.util.Locale.ROOT, "ev-%09d", id);
    }

    String line() {
      return String.format(java.util.Locale.ROOT, "%s,%s,%s,%s,%s,%d,%s,%s,%s", eventId(), TIME.format(time),
          region, org, chip.name(), devices, hoursText(), workload, utilizationText());
    }

    String hoursText() {
      return String.format(java.util.Locale.ROOT, "%.3f", hours);
    }

    String utilizationText() {
      return String.format(java.util.Locale.ROOT, "%.3f", utilization);
    }

    /** PFLOP-days of the event as its CSV record states it (hours and utilization to 3 decimals). */
    double pflopDays() {
      return devices * Double.parseDouble(hoursText()) * chip.bf16Tflops() * Double.parseDouble(utilizationText())
          / 24000.0;
    }
  }

  static double round3(double value) {
    return Math.round(value * 1000.0) / 1000.0;
  }

  private static Event event(SplittableRandom random, UsageModel model, LocalDateTime time, long id) {
    return event(random, model, time, id, ORGS.size());
  }

  /** Draws one event at {@code time} from the model; {@code orgs} organisations, the first ten by name. */
  static Event event(SplittableRandom random, UsageModel model, LocalDateTime time, long id, int orgs) {
    YearMonth month = YearMonth.from(time);
    UsageModel.Region region = pickRegion(random, model, month);
    double inferenceProbability = inferenceProbability(model.inferenceShare(region, month));
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
    int orgIndex = random.nextInt(orgs);
    String org = orgs <= ORGS.size() ? ORGS.get(orgIndex) : String.format(java.util.Locale.ROOT, "org-%06d", orgIndex);
    Chip chip = pickChip(random, month.getYear());
    return new Event(id, time, region.name(), org, chip, devices, hours, workload, utilization, !inference);
  }

  /** The probability an event is inference that makes the expected PFLOP-day share equal {@code share}. */
  private static double inferenceProbability(double share) {
    return share * TRAINING_MEAN / (share * TRAINING_MEAN + (1 - share) * INFERENCE_MEAN);
  }

  /**
   * A region, drawn so that each region's expected compute is its weight's share of the month's:
   * a region with more (smaller) inference events needs more events for the same PFLOP-days.
   */
  private static UsageModel.Region pickRegion(SplittableRandom random, UsageModel model, YearMonth month) {
    List<UsageModel.Region> regions = model.regions();
    double[] odds = new double[regions.size()];
    double sum = 0;
    for (int r = 0; r < odds.length; r++) {
      double p = inferenceProbability(model.inferenceShare(regions.get(r), month));
      odds[r] = regions.get(r).weight() / (p * INFERENCE_MEAN + (1 - p) * TRAINING_MEAN);
      sum += odds[r];
    }
    double draw = random.nextDouble() * sum;
    for (int r = 0; r < odds.length; r++) {
      draw -= odds[r];
      if (draw < 0) {
        return regions.get(r);
      }
    }
    return regions.get(regions.size() - 1);
  }

  /** A chip launched by {@code year}, newer ones more likely; before any launch, the first ones. */
  private static Chip pickChip(SplittableRandom random, int year) {
    List<Chip> available = CHIPS.stream().filter(c -> c.launchYear() <= year).toList();
    if (available.isEmpty()) {
      available = CHIPS.subList(0, 2);
    }
    int index = (int) Math.floor(Math.sqrt(random.nextDouble()) * available.size());
    return available.get(Math.min(index, available.size() - 1));
  }
}
