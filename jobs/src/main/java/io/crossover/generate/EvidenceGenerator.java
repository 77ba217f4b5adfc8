package io.crossover.generate;

import io.crossover.forecast.Months;
import io.crossover.forecast.evidence.Claim;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Published evidence with a known answer: a true reference path {@code logit s = a + b·t} that
 * crosses one half in a known month, true offsets per measure and scope, sources that each
 * publish one to three yearly (or fiscal-year) claims of one definition some months after the
 * period, noise by status, some published ranges, a bound that holds on the true path and
 * analysts' forecasts biased upward. Synthetic by construction: the sources are invented names.
 */
public final class EvidenceGenerator {
  /** Noise standard deviation (logit) by status: confirmed, press_report, estimate. */
  public static final Map<String, Double> NOISE = Map.of("confirmed", 0.1, "press_report", 0.2, "estimate", 0.35);
  /** How far (logit) analysts' forecasts sit above the truth. */
  public static final double FORECAST_BIAS = 0.5;
  static final List<String> MEASURES = List.of("compute_share", "spend_share", "revenue_share", "capacity_share");
  static final List<String> SCOPES = List.of("market", "company:Alpha", "vendor:Beta", "segment:gamma_cloud");
  private static final int SOURCES = 14;

  private EvidenceGenerator() {}

  /** The true path and offsets, and the claims drawn from them (some published after the run date). */
  public record Evidence(List<Claim> claims, Truth truth) {}

  /**
   * @param offsets true offset (logit) per term, as "measure:<m>" or "scope:<s>"
   * @param informingRows claims (observations) that carry each term
   */
  public record Truth(double intercept, double slope, int origin, int crossoverMonth, Map<String, Double> offsets,
      Map<String, Integer> informingRows) {

    public double share(int month) {
      return 1 / (1 + Math.exp(-(intercept + slope * (month - origin) / 12.0)));
    }
  }

  public static Evidence generate(long seed, LocalDate runDate) {
    SplittableRandom random = new SplittableRandom(seed);
    int origin = Months.index(runDate) - 1;
    int crossover = origin - 24 + random.nextInt(72);
    double slope = 0.4 + 0.5 * random.nextDouble();
    double intercept = -slope * (crossover - origin) / 12.0;
    Map<String, Double> offsets = new LinkedHashMap<>();
    MEASURES.stream().skip(1).forEach(m -> offsets.put("measure:" + m, 0.6 * random.nextGaussian()));
    SCOPES.stream().skip(1).forEach(s -> offsets.put("scope:" + s, 0.6 * random.nextGaussian()));
    Truth partial = new Truth(intercept, slope, origin, crossover, offsets, Map.of());
    List<Claim> claims = new ArrayList<>();
    Map<String, Integer> informing = new LinkedHashMap<>();
    List<String> statuses = List.of("confirmed", "press_report", "estimate");
    for (int s = 0; s < SOURCES; s++) {
      String source = "Synthetic source " + (s + 1);
      boolean reference = s < 4;
      String measure = reference ? MEASURES.get(0) : MEASURES.get(random.nextInt(MEASURES.size()));
      String scope = reference ? SCOPES.get(0) : SCOPES.get(random.nextInt(SCOPES.size()));
      String status = statuses.get(random.nextInt(statuses.size()));
      boolean fiscal = scope.startsWith("vendor:");
      int rows = 1 + random.nextInt(3);
      int lastYear = Months.start(origin).getYear() - 1;
      int year = lastYear - 6 + random.nextInt(3);
      for (int r = 0; r < rows; r++) {
        year += 1 + random.nextInt(2);
        LocalDate start = fiscal ? LocalDate.of(year, 2, 1) : LocalDate.of(year, 1, 1);
        LocalDate end = start.plusYears(1).minusDays(1);
        double logit = truePeriodLogit(partial, start, end) + offset(offsets, measure, scope)
            + NOISE.get(status) * random.nextGaussian();
        double share = sigmoid(logit);
        boolean ranged = random.nextInt(5) == 0;
        LocalDate published = end.plusMonths(2 + random.nextInt(16));
        claims.add(new Claim(source, measure, scope, start, end, Claim.OBSERVATION, "=", round(share),
            ranged ? round(sigmoid(logit - 0.3)) : null, ranged ? round(sigmoid(logit + 0.3)) : null, status, published));
        if (!published.isAfter(runDate)) {
          count(informing, measure, scope);
        }
      }
    }
    int boundYear = Months.start(crossover).getYear() + 2;
    LocalDate boundStart = LocalDate.of(boundYear, 1, 1);
    double boundShare = sigmoid(truePeriodLogit(partial, boundStart, boundStart.plusYears(1).minusDays(1)) - 0.4);
    claims.add(new Claim("Synthetic bound", "compute_share", "market", boundStart, boundStart.plusYears(1).minusDays(1),
        Claim.BOUND, ">=", round(boundShare), null, null, "estimate", runDate.minusMonths(6)));
    for (int f = 0; f < 3; f++) {
      LocalDate start = LocalDate.of(Months.start(origin).getYear() + f, 1, 1);
      LocalDate end = start.plusYears(1).minusDays(1);
      claims.add(new Claim("Synthetic analyst " + (f + 1), "compute_share", "market", start, end, Claim.FORECAST, "=",
          round(sigmoid(truePeriodLogit(partial, start, end) + FORECAST_BIAS)), null, null, "estimate",
          runDate.minusMonths(3 + f)));
    }
    return new Evidence(claims, new Truth(intercept, slope, origin, crossover, offsets, informing));
  }

  /**
   * Writes the claims as a share_evidence landing file ({@code <landing>/share_evidence/synthetic.csv}),
   * in the columns of the shipped one.
   */
  public static Path writeLanding(Path landing, List<Claim> claims) {
    StringBuilder csv = new StringBuilder("source,measure,scope,period_start,period_end,kind,relation,inference_share,"
        + "share_low,share_high,published,source_url,status,quote\n");
    for (Claim c : claims) {
      csv.append(String.join(",", c.source(), c.measure(), c.scope(), c.periodStart().toString(),
          c.periodEnd().toString(), c.kind(), c.relation(), String.valueOf(c.share()),
          c.low() == null ? "" : String.valueOf(c.low()), c.high() == null ? "" : String.valueOf(c.high()),
          c.publishedOn().toString(), "https://example.org/synthetic", c.status(), "synthetic: generated")).append('\n');
    }
    try {
      Path file = landing.resolve("share_evidence/synthetic.csv");
      Files.createDirectories(file.getParent());
      return Files.writeString(file, csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double truePeriodLogit(Truth truth, LocalDate start, LocalDate end) {
    double sum = 0;
    int months = 0;
    for (int m = Months.index(start); m <= Months.index(end); m++) {
      sum += truth.share(m);
      months++;
    }
    double mean = sum / months;
    return Math.log(mean / (1 - mean));
  }

  private static double offset(Map<String, Double> offsets, String measure, String scope) {
    return offsets.getOrDefault("measure:" + measure, 0.0) + offsets.getOrDefault("scope:" + scope, 0.0);
  }

  private static void count(Map<String, Integer> informing, String measure, String scope) {
    if (!measure.equals(MEASURES.get(0))) {
      informing.merge("measure:" + measure, 1, Integer::sum);
    }
    if (!scope.equals(SCOPES.get(0))) {
      informing.merge("scope:" + scope, 1, Integer::sum);
    }
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static double round(double share) {
    return Math.round(share * 10_000) / 10_000.0;
  }
}
