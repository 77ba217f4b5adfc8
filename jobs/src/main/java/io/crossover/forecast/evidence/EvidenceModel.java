package io.crossover.forecast.evidence;

import io.crossover.forecast.BlockBootstrap;
import io.crossover.forecast.Estimate;
import io.crossover.forecast.ForecastPoint;
import io.crossover.forecast.Months;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The market crossover from the published evidence ({@code evidence_logistic}): the fit of
 * {@link EvidenceFit}, a bootstrap that resamples sources (a source's claims together) and redraws
 * each claim's noise from the fitted scales, the leave-one-source-out shifts and the analysts'
 * forecasts scored against the fitted path. Pure Java; the stage does the reading and writing.
 */
public final class EvidenceModel {
  public static final String NAME = "evidence_logistic";
  public static final String SEGMENT = "all";
  /** Point claims (not bounds) in at least two periods: fewer cannot place a slope. */
  static final int MIN_POINT_CLAIMS = 3;
  static final int NEVER = Integer.MAX_VALUE;

  private EvidenceModel() {}

  /** A fitted path, its bootstrap replicates, and each replicate's crossover month (sorted). */
  record Replicates(EvidenceFit.Path point, List<EvidenceFit.Path> paths, int[] crossings, int unconverged) {}

  /**
   * Everything one run of the model gives: the estimate and the tables behind it.
   *
   * @param unconverged fits that stopped before converging (the point fit or a replicate; replicates are left out)
   */
  public record Result(Estimate estimate, List<ForecastPoint> path, List<EvidenceTerms.Row> terms,
      List<LeaveOneOut> leaveOneOut, List<ForecastScore> forecastScores, List<Claim> fitted, int unconverged) {}

  /** How the estimate moves without one source's claims. */
  public record LeaveOneOut(String source, int rows, String status, LocalDate p50, Integer shiftMonths,
      Double probabilityCrossed) {}

  /**
   * An analyst's forecast against the evidence: the fitted share of the forecast's own definition
   * (its measure's and scope's offsets) over its period, the replicates' p10–p90 of it, and the
   * observations of that definition and period published after the forecast.
   */
  public record ForecastScore(Claim forecast, double fittedShare, double fittedP10, double fittedP90,
      Double laterShare, String laterSources) {}

  /** Fits the claims published by the run date ({@code known}); forecasts are scored, and fitted only when configured. */
  public static Result estimate(List<Claim> known, EvidenceConfig config) {
    return estimate(known, config, true);
  }

  /**
   * As {@link #estimate(List, EvidenceConfig)}; without the leave-one-source-out refits when
   * {@code withLeaveOneOut} is false (a study over many seeds needs only the estimate).
   */
  public static Result estimate(List<Claim> known, EvidenceConfig config, boolean withLeaveOneOut) {
    List<Claim> fitted = known.stream()
        .filter(c -> !c.kind().equals(Claim.FORECAST) || config.includeForecasts()).toList();
    List<String> sources = sources(fitted);
    if (!enough(fitted)) {
      Estimate none = new Estimate(SEGMENT, NAME, Estimate.INSUFFICIENT_EVIDENCE, null, null, null, null,
          fitted.size(), null, null, "", null, fitted.size(), sources.size(), "");
      return new Result(none, List.of(), List.of(), List.of(), List.of(), fitted, 0);
    }
    List<String> terms = EvidenceDesign.termsOf(fitted);
    Replicates all = replicate(fitted, terms, config, config.replicates(), "evidence");
    EvidenceDesign design = new EvidenceDesign(fitted, terms, config.origin());
    Estimate estimate = estimateOf(all, config, fitted.size(), sources.size(), rmse(design, all.point()));
    // Every refit seeds its own generator, so running them on every core changes no number.
    List<LeaveOneOut> leaveOneOut = (withLeaveOneOut ? sources : List.<String>of()).parallelStream()
        .map(source -> leaveOut(source, fitted, sources.size(), estimate, config)).toList();
    return new Result(estimate, path(all, fitted, config), EvidenceTerms.of(design, all), leaveOneOut,
        scores(known, terms, all, config), fitted, all.unconverged() + (all.point().converged() ? 0 : 1));
  }

  private static LeaveOneOut leaveOut(String source, List<Claim> fitted, int sources, Estimate all,
      EvidenceConfig config) {
    List<Claim> without = fitted.stream().filter(c -> !c.source().equals(source)).toList();
    int rows = fitted.size() - without.size();
    if (!enough(without)) {
      return new LeaveOneOut(source, rows, Estimate.INSUFFICIENT_EVIDENCE, null, null, null);
    }
    Estimate e = estimateOf(replicate(without, EvidenceDesign.termsOf(without), config, config.replicates(), "evidence"),
        config, without.size(), sources - 1, null);
    return new LeaveOneOut(source, rows, e.status(), e.p50(), shift(all.p50(), e.p50()), e.probabilityCrossed());
  }

  /** The point fit and {@code count} replicates: sources drawn with replacement, each claim's noise redrawn. */
  static Replicates replicate(List<Claim> claims, List<String> terms, EvidenceConfig config, int count, String stream) {
    EvidenceDesign design = new EvidenceDesign(claims, terms, config.origin());
    EvidenceFit.Path point = new EvidenceFit(design, config.offsetScale()).fit();
    List<String> sources = sources(claims);
    SplittableRandom random = new SplittableRandom(BlockBootstrap.seed(config.runDate(), stream));
    List<EvidenceFit.Path> paths = new ArrayList<>();
    int unconverged = 0;
    for (int r = 0; r < count; r++) {
      List<Claim> drawn = new ArrayList<>();
      for (int s = 0; s < sources.size(); s++) {
        String source = sources.get(random.nextInt(sources.size()));
        for (int i = 0; i < claims.size(); i++) {
          Claim claim = claims.get(i);
          if (!claim.source().equals(source)) {
            continue;
          }
          if (claim.relation().equals("=")) {
            double noisy = EvidenceFit.expectedLogit(design, i, point)
                + Math.sqrt(EvidenceFit.variance(design, i, point)) * random.nextGaussian();
            drawn.add(claim.withShare(EvidenceDesign.sigmoid(noisy)));
          } else {
            drawn.add(claim);
          }
        }
      }
      EvidenceFit.Path path = new EvidenceFit(new EvidenceDesign(drawn, terms, config.origin()), config.offsetScale())
          .fit(point);
      if (path.converged()) {
        paths.add(path);
      } else {
        unconverged++;
      }
    }
    int[] crossings = paths.stream().mapToInt(p -> crossingMonth(p, config)).sorted().toArray();
    return new Replicates(point, paths, crossings, unconverged);
  }

  /**
   * The month nearest to where the reference path reaches one half, if it rises and does so by the
   * horizon's end; {@link #NEVER} otherwise.
   */
  static int crossingMonth(EvidenceFit.Path path, EvidenceConfig config) {
    if (path.slope() <= 0) {
      return NEVER;
    }
    double month = config.origin() + 12 * (-path.intercept() / path.slope());
    return month > config.horizonEnd() + 0.5 ? NEVER : (int) Math.round(Math.max(month, -1e6));
  }

  private static Estimate estimateOf(Replicates replicates, EvidenceConfig config, int rows, int sources, Double rmse) {
    int[] crossings = replicates.crossings();
    int p50 = quantile(crossings, 0.5);
    String status = p50 <= config.origin() ? Estimate.CROSSED
        : p50 == NEVER ? Estimate.BEYOND_HORIZON : Estimate.PROJECTED;
    long crossed = Arrays.stream(crossings).filter(m -> m <= config.origin()).count();
    long within = Arrays.stream(crossings).filter(m -> m != NEVER).count();
    double total = Math.max(1, crossings.length);
    return new Estimate(SEGMENT, NAME, status, month(quantile(crossings, 0.1)), month(p50),
        month(quantile(crossings, 0.9)), within / total, rows, null, rmse, "", crossed / total, rows, sources, "");
  }

  /** The reference path and its p10–p90 band, from the first month any claim covers to the horizon's end. */
  private static List<ForecastPoint> path(Replicates replicates, List<Claim> claims, EvidenceConfig config) {
    int first = claims.stream().mapToInt(c -> Months.index(c.periodStart())).min().orElse(config.origin());
    List<ForecastPoint> points = new ArrayList<>();
    double[] shares = new double[replicates.paths().size()];
    for (int m = first; m <= config.horizonEnd(); m++) {
      double years = (m - config.origin()) / 12.0;
      for (int r = 0; r < shares.length; r++) {
        shares[r] = replicates.paths().get(r).share(years);
      }
      Arrays.sort(shares);
      points.add(new ForecastPoint(SEGMENT, NAME, Months.start(m), false, replicates.point().share(years),
          shares.length == 0 ? null : quantile(shares, 0.1), shares.length == 0 ? null : quantile(shares, 0.9),
          null, null));
    }
    return points;
  }

  private static List<ForecastScore> scores(List<Claim> known, List<String> terms, Replicates replicates,
      EvidenceConfig config) {
    List<ForecastScore> scores = new ArrayList<>();
    for (Claim forecast : known.stream().filter(c -> c.kind().equals(Claim.FORECAST)).toList()) {
      EvidenceDesign design = new EvidenceDesign(List.of(forecast), terms, config.origin());
      double[] shares = replicates.paths().stream()
          .mapToDouble(p -> EvidenceDesign.sigmoid(EvidenceFit.expectedLogit(design, 0, p))).sorted().toArray();
      List<Claim> later = known.stream().filter(c -> c.kind().equals(Claim.OBSERVATION)
          && c.measure().equals(forecast.measure()) && c.scope().equals(forecast.scope())
          && !c.periodStart().isAfter(forecast.periodEnd()) && !c.periodEnd().isBefore(forecast.periodStart())
          && c.publishedOn().isAfter(forecast.publishedOn())).toList();
      scores.add(new ForecastScore(forecast,
          EvidenceDesign.sigmoid(EvidenceFit.expectedLogit(design, 0, replicates.point())),
          shares.length == 0 ? Double.NaN : quantile(shares, 0.1), shares.length == 0 ? Double.NaN : quantile(shares, 0.9),
          later.isEmpty() ? null : later.stream().mapToDouble(Claim::share).average().orElseThrow(),
          later.isEmpty() ? null : String.join("; ", later.stream().map(Claim::source).distinct().toList())));
    }
    return scores;
  }

  static boolean enough(List<Claim> claims) {
    List<Claim> points = claims.stream().filter(c -> c.relation().equals("=")).toList();
    return points.size() >= MIN_POINT_CLAIMS && points.stream().map(Claim::periodStart).distinct().count() >= 2;
  }

  static List<String> sources(List<Claim> claims) {
    return claims.stream().map(Claim::source).distinct().toList();
  }

  /** Root mean square of the point claims' residuals (logit) under the point fit. */
  private static Double rmse(EvidenceDesign design, EvidenceFit.Path point) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < design.size(); i++) {
      if (design.censoring[i] == 0) {
        double residual = design.logitShare[i] - EvidenceFit.expectedLogit(design, i, point);
        sum += residual * residual;
        n++;
      }
    }
    return n == 0 ? null : Math.sqrt(sum / n);
  }

  private static Integer shift(LocalDate all, LocalDate without) {
    return all == null || without == null ? null : Months.index(without) - Months.index(all);
  }

  static int quantile(int[] sorted, double q) {
    return sorted.length == 0 ? NEVER : sorted[(int) Math.floor(q * (sorted.length - 1))];
  }

  static double quantile(double[] sorted, double q) {
    return sorted[(int) Math.floor(q * (sorted.length - 1))];
  }

  private static LocalDate month(int index) {
    return index == NEVER ? null : Months.start(index);
  }
}
