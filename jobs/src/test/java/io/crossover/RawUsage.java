package io.crossover;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Sums PFLOP-days straight from landing CSV files, without Spark: the yardstick for the pipeline. */
public final class RawUsage {
  private RawUsage() {}

  /** PFLOP-days by workload class (training, inference) of events on or before {@code runDate}. */
  public static Map<String, Double> pflopDaysByClass(Path landing, LocalDate runDate) {
    Map<String, Double> bf16 = new HashMap<>();
    for (String[] row : rows(landing.resolve("accelerators"))) {
      if (row[7] != null) {
        bf16.put(chipKey(row[1]), Double.parseDouble(row[7]));
      }
    }
    Map<String, Double> totals = new HashMap<>(Map.of("training", 0.0, "inference", 0.0));
    for (String[] row : rows(landing.resolve("usage_events"))) {
      if (LocalDate.parse(row[1].substring(0, 10)).isAfter(runDate)) {
        continue;
      }
      double pflopDays = Long.parseLong(row[5]) * Double.parseDouble(row[6]) * bf16.get(chipKey(row[4]))
          * Double.parseDouble(row[8]) / 24000.0;
      String workloadClass = row[7].equals("training") || row[7].equals("fine_tuning") ? "training" : "inference";
      totals.merge(workloadClass, pflopDays, Double::sum);
    }
    return totals;
  }

  private static String chipKey(String chip) {
    return chip.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
  }

  private static List<String[]> rows(Path folder) {
    CsvParserSettings settings = new CsvParserSettings();
    settings.setHeaderExtractionEnabled(true);
    settings.setMaxCharsPerColumn(-1);
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".csv"))
          .filter(f -> !f.getFileName().toString().startsWith("planted_bad_rows")).sorted()
          .flatMap(f -> new CsvParser(settings).parseAll(f.toFile(), "UTF-8").stream()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
